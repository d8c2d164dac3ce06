package dev.underlay.automation.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.jobs.JobListener.StepResult;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job window's model alone: events applied in any order, counts, progress, time left, failure groups. */
class JobProgressTest {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    static JobProgress progress(int hosts) {
        var summary = new JobRepository.JobSummary(7, "workflow w", "w", JobTarget.query("all"), JobOptions.DEFAULTS,
                JobState.RUNNING, "", null, T0, null, List.of("a", "b"), hosts, 0, 0);
        List<JobRepository.HostRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            rows.add(new JobRepository.HostRow("h" + i, i, i / 2, HostRunState.WAITING));
        }
        return new JobProgress(summary, rows, List.of());
    }

    static JobEvent step(String host, int step, int attempt, StepState s, int exit, String failure) {
        return new JobEvent.StepChanged(7, new StepResult(host, step, attempt, s, T0, s.isFinal() ? T0.plusSeconds(1)
                : null, exit, failure, failure.isEmpty() ? "" : host + " said no", ""));
    }

    @Test
    void aStaleEventNeverUndoesAFinalCellAndOtherJobsAreIgnored() {
        JobProgress p = progress(2);
        assertTrue(p.apply(step("h0", 0, 1, StepState.OK, 0, "")));
        assertFalse(p.apply(step("h0", 0, 1, StepState.RUNNING, -1, "")), "running after ok: stale");
        assertEquals(StepState.OK, p.cell(0, 0));
        assertFalse(p.apply(new JobEvent.HostChanged(8, "h0", HostRunState.DONE)), "another job's event");
        assertTrue(p.apply(step("h1", 0, 1, StepState.FAILED, 3, "")));
        assertTrue(p.apply(step("h1", 0, 2, StepState.OK, 0, "")), "a later attempt replaces a failed one");
        assertEquals(StepState.OK, p.cell(1, 0));
    }

    @Test
    void countsFractionAndTimeLeftFollowTheHosts() {
        JobProgress p = progress(4);
        p.apply(new JobEvent.HostChanged(7, "h0", HostRunState.ACTIVE));
        p.apply(step("h0", 0, 1, StepState.OK, 0, ""));
        assertEquals(new JobProgress.Counts(3, 1, 0, 0, 0, 0), p.counts());
        assertEquals(1.0 / 8, p.fraction(), 1e-9);
        assertEquals(Duration.ofSeconds(70), p.remaining(T0.plusSeconds(10)).orElseThrow(),
                "an eighth done in 10 s: 70 s to go");
        p.apply(new JobEvent.HostChanged(7, "h1", HostRunState.FAILED));
        p.apply(new JobEvent.HostChanged(7, "h2", HostRunState.SKIPPED));
        p.apply(new JobEvent.HostChanged(7, "h3", HostRunState.CANCELLED));
        assertEquals(new JobProgress.Counts(0, 1, 0, 1, 1, 1), p.counts());
        p.apply(new JobEvent.JobChanged(7, JobState.FAILED, "stopped"));
        assertTrue(p.remaining(T0.plusSeconds(20)).isEmpty(), "no estimate once over");
        assertEquals("stopped", p.message());
    }

    @Test
    void failedHostsGroupBySameStepAndCauseBiggestFirst() {
        JobProgress p = progress(6);
        p.apply(step("h0", 0, 1, StepState.FAILED, 1, ""));
        p.apply(step("h1", 1, 1, StepState.FAILED, 2, ""));
        p.apply(step("h2", 1, 1, StepState.FAILED, 2, ""));
        p.apply(step("h3", 0, 1, StepState.FAILED, -1, "CONNECT_REFUSED"));
        p.apply(step("h4", 1, 1, StepState.FAILED, 2, ""));
        for (String h : List.of("h0", "h1", "h2", "h3", "h4")) {
            p.apply(new JobEvent.HostChanged(7, h, HostRunState.FAILED));
        }
        List<JobProgress.FailureGroup> g = p.failureGroups();
        assertEquals(3, g.size());
        assertEquals(List.of("h1", "h2", "h4"), g.get(0).hosts());
        assertEquals("exit 2", g.get(0).cause());
        assertEquals(1, g.get(0).step());
        assertEquals("exit 2", g.get(0).example(), "no message: the cause stands for it");
        assertEquals("h3 said no", g.stream().filter(x -> x.hosts().equals(List.of("h3"))).findFirst().orElseThrow()
                .example());
        assertEquals(List.of("connect refused", "exit 1"), g.subList(1, 3).stream()
                .map(JobProgress.FailureGroup::cause).sorted().toList());
    }
}
