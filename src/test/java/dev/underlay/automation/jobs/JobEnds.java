package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.ssh.StepState;
import java.util.concurrent.TimeUnit;

/** Waits for a job's end and, when it is not the one expected, says why: the job's message and its steps not ok. */
final class JobEnds {
    private JobEnds() {
    }

    static JobState awaitEnd(JobService jobs, JobHandle h, JobState expected, int seconds) throws Exception {
        JobState end = h.done().get(seconds, TimeUnit.SECONDS);
        assertEquals(expected, end, () -> why(jobs, h.id()));
        return end;
    }

    /** The job's message and its steps not ok, one line. */
    static String why(JobService jobs, long id) {
        return "job " + id + ": " + jobs.find(id).map(JobRepository.JobSummary::message).orElse("(not found)")
                + "; steps not ok: " + jobs.results(id).stream().filter(r -> r.state() != StepState.OK)
                .map(r -> r.host() + " step " + r.step() + " attempt " + r.attempt() + " " + r.state() + " exit "
                        + r.exitStatus() + " " + r.failure() + " " + r.message()).toList();
    }
}
