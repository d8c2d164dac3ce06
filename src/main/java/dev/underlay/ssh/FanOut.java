package dev.underlay.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one command on many hosts, at most {@code forks} at a time, over one {@link JobConnections}: the engine of
 * the CLI's {@code exec} and the console's "Run command", a one-step job on a {@link StepRunner}. Results come back
 * in the order the hosts were given.
 */
public final class FanOut {
    private final SshTransport transport;

    public FanOut(SshTransport transport) {
        this.transport = transport;
    }

    /**
     * A host to run on: a target, or the sentence saying why there is none (no address, no credential...), which
     * becomes that host's failed result without any connection attempt.
     */
    public record Planned(String host, SshTarget target, String problem) {
        public static Planned of(SshTarget target) {
            return new Planned(target.name(), target, "");
        }

        public static Planned unusable(String host, String problem) {
            return new Planned(host, null, problem);
        }
    }

    /**
     * Starts the run.
     *
     * @param forks      hosts in flight at once (1 or more)
     * @param timeout    command timeout per host, or {@code null} for the transport's default
     * @param sink       every output line, on I/O threads (must not block)
     * @param onHostDone called once per host as it finishes, on I/O threads (must not block)
     */
    public Run start(List<Planned> hosts, String command, int forks, Duration timeout, OutputSink sink,
                     Consumer<ExecResult> onHostDone) {
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1, not " + forks);
        }
        StepRunner runner = new StepRunner(transport.openJob(), forks);
        Run run = new Run(runner, hosts.size());
        List<CompletableFuture<ExecResult>> futures = new ArrayList<>(hosts.size());
        for (Planned p : hosts) {
            RemoteCommand rc = runner.submit(StepRunner.Request.of(p, command, timeout, sink));
            futures.add(rc.result().whenComplete((r, e) -> run.hostDone(r, onHostDone)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            runner.connections().close();
            run.done.complete(futures.stream().map(CompletableFuture::join).toList());
        });
        if (run.cancelled.get()) {
            runner.cancelAll();
        }
        return run;
    }

    /** A run in progress: its results to come, and cancel. */
    public static final class Run {
        private final StepRunner runner;
        private final int total;
        private final AtomicInteger finished = new AtomicInteger();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final CompletableFuture<List<ExecResult>> done = new CompletableFuture<>();

        private Run(StepRunner runner, int total) {
            this.runner = runner;
            this.total = total;
        }

        private void hostDone(ExecResult r, Consumer<ExecResult> onHostDone) {
            try {
                onHostDone.accept(r);
            } finally {
                finished.incrementAndGet();
            }
        }

        /** Completes with one result per host, in the given order, once every host is done. */
        public CompletableFuture<List<ExecResult>> results() {
            return done;
        }

        /** Hosts finished so far. */
        public int finished() {
            return finished.get();
        }

        public int total() {
            return total;
        }

        /** Stops queued hosts from starting and cancels the running ones; every host still gets a result. */
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                runner.cancelAll();
            }
        }
    }
}
