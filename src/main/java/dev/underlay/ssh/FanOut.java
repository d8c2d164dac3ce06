package dev.underlay.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one command on many hosts, at most {@code forks} at a time, over one {@link JobConnections}: the shared
 * engine of the CLI's {@code exec} and the console's "Run command". No thread per host: each finished host
 * starts the next queued one. Results come back in the order the hosts were given.
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
        Run run = new Run(transport.openJob(), hosts, command, timeout, sink, onHostDone);
        for (int i = 0; i < Math.min(forks, hosts.size()); i++) {
            run.next();
        }
        if (hosts.isEmpty()) {
            run.finish();
        }
        return run;
    }

    /** A run in progress: its results to come, and cancel. */
    public static final class Run {
        private final JobConnections job;
        private final List<Planned> hosts;
        private final String command;
        private final Duration timeout;
        private final OutputSink sink;
        private final Consumer<ExecResult> onHostDone;
        private final ExecResult[] results;
        private final List<RemoteCommand> running = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger nextIndex = new AtomicInteger();
        /** Pending requests to start a host; whoever raises it from zero starts hosts until it is back to zero. */
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger remaining;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final CompletableFuture<List<ExecResult>> done = new CompletableFuture<>();

        private Run(JobConnections job, List<Planned> hosts, String command, Duration timeout, OutputSink sink,
                    Consumer<ExecResult> onHostDone) {
            this.job = job;
            this.hosts = List.copyOf(hosts);
            this.command = command;
            this.timeout = timeout;
            this.sink = sink;
            this.onHostDone = onHostDone;
            this.results = new ExecResult[hosts.size()];
            this.remaining = new AtomicInteger(hosts.size());
        }

        /** Completes with one result per host, in the given order, once every host is done. */
        public CompletableFuture<List<ExecResult>> results() {
            return done;
        }

        /** Hosts finished so far. */
        public int finished() {
            return hosts.size() - remaining.get();
        }

        public int total() {
            return hosts.size();
        }

        /** Stops queued hosts from starting and cancels the running ones; every host still gets a result. */
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                List<RemoteCommand> now;
                synchronized (running) {
                    now = new ArrayList<>(running);
                }
                now.forEach(RemoteCommand::cancel);
                int i;
                while ((i = nextIndex.getAndIncrement()) < hosts.size()) {
                    Planned p = hosts.get(i);
                    complete(i, ExecResult.failure(p.host(), FailureKind.CANCELLED,
                            p.host() + ": cancelled before it started", Duration.ZERO, ""));
                }
            }
        }

        /**
         * Asks for one more host to start. Only one thread at a time starts hosts (the others just leave a request):
         * a host that fails at once (no target, a cached connection failure) completes on the starting thread,
         * and starting the next one from there must loop, not recurse, or thousands of such hosts overflow the stack.
         */
        private void next() {
            if (requests.getAndIncrement() > 0) {
                return;
            }
            do {
                startOne();
            } while (requests.decrementAndGet() > 0);
        }

        private void startOne() {
            if (cancelled.get()) {
                return;
            }
            int i = nextIndex.getAndIncrement();
            if (i >= hosts.size()) {
                return;
            }
            Planned p = hosts.get(i);
            if (p.target() == null) {
                complete(i, ExecResult.failure(p.host(), FailureKind.TARGET_INVALID, p.problem(), Duration.ZERO, ""));
                next();
                return;
            }
            RemoteCommand rc = timeout == null ? job.exec(p.target(), command, sink)
                    : job.exec(p.target(), command, timeout, sink);
            running.add(rc);
            if (cancelled.get()) {
                rc.cancel(); // cancel() took its snapshot of the running commands before this one was added
            }
            rc.result().whenComplete((r, e) -> {
                running.remove(rc);
                complete(i, r != null ? r : ExecResult.failure(p.host(), FailureKind.DISCONNECTED,
                        p.host() + ": " + e, Duration.ZERO, ""));
                next();
            });
        }

        private void complete(int i, ExecResult r) {
            synchronized (results) {
                if (results[i] != null) {
                    return;
                }
                results[i] = r;
            }
            try {
                onHostDone.accept(r);
            } finally {
                if (remaining.decrementAndGet() == 0) {
                    finish();
                }
            }
        }

        private void finish() {
            job.close();
            done.complete(List.of(results));
        }
    }
}
