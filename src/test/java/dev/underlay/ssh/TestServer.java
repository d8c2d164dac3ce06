package dev.underlay.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A plain Apache SSHD server on 127.0.0.1 for tests. Its commands are a tiny script language (no processes):
 * {@code echo T; err T; lines N; partial T; sleep MS; exit N; signal NAME; drop; hostname; gate}, separated by
 * ";".
 */
final class TestServer implements AutoCloseable {
    final SshServer server;
    final KeyPair hostKey;
    final List<PublicKey> authorizedKeys = new CopyOnWriteArrayList<>();
    final Map<String, String> passwords = new ConcurrentHashMap<>();
    final AtomicInteger sessionsOpened = new AtomicInteger();
    /** Sessions between their creation and their authentication (or close), now and at most. */
    final AtomicInteger unauthenticated = new AtomicInteger();
    final AtomicInteger maxUnauthenticated = new AtomicInteger();
    /** How long each public key check takes: a server slow to authenticate (0: at once). */
    volatile long authDelayMillis;
    final List<String> signalsReceived = new CopyOnWriteArrayList<>();
    final List<String> commandsRun = new CopyOnWriteArrayList<>();
    final AtomicInteger runningCommands = new AtomicInteger();
    final AtomicInteger maxRunningCommands = new AtomicInteger();
    final AtomicInteger keepAlivesReceived = new AtomicInteger();
    /** False: keepalive requests are swallowed unanswered, like a server that hung. */
    volatile boolean answerKeepAlives = true;
    /** What the {@code hostname} step prints: one server per host in fan-out tests. */
    volatile String hostName = "test";
    /** Held by the {@code gate} step until opened (or a signal comes); null: the step passes at once. */
    volatile CountDownLatch gate;
    /** When set, every command of this server exits with it, whatever its script says. */
    volatile Integer exitOverride;
    /** Commands running now and at most, over several servers (fan-out tests); null when not shared. */
    volatile AtomicInteger sharedRunning;
    volatile AtomicInteger sharedMaxRunning;

    TestServer(KeyPair hostKey, Path sftpRoot) throws IOException {
        this.hostKey = hostKey;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        CoreModuleProperties.SOCKET_BACKLOG.set(server, 1024); // the fan-out tests connect hundreds at once
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> {
            if (authDelayMillis > 0) {
                try {
                    Thread.sleep(authDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key));
        });
        server.setPasswordAuthenticator((user, password, session) -> password.equals(passwords.get(user)));
        server.setCommandFactory((channel, command) -> new ScriptCommand(command));
        server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        if (sftpRoot != null) {
            server.setFileSystemFactory(new VirtualFileSystemFactory(sftpRoot));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        }
        List<org.apache.sshd.common.channel.RequestHandler<org.apache.sshd.common.session.ConnectionService>> handlers =
                new java.util.ArrayList<>();
        handlers.add((connection, request, wantReply, buffer) -> {
            if (!request.startsWith("keepalive@")) {
                return org.apache.sshd.common.channel.RequestHandler.Result.Unsupported;
            }
            keepAlivesReceived.incrementAndGet();
            // Unsupported passes it on to the stock handler, which answers; Replied claims it and sends nothing
            return answerKeepAlives ? org.apache.sshd.common.channel.RequestHandler.Result.Unsupported
                    : org.apache.sshd.common.channel.RequestHandler.Result.Replied;
        });
        handlers.addAll(server.getGlobalRequestHandlers());
        server.setGlobalRequestHandlers(handlers);
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessionsOpened.incrementAndGet();
                maxUnauthenticated.accumulateAndGet(unauthenticated.incrementAndGet(), Math::max);
                session.addCloseFutureListener(f -> {
                    if (!session.isAuthenticated()) {
                        unauthenticated.decrementAndGet();
                    }
                });
            }

            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.Authenticated) {
                    unauthenticated.decrementAndGet();
                }
            }
        });
        server.start();
    }

    int port() {
        return ((InetSocketAddress) server.getBoundAddresses().iterator().next()).getPort();
    }

    SshTarget target(String name, SshAuth auth) {
        return SshTarget.direct(name, "127.0.0.1", port(), "tester", auth);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Runs the script of one exec request on its own thread (test server only). */
    private final class ScriptCommand implements Command {
        private final String script;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private final CountDownLatch interrupted = new CountDownLatch(1);
        private volatile String signalled;

        ScriptCommand(String script) {
            this.script = script;
        }

        @Override
        public void setInputStream(java.io.InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream o) {
            out = o;
        }

        @Override
        public void setErrorStream(OutputStream e) {
            err = e;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            commandsRun.add(script);
            if (script.equals("uname -a")) { // answered inline, no thread: for the fan-out benchmark
                try {
                    write(out, "Linux test 6.1.0 x86_64 GNU/Linux\n");
                } catch (IOException e) {
                    exit.onExit(255, String.valueOf(e));
                    return;
                }
                exit.onExit(0);
                return;
            }
            env.addSignalListener((ch, signal) -> {
                signalsReceived.add(signal.name());
                signalled = signal.name();
                interrupted.countDown();
            });
            Thread t = new Thread(() -> run(channel), "test-command");
            t.setDaemon(true);
            t.start();
        }

        private void run(ChannelSession channel) {
            maxRunningCommands.accumulateAndGet(runningCommands.incrementAndGet(), Math::max);
            AtomicInteger running = sharedRunning;
            AtomicInteger max = sharedMaxRunning;
            if (running != null && max != null) {
                max.accumulateAndGet(running.incrementAndGet(), Math::max);
            }
            try {
                steps(channel);
            } finally {
                runningCommands.decrementAndGet();
                if (running != null) {
                    running.decrementAndGet();
                }
            }
        }

        /** Waits for the gate (at most 60 s); false when a signal or the channel's end came first. */
        private boolean passGate() throws InterruptedException {
            CountDownLatch g = gate;
            for (int i = 0; g != null && i < 1200 && !g.await(50, TimeUnit.MILLISECONDS); i++) {
                if (interrupted.getCount() == 0) {
                    return false;
                }
            }
            return true;
        }

        private void steps(ChannelSession channel) {
            int status = 0;
            try {
                for (String step : script.split(";")) {
                    String s = step.strip();
                    String arg = s.contains(" ") ? s.substring(s.indexOf(' ') + 1) : "";
                    String op = s.contains(" ") ? s.substring(0, s.indexOf(' ')) : s;
                    switch (op) {
                        case "echo" -> write(out, arg + "\n");
                        case "err" -> write(err, arg + "\n");
                        case "partial" -> write(out, arg);
                        case "lines" -> {
                            StringBuilder b = new StringBuilder();
                            for (int i = 1; i <= Integer.parseInt(arg); i++) {
                                b.append("line ").append(i).append('\n');
                            }
                            write(out, b.toString());
                        }
                        case "sleep" -> {
                            if (interrupted.await(Long.parseLong(arg), TimeUnit.MILLISECONDS)) {
                                if (signalled != null) {
                                    exitSignal(channel, signalled); // killed by it, as a process would be
                                }
                                return; // or the channel was closed (destroy)
                            }
                        }
                        case "exit" -> status = Integer.parseInt(arg);
                        case "hostname" -> write(out, hostName + "\n");
                        case "gate" -> {
                            if (!passGate()) {
                                if (signalled != null) {
                                    exitSignal(channel, signalled);
                                }
                                return;
                            }
                        }
                        case "signal" -> {
                            exitSignal(channel, arg);
                            return;
                        }
                        case "drop" -> {
                            channel.getSession().close(true);
                            return;
                        }
                        default -> {
                            write(err, "unknown step " + op + "\n");
                            status = 127;
                        }
                    }
                }
                Integer forced = exitOverride;
                exit.onExit(forced != null ? forced : status);
            } catch (IOException | InterruptedException | RuntimeException e) {
                exit.onExit(255, String.valueOf(e));
            }
        }

        /** Reports the command as killed by {@code signal} and closes its channel. */
        private void exitSignal(ChannelSession channel, String signal) throws IOException {
            Buffer b = channel.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 64);
            b.putUInt(channel.getRecipient());
            b.putString("exit-signal");
            b.putBoolean(false);
            b.putString(signal);
            b.putBoolean(false);
            b.putString("killed");
            b.putString("");
            channel.writePacket(b);
            channel.close(false);
        }

        private void write(OutputStream o, String s) throws IOException {
            o.write(s.getBytes(StandardCharsets.UTF_8));
            o.flush();
        }

        @Override
        public void destroy(ChannelSession channel) {
            interrupted.countDown();
        }
    }
}
