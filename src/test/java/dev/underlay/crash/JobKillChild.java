package dev.underlay.crash;

import dev.underlay.app.AppContext;
import dev.underlay.automation.jobs.JobHandle;
import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.ssh.StreamKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link JobKillTest}: runs a job that prints many lines on every lab host of the data folder
 * and, every 100 ms, prints {@code received N}, the lines the job has handed to its log so far. It prints its own
 * PID first, so that the test knows it kills this JVM and not a wrapper.
 */
public final class JobKillChild {
    private JobKillChild() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("pid " + ProcessHandle.current().pid());
        StringBuilder script = new StringBuilder();
        for (int i = 1; i <= 1500; i++) {
            script.append("echo line-").append(i).append("; sleep 0.02; ");
        }
        script.append("echo end");
        AtomicLong received = new AtomicLong();
        JobListener count = new JobListener() {
            @Override
            public void line(long job, String host, int step, StreamKind stream, Instant at, String text) {
                received.incrementAndGet();
            }
        };
        try (AppContext ctx = AppContext.open(Path.of(args[0]), false, Runnable::run)) {
            JobHandle h = ctx.jobs().start("command:" + script, JobTarget.query("tag:lab"),
                    JobOptions.DEFAULTS.withForks(64), count);
            System.out.println("job " + h.id());
            while (!h.done().isDone()) {
                System.out.println("received " + received.get());
                Thread.sleep(100);
            }
        }
    }
}
