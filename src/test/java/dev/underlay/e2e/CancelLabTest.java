package dev.underlay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Machine;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FailureKind;
import dev.underlay.ssh.FanOut;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling a run mid-way: running hosts are stopped, queued ones never start, every host gets a result. */
class CancelLabTest {
    private static final int HOSTS = 60;
    private static final int FORKS = 20;

    @TempDir
    static Path dir;
    static EnrolledLab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = EnrolledLab.start(HOSTS, dir, FaultSpec.NONE);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void cancelStopsRunningHostsAndQueuedOnesNeverStart() throws Exception {
        List<Machine> machines = lab.ctx().inventory().inventory().machines().values().stream()
                .sorted(Comparator.comparing(Machine::name)).toList();
        FanOutLabTest.Collector sink = new FanOutLabTest.Collector();
        Set<String> reported = ConcurrentHashMap.newKeySet();
        FanOut.Run run = lab.fanOut().start(lab.plan(machines),
                "echo started; sleep 60; echo finished", FORKS, null, sink, r -> reported.add(r.host()));
        for (int i = 0; i < 600 && sink.total(sink.out) < FORKS; i++) {
            Thread.sleep(50);
        }
        assertEquals(FORKS, sink.total(sink.out), "the first " + FORKS + " hosts are running");
        long commandsBefore = lab.world().lab.status().commands();
        run.cancel();
        List<ExecResult> results = run.results().get(30, TimeUnit.SECONDS);

        assertEquals(HOSTS, results.size());
        assertEquals(HOSTS, reported.size(), "every host reported once");
        int whileRunning = 0;
        int beforeStart = 0;
        for (ExecResult r : results) {
            assertEquals(FailureKind.CANCELLED, r.failure(), r.message());
            if (sink.out.containsKey(r.host())) {
                assertTrue(r.message().endsWith("cancelled while running."), r.message());
                assertEquals("TERM", r.exitSignal(), "the lab host stopped on the TERM it was sent: " + r);
                whileRunning++;
            } else {
                assertTrue(r.message().contains("cancelled before it started"), r.message());
                beforeStart++;
            }
        }
        assertEquals(FORKS, whileRunning);
        assertEquals(HOSTS - FORKS, beforeStart);
        assertEquals(commandsBefore, lab.world().lab.status().commands(), "no queued host started after cancel");
        assertTrue(sink.out.values().stream().flatMap(List::stream).noneMatch("finished"::equals));
        assertEquals(0, lab.ctx().ssh().inFlight());
    }
}
