package dev.underlay.automation.ui.log;

import dev.underlay.automation.jobs.JobListener;
import java.time.Duration;
import java.util.Locale;

/** The system line a step result becomes: "step 2 install: ok (exit 0, 1.2 s)". */
final class StepLines {
    private StepLines() {
    }

    static String describe(JobListener.StepResult r, String stepName) {
        String head = "step " + stepName + ": ";
        String attempt = r.attempt() > 1 ? ", attempt " + r.attempt() : "";
        String took = r.started() != null && r.ended() != null
                ? String.format(Locale.ROOT, ", %.1f s", Duration.between(r.started(), r.ended()).toMillis() / 1000.0)
                : "";
        String why = !r.failure().isEmpty() ? r.failure() : r.message();
        return switch (r.state()) {
            case PENDING -> head + "pending" + attempt;
            case RUNNING -> head + "started" + attempt;
            case RETRY_WAIT -> head + "waits to run again" + attempt + (why.isEmpty() ? "" : ": " + why);
            case OK -> head + "ok (exit " + r.exitStatus() + attempt + took + ")";
            case FAILED -> head + "failed (exit " + r.exitStatus() + attempt + took + ")" + (why.isEmpty() ? "" : ": " + why);
            default -> head + r.state().id() + (why.isEmpty() ? "" : ": " + why);
        };
    }
}
