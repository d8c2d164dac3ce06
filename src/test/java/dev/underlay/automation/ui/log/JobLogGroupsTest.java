package dev.underlay.automation.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.background.ExecutorTaskRunner;
import dev.underlay.ssh.StepState;
import dev.underlay.ssh.StreamKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The groups beside the log when lines come after a recompute was just made: issue 14's "every log line kept"
 * (JobFlowTest under load: "step 3 ...: 3 hosts printed the same; 1 differ" for a check printing "yes" everywhere).
 */
class JobLogGroupsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T14:15:00Z");
    private static final List<String> HOSTS = List.of("fra1-k8s-w01", "fra1-k8s-w02", "fra1-k8s-w03", "fra1-k8s-w04");
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final JobLogViewModel vm = new JobLogViewModel(List.of("health-disk", "health-memory-load",
            "health-time-sync"), new CurrentThreadTaskRunner(), nanos::get);
    private long seq;

    @Test
    void aHostsLineThatArrivesRightAfterTheStepEndedIsGroupedAtALaterPulse() {
        List<JobListener.StepResult> started = new ArrayList<>();
        List<JobListener.StepResult> ended = new ArrayList<>();
        for (String h : HOSTS) {
            started.add(result(h, StepState.RUNNING));
            ended.add(result(h, StepState.OK));
        }
        vm.steps(started);
        vm.append(HOSTS.subList(0, 3).stream().map(h -> yes(h)).toList());
        // the window was told every end before the writer had stored w04's line (it reads the database)
        vm.steps(ended);
        assertEquals("step 3 health-time-sync: 3 hosts printed the same; 1 differ", summary());
        nanos.addAndGet(16_000_000L); // the next pulse hands over the rest: within the recompute interval
        vm.append(List.of(yes("fra1-k8s-w04")));
        vm.pulse();
        nanos.addAndGet(JobLogGroups.EVERY_NANOS); // the job has ended: nothing more is fed, pulses go on
        vm.pulse();
        assertEquals("step 3 health-time-sync: all 4 hosts printed the same", summary());
        assertEquals("fra1-k8s-w[01-04]  (4 hosts, 1 line)", vm.groups().groupRows().get(0).toString());
    }

    @Test
    void pulsesWithNothingNewLeaveTheGroupsAsTheyAre() {
        vm.steps(List.of(result("fra1-k8s-w01", StepState.RUNNING)));
        vm.append(List.of(yes("fra1-k8s-w01")));
        var rows = vm.groups().steps();
        var before = List.copyOf(rows);
        nanos.addAndGet(JobLogGroups.EVERY_NANOS * 4);
        vm.pulse();
        assertEquals(before, List.copyOf(rows));
        assertEquals("step 3 health-time-sync: 1 host so far; 1 still running", summary());
    }

    @Test
    void theGroupsAreComputedOnAWorkerOneAtATimeAndSwappedInOnTheCallersThread() throws InterruptedException {
        BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>(); // the "FX thread": this test, draining callbacks
        List<String> handedOverBy = new CopyOnWriteArrayList<>();
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner("groups-worker", 1, r -> {
            handedOverBy.add(Thread.currentThread().getName()); // the thread that ran the work hands its result over
            fx.add(r);
        })) {
            JobLogViewModel live = new JobLogViewModel(List.of("a", "b", "health-time-sync"), runner, nanos::get);
            List<JobListener.StepResult> started = new ArrayList<>();
            List<JobListener.StepResult> ended = new ArrayList<>();
            for (String h : HOSTS) {
                started.add(result(h, StepState.RUNNING));
                ended.add(result(h, StepState.OK));
            }
            live.steps(started); // a forced recompute goes to the worker
            live.append(HOSTS.stream().map(this::yes).toList());
            live.steps(ended); // forced while the first runs: owed, not run beside it
            assertTrue(live.groups().steps().isEmpty(), "nothing grouped on the caller's thread");
            fx.poll(30, TimeUnit.SECONDS).run();
            assertEquals("step 3 health-time-sync: all 4 hosts printed the same; 4 still running",
                    live.groups().steps().get(0).toString(), "the first computation, from its copy");
            fx.poll(30, TimeUnit.SECONDS).run();
            assertEquals("step 3 health-time-sync: all 4 hosts printed the same",
                    live.groups().steps().get(0).toString(), "the owed one, from the latest state");
            assertEquals("fra1-k8s-w[01-04]  (4 hosts, 1 line)", live.groups().groupRows().get(0).toString());
            assertEquals(2, handedOverBy.size(), "two computations: " + handedOverBy);
            handedOverBy.forEach(t -> assertTrue(t.startsWith("groups-worker"), "grouped on " + t));
        }
    }

    private String summary() {
        return vm.groups().steps().get(vm.groups().steps().size() - 1).toString();
    }

    private JobRepository.OutputLine yes(String host) {
        long n = seq++;
        return new JobRepository.OutputLine(n, T0.plusMillis(10 + n), host, 2, StreamKind.STDOUT, "yes");
    }

    private static JobListener.StepResult result(String host, StepState state) {
        return new JobListener.StepResult(host, 2, 1, state, T0, state.isFinal() ? T0.plusMillis(100) : null,
                state.isFinal() ? 0 : dev.underlay.ssh.ExecResult.NO_STATUS, "", "", "");
    }
}
