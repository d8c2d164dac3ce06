package dev.underlay.app;

import dev.underlay.automation.facts.MachineHealth;
import dev.underlay.automation.ui.jobs.JobEvents;
import dev.underlay.background.TaskRunner;
import dev.underlay.racks.HealthColouring;
import dev.underlay.racks.JobResultColouring;
import dev.underlay.racks.MachineColouring;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ui.Failures;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The live colourings of the racks and the topology (health, last job result) and what feeds them: the facts service
 * and the jobs console's events while the console runs, and the database when it opens, so a restarted console shows
 * each machine's last job and health as they were stored, not "no job yet". The racks know only state ids; this is
 * where the job engine's states become them.
 */
final class ColouringFeeds {
    private final HealthColouring health = new HealthColouring();
    private final JobResultColouring lastJob = new JobResultColouring();

    /** Hands both colourings to a view's chooser ({@code addColouring} of the racks or the topology). */
    void addTo(Consumer<MachineColouring> chooser) {
        chooser.accept(health);
        chooser.accept(lastJob);
    }

    /**
     * Starts feeding from the open data folder, on the FX thread: the live listeners first, then the stored states
     * read on the task runner (a live state that arrives before the read ends wins over the stored one).
     */
    void open(AppContext ctx, JobEvents events, TaskRunner tasks, Consumer<String> messages) {
        ctx.facts().addHealthListener(latest -> health.update(healthIds(latest)));
        tasks.submit("read machines' health", () -> healthIds(ctx.facts().latestHealth()), health::update,
                e -> messages.accept("cannot read machines' health: " + Failures.describe(e)));
        events.onHostChange((host, state) -> lastJob.update(host, state.id()));
        tasks.submit("read machines' last jobs", () -> stateIds(ctx.jobs().lastHostStates()), lastJob::fill,
                e -> messages.accept("cannot read machines' last jobs: " + Failures.describe(e)));
    }

    private static Map<String, String> healthIds(Map<String, MachineHealth> latest) {
        Map<String, String> ids = new HashMap<>();
        latest.forEach((m, h) -> ids.put(m, h.state().id()));
        return ids;
    }

    private static Map<String, String> stateIds(Map<String, HostRunState> stored) {
        Map<String, String> ids = new HashMap<>(stored.size() * 2);
        stored.forEach((m, s) -> ids.put(m, s.id()));
        return ids;
    }
}
