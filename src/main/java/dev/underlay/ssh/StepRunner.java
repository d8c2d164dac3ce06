package dev.underlay.ssh;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs commands of a job on its hosts over the job's {@link JobConnections}, at most {@code forks} at a time: the
 * engine under {@code exec} ({@link FanOut}) and under jobs, where each host gets its own command, rendered when
 * the host takes its slot (so values published by earlier steps are seen), the runner tells when a host starts
 * as well as when it ends, and a host whose connection failed in an earlier step can connect again. The
 * connections stay open across submissions: a job submits step after step on the same runner and closes the
 * connections at its end. No thread per host, nothing blocks; thread-safe.
 */
public final class StepRunner {
    private final JobConnections connections;
    private final int forks;
    /** Queued work; guarded by {@code this}. Urgent work (a host's next step in a free job) goes first. */
    private final Deque<Work> queue = new ArrayDeque<>();
    private final List<Work> running = new ArrayList<>();
    /** Pending requests to start work; whoever raises it from zero starts work until it is back to zero. */
    private final AtomicInteger requests = new AtomicInteger();
    private boolean held;

    /**
     * @param forks commands in flight at once (1 or more)
     */
    public StepRunner(JobConnections connections, int forks) {
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1, not " + forks);
        }
        this.connections = connections;
        this.forks = forks;
    }

    /** What to run on a host, decided when it starts: a command, or the sentence saying why there is none. */
    public record Prepared(String command, String problem) {
        public static Prepared command(String command) {
            return new Prepared(command, "");
        }

        public static Prepared refused(String problem) {
            return new Prepared(null, problem);
        }
    }

    /** One command for one host, as submitted. */
    public record Request(FanOut.Planned host, Supplier<Prepared> prepare, Duration timeout, OutputSink sink,
                          Runnable onStart, boolean reconnect, boolean urgent) {
        /** A fixed command, no start callback, queued behind earlier work. */
        public static Request of(FanOut.Planned host, String command, Duration timeout, OutputSink sink) {
            return new Request(host, () -> Prepared.command(command), timeout, sink, () -> { }, false, false);
        }
    }

    /**
     * Queues a command. {@code prepare} and {@code onStart} run on the thread that starts it (an I/O thread or
     * the submitter) and must be quick; a {@code reconnect} request forgets an earlier connection failure of the
     * host first. The returned command's result never completes exceptionally.
     */
    public RemoteCommand submit(Request request) {
        Work w = new Work(request);
        synchronized (this) {
            if (request.urgent()) {
                queue.addFirst(w);
            } else {
                queue.addLast(w);
            }
        }
        pump();
        return w;
    }

    /** While held, queued work does not start (running commands go on); {@code false} lets it start again. */
    public void hold(boolean hold) {
        synchronized (this) {
            held = hold;
        }
        if (!hold) {
            pump();
        }
    }

    /** Cancels queued and running work; every submitted command still gets its result. */
    public void cancelAll() {
        List<Work> now;
        synchronized (this) {
            now = new ArrayList<>(queue);
            now.addAll(running);
        }
        now.forEach(Work::cancel);
    }

    /** Cancels queued work only: it never starts and gets a cancelled result; running commands go on. */
    public void cancelQueued() {
        List<Work> now;
        synchronized (this) {
            now = new ArrayList<>(queue);
        }
        now.forEach(Work::cancel);
    }

    /** Commands running now. */
    public synchronized int running() {
        return running.size();
    }

    /** Commands queued and not started. */
    public synchronized int queued() {
        return queue.size();
    }

    public JobConnections connections() {
        return connections;
    }

    /**
     * Starts queued work while slots are free. Only one thread at a time starts work (the others leave a request):
     * work that fails at once completes on the starting thread, and starting the next from there must loop, not
     * recurse, or thousands of unreachable hosts overflow the stack.
     */
    private void pump() {
        if (requests.getAndIncrement() > 0) {
            return;
        }
        do {
            Work w;
            while ((w = take()) != null) {
                w.start();
            }
        } while (requests.decrementAndGet() > 0);
    }

    private synchronized Work take() {
        if (held || running.size() >= forks || queue.isEmpty()) {
            return null;
        }
        Work w = queue.pollFirst();
        running.add(w);
        return w;
    }

    private void done(Work w) {
        synchronized (this) {
            running.remove(w);
        }
        pump();
    }

    /** A submitted command: queued, then started through the job's connections. */
    private final class Work implements RemoteCommand {
        private final Request request;
        private final CompletableFuture<ExecResult> result = new CompletableFuture<>();
        private RemoteCommand command;
        private boolean cancelled;

        Work(Request request) {
            this.request = request;
        }

        @Override
        public String host() {
            return request.host().host();
        }

        @Override
        public CompletableFuture<ExecResult> result() {
            return result;
        }

        void start() {
            FanOut.Planned p = request.host();
            RemoteCommand rc;
            synchronized (this) {
                if (cancelled) {
                    finish(cancelledResult());
                    return;
                }
            }
            try {
                request.onStart().run();
            } catch (RuntimeException e) {
                finish(ExecResult.failure(p.host(), FailureKind.INTERNAL, p.host() + ": " + e, Duration.ZERO, ""));
                return;
            }
            if (p.target() == null) {
                finish(ExecResult.failure(p.host(), FailureKind.TARGET_INVALID, p.problem(), Duration.ZERO, ""));
                return;
            }
            Prepared prepared;
            try {
                prepared = request.prepare().get();
            } catch (RuntimeException e) {
                prepared = Prepared.refused(p.host() + ": " + e.getMessage());
            }
            if (prepared.command() == null) {
                finish(ExecResult.failure(p.host(), FailureKind.RENDER_FAILED, prepared.problem(), Duration.ZERO,
                        ""));
                return;
            }
            if (request.reconnect()) {
                connections.forgetFailure(p.target());
            }
            rc = request.timeout() == null ? connections.exec(p.target(), prepared.command(), request.sink())
                    : connections.exec(p.target(), prepared.command(), request.timeout(), request.sink());
            boolean cancelNow;
            synchronized (this) {
                command = rc;
                cancelNow = cancelled;
            }
            if (cancelNow) {
                rc.cancel();
            }
            rc.result().whenComplete((r, e) -> finish(r != null ? r : ExecResult.failure(p.host(),
                    FailureKind.DISCONNECTED, p.host() + ": " + e, Duration.ZERO, "")));
        }

        private void finish(ExecResult r) {
            if (result.complete(r)) {
                done(this);
            }
        }

        private ExecResult cancelledResult() {
            return ExecResult.failure(host(), FailureKind.CANCELLED, host() + ": cancelled before it started",
                    Duration.ZERO, "");
        }

        @Override
        public void cancel() {
            RemoteCommand rc;
            boolean queuedHere;
            synchronized (this) {
                cancelled = true;
                rc = command;
            }
            synchronized (StepRunner.this) {
                queuedHere = queue.remove(this);
            }
            if (queuedHere) {
                result.complete(cancelledResult()); // never took a slot: nothing to give back
            } else if (rc != null) {
                rc.cancel();
            }
        }
    }
}
