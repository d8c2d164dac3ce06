package dev.underlay.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.e2e.LabWorld;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.HostRunState;
import dev.underlay.testing.ChildJvm;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job printing about a thousand lines a second on twenty lab hosts, in its own JVM, SIGKILLed by its own PID in
 * the middle: the data folder opens again, the job is marked interrupted with its unfinished hosts, and every
 * line the job had received a second before the kill is in the database, each once.
 */
class JobKillTest {
    /** Database's debug line as a log batch's commit begins (the child logs it: logback-commits.xml). */
    private static final String LOG_COMMIT = "Database: log commit started";

    @TempDir
    Path dir;

    @Test
    void aKilledJobIsMarkedInterruptedWithItsLogCompleteToASecondBeforeTheKill() throws Exception {
        killMidJob(false);
    }

    /** The kill aimed at the log path's commit (its debug line): the batch in flight is lost, not the one before. */
    @Test
    void aJobKilledDuringALogCommitKeepsItsLogToASecondBeforeTheKill() throws Exception {
        killMidJob(true);
    }

    private void killMidJob(boolean duringCommit) throws Exception {
        Path data = dir.resolve("data");
        try (LabWorld world = LabWorld.start(20, dir, FaultSpec.NONE)) {
            try (AppContext ctx = AppContext.open(data, false, Runnable::run)) {
                world.enrol(ctx);
            }
            long receivedBefore;
            long job;
            String logging = JobKillTest.class.getResource("/crash/logback-commits.xml").getPath();
            try (ChildJvm child = ChildJvm.start(JobKillChild.class, List.of("-Dlogback.configurationFile="
                    + logging), List.of(data.toString()))) {
                ChildJvm.Line pid = child.awaitLine(l -> l.startsWith("pid "), 60_000);
                assertNotNull(pid, child.stderr());
                assertEquals(child.pid(), Long.parseLong(pid.text().substring(4)), "the PID is the JVM's own");
                ChildJvm.Line jobLine = child.awaitLine(l -> l.startsWith("job "), 60_000);
                assertNotNull(jobLine, child.stderr());
                job = Long.parseLong(jobLine.text().substring(4));
                assertNotNull(child.awaitLine(l -> l.startsWith("received ") && count(l) > 3000, 60_000),
                        child.stderr());
                Thread.sleep(1500);
                if (duringCommit) {
                    long before = child.lines().stream().filter(l -> LOG_COMMIT.equals(l.text())).count();
                    long[] seen = {0};
                    assertNotNull(child.awaitLine(l -> LOG_COMMIT.equals(l) && ++seen[0] > before, 10_000),
                            "the log commits: " + child.stderr());
                }
                long killedAt = child.millis();
                assertTrue(child.signal(ChildJvm.Signal.KILL), "the child ran until the kill");
                child.waitFor(10_000);
                receivedBefore = child.lines().stream().filter(l -> l.text().startsWith("received ")
                        && l.atMillis() <= killedAt - 1000).mapToLong(l -> count(l.text())).max().orElse(0);
                assertTrue(receivedBefore > 3000, "the job printed before the kill: " + receivedBefore);
            }
            try (AppContext ctx = AppContext.open(data, false, Runnable::run)) {
                assertEquals(1, ctx.jobs().interruptedAtStart());
                JobRepository.JobSummary s = ctx.jobs().find(job).orElseThrow();
                assertEquals(JobState.INTERRUPTED, s.state());
                assertEquals("the process running it ended before the job did", s.message());
                assertTrue(ctx.jobs().hosts(job).stream().allMatch(h -> h.state() == HostRunState.INTERRUPTED),
                        "every host was mid-job: " + ctx.jobs().hosts(job));
                Set<Long> seqs = new HashSet<>();
                long[] n = {0};
                ctx.jobs().output(job, null, null, l -> {
                    n[0]++;
                    seqs.add(l.seq());
                    assertTrue(l.text().startsWith("line-"), l.text());
                });
                assertEquals(n[0], seqs.size(), "each line stored once");
                assertTrue(n[0] >= receivedBefore, n[0] + " lines stored, " + receivedBefore
                        + " received a second before the kill");
                assertTrue(ctx.jobs().results(job).stream().allMatch(r -> r.state().isFinal()),
                        "no attempt is left running");
            }
        }
    }

    private static long count(String line) {
        return Long.parseLong(line.substring("received ".length()).trim());
    }
}
