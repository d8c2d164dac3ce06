package dev.underlay.automation.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.log.LogStream;
import dev.underlay.automation.ui.log.JobLogViewModel;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.ssh.StepState;
import dev.underlay.ssh.StreamKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The seam between the stored lines and the live step results: a step's end reaches the window at once, its lines
 * through the job log's queue; the end must still come after them (issue 14, "every log line kept").
 */
class JobLogFeedTest {
    private static final Instant T0 = Instant.parse("2026-12-02T14:15:00Z");
    private static final String HOST = "fra1-k8s-w04";

    /** The job log as the feed sees it: lines queued for the writer are stored by a flush or the writer's turn. */
    private static final class Log implements JobLogFeed.Source {
        final List<JobRepository.OutputLine> queued = new ArrayList<>();
        final List<JobRepository.OutputLine> stored = new ArrayList<>();

        @Override
        public void flush() {
            writerTurn();
        }

        void writerTurn() {
            stored.addAll(queued);
            queued.clear();
        }

        @Override
        public void outputAfter(long job, long afterSeq, int limit, Consumer<JobRepository.OutputLine> each) {
            stored.stream().filter(l -> l.seq() > afterSeq).limit(limit).forEach(each);
        }
    }

    @Test
    void aStepsEndThatArrivesBeforeItsLinesAreStoredIsShownAfterThem() {
        Log log = new Log();
        JobLogViewModel vm = new JobLogViewModel(List.of("a", "b", "health-time-sync"), new CurrentThreadTaskRunner());
        JobLogFeed feed = new JobLogFeed(7, log, new CurrentThreadTaskRunner(), vm, p -> {
            throw new AssertionError(p);
        });
        // the host printed "yes" and ended the step; the line waits in the log's queue, the end came live
        log.queued.add(new JobRepository.OutputLine(0, T0.plusMillis(10), HOST, 2, StreamKind.STDOUT, "yes"));
        feed.results(List.of(new JobListener.StepResult(HOST, 2, 1, StepState.OK, T0, T0.plusMillis(100), 0, "", "",
                "")));
        Instant now = T0.plusSeconds(1);
        for (int pulse = 0; pulse < 3; pulse++, now = now.plusMillis(16)) {
            feed.pulse(now, true);
        }
        log.writerTurn(); // a quarter of a second later the writer has stored it anyway
        for (int pulse = 0; pulse < 200; pulse++, now = now.plus(Duration.ofMillis(16))) {
            feed.pulse(now, true);
        }
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < vm.rowCount(); r++) {
            rows.add(vm.row(r).stream() == LogStream.SYSTEM ? "system" : vm.row(r).text());
        }
        assertEquals(List.of("system", "yes", "system"), rows, "the step's start, its line, its end");
        vm.groups().refreshNow();
        assertEquals("step 3 health-time-sync: 1 host so far", vm.groups().steps().get(0).toString());
    }

    @Test
    void aChunkWithTheStepResultsAmongItsLinesIsPublishedOnceAndInOrder() {
        Log log = new Log();
        JobLogViewModel vm = new JobLogViewModel(List.of("a"), new CurrentThreadTaskRunner());
        JobLogFeed feed = new JobLogFeed(7, log, new CurrentThreadTaskRunner(), vm, p -> {
            throw new AssertionError(p);
        });
        int hosts = 200;
        List<JobListener.StepResult> results = new ArrayList<>();
        long seq = 0;
        for (int h = 0; h < hosts; h++) {
            String host = String.format("lab%04d", h + 1);
            Instant start = T0.plusMillis(10L * h);
            for (int k = 0; k < 2; k++) {
                log.stored.add(new JobRepository.OutputLine(seq++, start.plusMillis(1 + k), host, 0,
                        StreamKind.STDOUT, host + " line " + k));
            }
            results.add(new JobListener.StepResult(host, 0, 1, StepState.OK, start, start.plusMillis(5), 0, "", "",
                    ""));
        }
        feed.results(results); // a live window: every start and end came before the read
        long[] published = {0};
        vm.revisionProperty().addListener((o, a, b) -> published[0]++);
        Instant now = T0.plusSeconds(5);
        for (int pulse = 0; pulse < 5; pulse++, now = now.plusMillis(16)) {
            feed.pulse(now, true);
        }
        assertEquals(4L * hosts, vm.lineCount(), "each host's start, two lines and end");
        assertEquals(1, published[0], "the chunk and its " + 2 * hosts + " results in one batch, not one a result");
        vm.show("lab0007", null);
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < vm.rowCount(); r++) {
            rows.add(vm.row(r).stream() == LogStream.SYSTEM ? "system" : vm.row(r).text());
        }
        assertEquals(List.of("system", "lab0007 line 0", "lab0007 line 1", "system"), rows);
    }

    @Test
    void aFullChunkReachesTheViewerInBoundedSlicesInOrderAndTheTailIsFollowed() {
        Log log = new Log();
        JobLogViewModel vm = new JobLogViewModel(List.of("a"), new CurrentThreadTaskRunner());
        JobLogFeed feed = new JobLogFeed(7, log, new CurrentThreadTaskRunner(), vm, p -> {
            throw new AssertionError(p);
        });
        int total = JobLogFeed.CHUNK * 2 + 123; // two full reads and a short one
        for (int i = 0; i < total; i++) {
            log.stored.add(new JobRepository.OutputLine(i, T0.plusMillis(i), "lab" + (i % 7), 0, StreamKind.STDOUT,
                    "line " + i));
        }
        Instant now = T0.plusSeconds(5);
        int before = 0;
        int pulses = 0;
        while (vm.lineCount() < total && pulses < 1_000) {
            feed.pulse(now, true);
            now = now.plusMillis(16);
            pulses++;
            int added = vm.lineCount() - before;
            assertTrue(added <= JobLogFeed.SLICE, "pulse " + pulses + " appended " + added + " lines");
            before = vm.lineCount();
        }
        assertEquals(total, vm.lineCount());
        assertTrue(pulses > total / JobLogFeed.SLICE, "the chunks went in slices over " + pulses + " pulses");
        for (int r = 0; r < vm.rowCount(); r++) {
            assertEquals("line " + r, vm.row(r).text());
        }
        assertTrue(vm.followingProperty().get(), "still following the tail");
    }
}
