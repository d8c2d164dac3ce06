package dev.underlay.automation.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
