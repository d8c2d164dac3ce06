package dev.underlay.ssh;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Opens one authenticated session to one hop, asynchronously: TCP connect (directly, or through a local tunnel
 * port forwarded by an already authenticated bastion session, as sshd's own ProxyJump does), handshake with host
 * key verification under the connect timeout, then authentication under the auth timeout. No thread waits.
 */
final class Connector {
    private final SshClient client;
    private final SshSettings settings;
    private final ScheduledExecutorService timers;
    /** Connections in their handshake and authentication now; each one's timeouts start when it gets a turn. */
    private final AsyncLimiter handshakes;

    Connector(SshClient client, SshSettings settings, ScheduledExecutorService timers) {
        this.client = client;
        this.settings = settings;
        this.timers = timers;
        this.handshakes = new AsyncLimiter(settings.maxHandshakes());
    }

    /** The most connections that were in their handshake or authentication at once. */
    int handshakesPeak() {
        return handshakes.peak();
    }

    /** What authenticates the session: a decrypted key pair or a password. */
    record Secret(KeyPair keyPair, String password) {
    }

    /**
     * Connects and authenticates {@code target}. {@code bastion} is the authenticated session of the hop before
     * it, or null for a direct connection.
     */
    CompletableFuture<ClientSession> open(SshTarget target, ClientSession bastion, Secret secret) {
        Handshake hs = new Handshake(target.endpoint(), false, target.algorithms());
        return handshakes.submit(() -> connect(target, bastion, hs)
                .thenCompose(session -> authenticate(target, session, secret)));
    }

    /** Connects and runs the key exchange only; for scans the handshake's verifier refuses the key on purpose. */
    CompletableFuture<ClientSession> handshake(SshTarget target, ClientSession bastion, Handshake hs) {
        return handshakes.submit(() -> connect(target, bastion, hs));
    }

    private CompletableFuture<ClientSession> connect(SshTarget target, ClientSession bastion, Handshake hs) {
        CompletableFuture<ClientSession> out = new CompletableFuture<>();
        ExplicitPortForwardingTracker tunnel = null;
        ConnectFuture cf;
        try {
            String host = target.address();
            int port = target.port();
            if (bastion != null) {
                tunnel = bastion.createLocalPortForwardingTracker(new SshdSocketAddress("127.0.0.1", 0),
                        new SshdSocketAddress(target.address(), target.port()));
                host = "127.0.0.1";
                port = tunnel.getBoundAddress().getPort();
            }
            cf = client.connect(target.user(), host, port, hs.context(), null);
        } catch (IOException | RuntimeException e) {
            closeQuietly(tunnel);
            out.completeExceptionally(Failures.connectFailed(target, hs, e, bastion != null));
            return out;
        }
        ExplicitPortForwardingTracker tun = tunnel;
        Duration limit = settings.connectTimeout();
        ScheduledFuture<?> timer = timers.schedule(() -> {
            ClientSession s = cf.isDone() ? cf.getSession() : null;
            if (out.completeExceptionally(Failures.connectTimeout(target, s != null, limit))) {
                cf.cancel();
                if (s != null) {
                    s.close(true);
                }
                closeQuietly(tun);
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        cf.addListener(f -> {
            Throwable err = f.getException();
            ClientSession s = err == null ? f.getSession() : null;
            if (s != null && out.isDone()) {
                s.close(true); // connected just after the timeout fired: nobody will use this session
                return;
            }
            if (s == null) {
                timer.cancel(false);
                closeQuietly(tun);
                out.completeExceptionally(Failures.connectFailed(target, hs,
                        err != null ? err : new IOException("connection cancelled"), bastion != null));
                return;
            }
            if (tun != null) {
                s.addCloseFutureListener(c -> closeQuietly(tun));
            }
            hs.keyExchanged.whenComplete((v, e) -> {
                timer.cancel(false);
                if (e != null) {
                    s.close(true);
                    out.completeExceptionally(Failures.connectFailed(target, hs, e, bastion != null));
                } else if (!out.complete(s)) {
                    s.close(true); // the timeout won the race
                }
            });
        });
        return out;
    }

    private CompletableFuture<ClientSession> authenticate(SshTarget target, ClientSession s, Secret secret) {
        CompletableFuture<ClientSession> out = new CompletableFuture<>();
        if (secret.keyPair() != null) {
            s.addPublicKeyIdentity(secret.keyPair());
            CoreModuleProperties.PREFERRED_AUTHS.set(s, "publickey");
        } else {
            s.addPasswordIdentity(secret.password());
            CoreModuleProperties.PREFERRED_AUTHS.set(s, "password");
        }
        Duration limit = settings.authTimeout();
        ScheduledFuture<?> timer = timers.schedule(() -> {
            if (out.completeExceptionally(Failures.authTimeout(target, limit))) {
                s.close(true);
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            s.auth().addListener(f -> {
                timer.cancel(false);
                if (f.isSuccess()) {
                    out.complete(s);
                } else {
                    s.close(true);
                    out.completeExceptionally(Failures.authFailed(target, f.getException()));
                }
            });
        } catch (IOException e) {
            timer.cancel(false);
            s.close(true);
            out.completeExceptionally(Failures.authFailed(target, e));
        }
        return out;
    }

    private static void closeQuietly(ExplicitPortForwardingTracker t) {
        if (t != null) {
            try {
                t.close();
            } catch (IOException | RuntimeException e) {
                // the tunnel's session is gone already; nothing left to release
            }
        }
    }
}
