package dev.underlay.lab;

import dev.underlay.lab.shell.Script;
import dev.underlay.lab.shell.ScriptParser;
import dev.underlay.lab.shell.ShellRun;
import dev.underlay.lab.shell.ShellSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An exec request (or a shell channel, whose script is read from stdin) on a lab host. It runs the lab shell on the
 * lab's small shared pool, never a process; "slow" delays the start on the scheduler, "disconnect" drops the
 * session after the first output.
 */
final class LabShellCommand implements Command {
    private final Lab lab;
    private final String commandLine;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile ShellRun run;
    private volatile String signalled;
    private final AtomicBoolean finished = new AtomicBoolean();

    /** @param commandLine the exec request's command, or null for a shell channel */
    LabShellCommand(Lab lab, String commandLine) {
        this.lab = lab;
        this.commandLine = commandLine;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        HostState host = lab.hostOf(channel.getSession());
        HostFaults faults = host.faults();
        lab.countCommand();
        // a cancelled job sends TERM: the script stops at once and is reported killed by it, as a process would be
        env.addSignalListener((ch, signal) -> {
            signalled = signal.name();
            cancel();
        });
        Runnable go = () -> lab.shellPool().execute(() -> {
            try {
                begin(channel, host, faults);
            } catch (RuntimeException e) {
                // never leave the client waiting for an exit status that will not come
                write(err, "bash: internal error of the lab shell (" + e + ")\n");
                end(1);
            }
        });
        if (faults.slowMillis() > 0) {
            lab.scheduler().schedule(go, faults.slowMillis(), TimeUnit.MILLISECONDS);
        } else {
            go.run();
        }
    }

    private void begin(ChannelSession channel, HostState host, HostFaults faults) {
        String text = commandLine != null ? commandLine : readAll();
        Script script;
        try {
            script = ScriptParser.parse(text);
        } catch (ShellSyntaxException e) {
            write(err, "bash: -c: line 1: " + e.getMessage() + "\n");
            flushQuietly(err);
            end(2);
            return;
        }
        AtomicBoolean dropped = new AtomicBoolean();
        ShellRun.Output output = new ShellRun.Output() {
            @Override
            public void out(String s) {
                send(out, s);
            }

            @Override
            public void err(String s) {
                send(err, s);
            }

            @Override
            public void flush() {
                if (!dropped.get() && !(flushQuietly(out) && flushQuietly(err))) {
                    dropped.set(true);
                    cancel();
                }
            }

            private void send(OutputStream stream, String s) {
                if (dropped.get()) {
                    return;
                }
                if (!write(stream, s)) {
                    dropped.set(true);
                    cancel();
                    return;
                }
                if (faults.disconnect() && dropped.compareAndSet(false, true)) {
                    flushQuietly(stream);
                    drop(channel);
                }
            }
        };
        ShellRun r = new ShellRun(script, host, lab.commands(), channel.getSession().getUsername(),
                commandLine != null ? this::readAll : () -> "", output, lab.shellPool());
        run = r;
        r.start().whenComplete((status, ex) -> {
            if (faults.disconnect()) {
                if (dropped.compareAndSet(false, true)) {
                    drop(channel);
                }
                return;
            }
            if (signalled != null) {
                killed(channel, signalled);
            } else if (!dropped.get()) {
                end(ex != null ? 1 : status);
            }
        });
    }

    /** The "disconnect" fault: the connection goes away without an exit status, as when a host reboots. */
    private void drop(ChannelSession channel) {
        finished.set(true);
        channel.getSession().close(true);
    }

    /** Reports the command as killed by {@code signal} (an exit-signal request) and closes its channel. */
    private void killed(ChannelSession channel, String signal) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            out.flush();
            err.flush();
            Buffer b = channel.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 64);
            b.putUInt(channel.getRecipient());
            b.putString("exit-signal");
            b.putBoolean(false);
            b.putString(signal);
            b.putBoolean(false);
            b.putString("");
            b.putString("");
            channel.writePacket(b);
        } catch (IOException e) {
            // the client is gone; nothing left to tell it
        }
        channel.close(false);
    }

    private void end(int status) {
        if (finished.compareAndSet(false, true)) {
            try {
                out.flush();
                err.flush();
            } catch (IOException e) {
                // the client is gone; nothing left to tell it
            }
            exit.onExit(status);
        }
    }

    private static boolean flushQuietly(OutputStream stream) {
        try {
            stream.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean write(OutputStream stream, String s) {
        try {
            stream.write(s.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String stdinText;

    /** Reads stdin to its end, once; only commands that want input ever call this. */
    private synchronized String readAll() {
        if (stdinText == null) {
            try {
                stdinText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                stdinText = "";
            }
        }
        return stdinText;
    }

    private void cancel() {
        ShellRun r = run;
        if (r != null) {
            r.cancel();
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        finished.set(true);
        cancel();
    }
}
