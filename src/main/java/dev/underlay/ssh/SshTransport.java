package dev.underlay.ssh;

import dev.underlay.inventory.CredentialSecrets;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The application's one SSH client. Opens {@link JobConnections} for jobs, scans host keys for review, and owns
 * what is shared: NIO2 worker threads (all socket I/O and crypto, no thread per host), the timer thread, a small
 * pool for blocking work (key files, passphrase prompts, SFTP), decrypted identities, and the concurrency limits.
 */
public final class SshTransport implements AutoCloseable {
    private static final int BLOCKING_THREADS = 4;

    private final SshSettings settings;
    private final HostKeyStore hostKeys;
    private final CredentialSecrets secrets;
    private final SshClient client;
    private final ExecutorService blocking;
    private final Identities identities;
    private final Connector connector;
    private final AsyncLimiter global;
    private final Map<Endpoint, AsyncLimiter> perBastion = new ConcurrentHashMap<>();

    /**
     * Starts the client.
     *
     * @throws IllegalArgumentException with a sentence when an algorithm in the settings is unknown or unsupported
     */
    public SshTransport(SshSettings settings, HostKeyStore hostKeys, CredentialSecrets secrets,
                        PassphraseProvider passphrases) {
        this.settings = settings;
        this.hostKeys = hostKeys;
        this.secrets = secrets;
        this.client = SshClient.setUpDefaultClient();
        AlgorithmSetup.apply(client, settings.algorithms());
        // only what Underlay configures: no ~/.ssh/config, no default identities, no agent, no prompts
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setAgentFactory(null);
        client.setUserInteraction(null);
        client.setServerKeyVerifier(new StoreKeyVerifier(hostKeys, settings.acceptNewHostKeys()));
        CoreModuleProperties.NIO_WORKERS.set(client, settings.effectiveIoWorkers());
        // without TCP_NODELAY, Nagle and delayed ACKs add about 40 ms to every small exchange
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, settings.connectTimeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(client, settings.authTimeout());
        CoreModuleProperties.IDLE_TIMEOUT.set(client, settings.idleTimeout());
        if (!settings.keepAliveInterval().isZero()) {
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, settings.keepAliveInterval());
            CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, settings.keepAliveInterval());
            CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, settings.keepAliveMaxMissed());
        }
        client.addSessionListener(new HandshakeListener());
        client.start();
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "underlay-ssh-blocking-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.blocking = pool;
        this.identities = new Identities(secrets, passphrases, blocking);
        this.connector = new Connector(client, settings, timers());
        this.global = new AsyncLimiter(settings.maxConcurrent());
    }

    public SshSettings settings() {
        return settings;
    }

    public HostKeyStore hostKeys() {
        return hostKeys;
    }

    /** A fresh set of connections for one job; close it when the job ends. */
    public JobConnections openJob() {
        return new JobConnections(this);
    }

    /**
     * Gets the host key of each target (connect, key exchange, disconnect; no authentication) in parallel and
     * compares it with the store. Targets behind bastions authenticate to their bastions. The list has one review
     * per target, in the order given; the future never completes exceptionally.
     */
    public CompletableFuture<List<HostKeyReview>> scanHostKeys(List<SshTarget> targets) {
        return new HostKeyScanner(this).scan(targets);
    }

    /**
     * Stores the presented keys of the NEW reviews, together, in one transaction; returns how many were stored. A
     * key revoked or conflicting since the scan is not stored (the store decides again).
     */
    public int accept(List<HostKeyReview> reviews) {
        return HostKeyChange.count(hostKeys.save(reviews.stream()
                .filter(r -> r.status() == HostKeyStatus.NEW && r.publicKey() != null)
                .map(r -> hostKeys.toKnown(r.endpoint(), r.publicKey(), "scan", false)).toList()),
                HostKeyChange.Result.ADDED);
    }

    /** Forgets decrypted private keys: the next use of an encrypted key asks for its passphrase again. */
    public void forgetIdentities() {
        identities.clear();
    }

    /** Operations in flight over all jobs (for progress displays and tests). */
    public int inFlight() {
        return global.running();
    }

    @Override
    public void close() {
        identities.clear();
        try {
            client.close(true);
        } finally {
            client.stop();
            blocking.shutdownNow();
            hostKeys.flush(); // keys accepted on first contact are stored before the database closes
        }
    }

    // ---- shared parts for JobConnections, the scanner and commands

    <T> CompletableFuture<T> limited(SshTarget target, Supplier<CompletableFuture<T>> op) {
        if (target.jumps().isEmpty()) {
            return global.submit(op);
        }
        AsyncLimiter b = perBastion.computeIfAbsent(target.jumps().get(0).endpoint(),
                e -> new AsyncLimiter(settings.maxPerBastion()));
        return global.submit(() -> b.submit(op));
    }

    ScheduledExecutorService timers() {
        return client.getScheduledExecutorService();
    }

    ExecutorService blocking() {
        return blocking;
    }

    Identities identities() {
        return identities;
    }

    Connector connector() {
        return connector;
    }

    CredentialSecrets secrets() {
        return secrets;
    }

    /** Fails a connection's {@link Handshake} when the session fails or closes before its host key was accepted. */
    private static final class HandshakeListener implements SessionListener {
        private static Handshake of(Session s) {
            if (s instanceof ClientSession cs) {
                AttributeRepository ctx = cs.getConnectionContext();
                return ctx == null ? null : ctx.getAttribute(Handshake.KEY);
            }
            return null;
        }

        /** Before the session sends its KEXINIT: a target's own algorithms replace the client's on it. */
        @Override
        public void sessionCreated(Session session) {
            Handshake hs = of(session);
            if (hs != null && hs.algorithms != null) {
                AlgorithmSetup.apply((ClientSession) session, hs.algorithms);
            }
        }

        @Override
        public void sessionException(Session session, Throwable t) {
            Handshake hs = of(session);
            if (hs != null) {
                hs.keyExchanged.completeExceptionally(t);
            }
        }

        @Override
        public void sessionClosed(Session session) {
            Handshake hs = of(session);
            if (hs != null) {
                hs.keyExchanged.completeExceptionally(new IOException("the server closed the connection"));
            }
        }
    }
}
