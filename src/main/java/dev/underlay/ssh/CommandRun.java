package dev.underlay.ssh;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * One command on one host, from "waiting for a slot" to its result. Every transition happens in a callback (I/O
 * thread, timer, or the canceller's thread); the state is guarded by this object's monitor.
 */
final class CommandRun implements RemoteCommand {
    private enum State { WAITING, RUNNING, DONE }

    /** How long a stopped command gets to exit on TERM and report before its channel is dropped. */
    static final long STOP_GRACE_MILLIS = 2000;

    private final SshTarget target;
    private final String command;
    private final Duration timeout;
    private final OutputSink sink;
    private final ScheduledExecutorService timers;
    private final long startNanos = System.nanoTime();
    private final CompletableFuture<ExecResult> result = new CompletableFuture<>();

    private State state = State.WAITING;
    private FailureKind stopReason;
    private ChannelExec channel;
    private ClientSession session;
    private LineSplitter out;
    private LineSplitter err;
    private ScheduledFuture<?> timer;
    private org.apache.sshd.client.future.OpenFuture open;

    CommandRun(SshTarget target, String command, Duration timeout, OutputSink sink, ScheduledExecutorService timers) {
        this.target = target;
        this.command = command;
        this.timeout = timeout;
        this.sink = sink;
        this.timers = timers;
    }

    @Override
    public String host() {
        return target.name();
    }

    @Override
    public CompletableFuture<ExecResult> result() {
        return result;
    }

    /** Starts the command on an authenticated session; returns the result future for chaining. */
    CompletableFuture<ExecResult> start(ClientSession s) {
        ChannelExec ch;
        synchronized (this) {
            if (state != State.WAITING) {
                return result;
            }
            try {
                ch = s.createExecChannel(command);
            } catch (IOException e) {
                finishFailure(FailureKind.DISCONNECTED, target.label() + ": could not open a command channel ("
                        + e.getMessage() + ").", s);
                return result;
            }
            state = State.RUNNING;
            session = s;
            channel = ch;
            out = new LineSplitter(target.name(), StreamKind.STDOUT, sink);
            err = new LineSplitter(target.name(), StreamKind.STDERR, sink);
            ch.setOut(out);
            ch.setErr(err);
        }
        ch.addCloseFutureListener(f -> closed());
        try {
            org.apache.sshd.client.future.OpenFuture opening = ch.open();
            synchronized (this) {
                open = opening;
            }
            // closed() asks the future, not this listener, whether the channel opened: a listener added to a future
            // already done runs here, on this thread, while the session's I/O thread goes on, and a quick command's
            // exit and close could arrive before the listener ran
            opening.addListener(f -> {
                if (!f.isOpened()) {
                    ch.close(true);
                    return; // closed() reports it
                }
                try {
                    ch.getInvertedIn().close(); // end of input: the command must not wait for a keyboard
                } catch (IOException e) {
                    // the channel is closing; closed() reports why
                }
                if (!timeout.isZero()) {
                    synchronized (this) {
                        if (state == State.RUNNING) {
                            timer = timers.schedule(() -> stop(FailureKind.COMMAND_TIMEOUT),
                                    timeout.toMillis(), TimeUnit.MILLISECONDS);
                        }
                    }
                }
            });
        } catch (IOException e) {
            ch.close(true);
        }
        return result;
    }

    /** Fails a command that never got a session. */
    void fail(SshFailure f) {
        synchronized (this) {
            if (state == State.DONE) {
                return;
            }
            finishFailure(f.kind(), f.getMessage(), null);
        }
    }

    @Override
    public void cancel() {
        stop(FailureKind.CANCELLED);
    }

    synchronized boolean waiting() {
        return state == State.WAITING;
    }

    private void stop(FailureKind reason) {
        ChannelExec ch;
        ClientSession s;
        synchronized (this) {
            if (state == State.WAITING) {
                finishFailure(FailureKind.CANCELLED, target.label() + ": cancelled before it started.", null);
                return;
            }
            if (state != State.RUNNING || stopReason != null) {
                return;
            }
            stopReason = reason;
            ch = channel;
            s = session;
        }
        try {
            Buffer b = s.createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 32);
            b.putUInt(ch.getRecipient());
            b.putString("signal");
            b.putBoolean(false);
            b.putString("TERM");
            ch.writePacket(b);
            ch.getInvertedIn().close();
        } catch (IOException | RuntimeException e) {
            // the channel is already going away; closing it below is all that is left to do
        }
        // The channel stays open for the grace period: a command that traps TERM can clean up, print why and exit
        // with its status, all of which arrives. Closing it at once made OpenSSH close the command's output pipes,
        // and the first line its TERM handler (or its shell's "Terminated") wrote killed it with SIGPIPE, cleanup
        // unfinished. A command that ignores TERM, or a server that ignores the signal, is dropped after the grace
        // period.
        timers.schedule(() -> {
            ch.close(true);
        }, STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void closed() {
        synchronized (this) {
            if (state != State.RUNNING) {
                return;
            }
            if (timer != null) {
                timer.cancel(false);
            }
            out.finish();
            err.finish();
            Integer status = channel.getExitStatus();
            String signal = channel.getExitSignal();
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            FailureKind kind = FailureKind.NONE;
            String message;
            if (stopReason == FailureKind.CANCELLED) {
                kind = FailureKind.CANCELLED;
                message = target.label() + ": cancelled while running.";
            } else if (stopReason == FailureKind.COMMAND_TIMEOUT) {
                kind = FailureKind.COMMAND_TIMEOUT;
                message = target.label() + ": the command ran longer than " + Failures.seconds(timeout)
                        + " and was stopped.";
            } else if (status == null && signal == null && (open == null || !open.isOpened())) {
                kind = session.isOpen() ? FailureKind.INTERNAL : FailureKind.DISCONNECTED;
                message = target.label() + (session.isOpen()
                        ? ": the server refused to open a command channel (too many sessions, or exec not allowed)."
                        : ": disconnected before the command could start.");
            } else if (status == null && signal == null) {
                kind = FailureKind.DISCONNECTED;
                message = target.label() + ": disconnected while the command ran (after "
                        + (out.lines() + err.lines()) + " lines of output; no exit status).";
            } else if (signal != null) {
                message = target.label() + ": the command was ended by signal " + signal + ".";
            } else {
                message = target.label() + ": exit status " + status + ".";
            }
            RuntimeException sinkError = out.sinkFailure() != null ? out.sinkFailure() : err.sinkFailure();
            if (sinkError != null) {
                message = message.substring(0, message.length() - 1) + " (output after the first "
                        + "failure of the output display was counted but not shown: " + sinkError + ").";
            }
            state = State.DONE;
            result.complete(new ExecResult(target.name(), status == null ? ExecResult.NO_STATUS : status,
                    signal == null ? "" : signal, took, kind, message, out.lines(), err.lines(), kex(session)));
        }
    }

    private void finishFailure(FailureKind kind, String message, ClientSession s) {
        state = State.DONE;
        result.complete(ExecResult.failure(target.name(), kind, message,
                Duration.ofNanos(System.nanoTime() - startNanos), kex(s)));
    }

    static String kex(ClientSession s) {
        String k = s == null ? null : s.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS);
        return k == null ? "" : k;
    }
}
