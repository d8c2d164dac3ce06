package dev.underlay.ssh;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the SSH transport.
 *
 * @param connectTimeout    TCP connect plus SSH handshake (banner, key exchange, host key check) per hop
 * @param authTimeout       user authentication after the handshake
 * @param commandTimeout    default limit for one command, from channel open to exit; zero means none
 * @param idleTimeout       a session without traffic for this long is closed by the client
 * @param keepAliveInterval keepalive@openssh.com request interval on idle sessions; zero disables keepalive
 * @param keepAliveMaxMissed unanswered keepalives after which the session counts as lost
 * @param maxConcurrent     operations (connect + command, or upload) in flight at once, over all jobs
 * @param maxPerBastion     operations in flight at once through one bastion
 * @param ioWorkers         NIO2 worker threads doing all socket I/O and crypto; 0 means cores - 1 (min 1)
 * @param acceptNewHostKeys store the key of a host seen for the first time ("accept-new"); never applies to a
 *                          changed key
 * @param algorithms        what the client offers
 * @param maxHandshakes     connections in their handshake and authentication at once, over all jobs; the connect
 *                          and auth timeouts count from when one starts, so a fan-out wider than this waits its
 *                          turn instead of timing out hosts that were never slow (decision 0029)
 */
public record SshSettings(Duration connectTimeout, Duration authTimeout, Duration commandTimeout,
                          Duration idleTimeout, Duration keepAliveInterval, int keepAliveMaxMissed,
                          int maxConcurrent, int maxPerBastion, int ioWorkers, boolean acceptNewHostKeys,
                          SshAlgorithms algorithms, int maxHandshakes) {
    /** Handshakes in flight at once by default (decision 0029). */
    public static final int DEFAULT_HANDSHAKES = 64;

    public static final SshSettings DEFAULTS = new SshSettings(Duration.ofSeconds(10), Duration.ofSeconds(15),
            Duration.ZERO, Duration.ofMinutes(10), Duration.ofSeconds(15), 3, 500, 32, 0, false,
            SshAlgorithms.DEFAULT, DEFAULT_HANDSHAKES);

    public SshSettings {
        Objects.requireNonNull(algorithms, "algorithms");
        positive(connectTimeout, "connect timeout");
        positive(authTimeout, "authentication timeout");
        positive(idleTimeout, "idle timeout");
        notNegative(commandTimeout, "command timeout");
        notNegative(keepAliveInterval, "keepalive interval");
        if (maxConcurrent < 1 || maxPerBastion < 1 || keepAliveMaxMissed < 1 || ioWorkers < 0 || maxHandshakes < 1) {
            throw new IllegalArgumentException("SSH concurrency limits and keepalive count must be at least 1");
        }
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("the SSH " + what + " must be positive");
        }
    }

    private static void notNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("the SSH " + what + " must not be negative");
        }
    }

    /**
     * Worker threads actually used: one less than the cores, at least one. Measured on a 2-core box (FanOutBench,
     * 500 hosts): one worker cost 4.0-4.5 ms client CPU per host, two 5.1-6.1 ms, three 5.9 ms, at the same wall
     * time; extra workers on few cores mostly add contention, and a core stays free for the UI.
     */
    public int effectiveIoWorkers() {
        return ioWorkers > 0 ? ioWorkers : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    public SshSettings withTimeouts(Duration connect, Duration auth, Duration command) {
        return new SshSettings(connect, auth, command, idleTimeout, keepAliveInterval, keepAliveMaxMissed,
                maxConcurrent, maxPerBastion, ioWorkers, acceptNewHostKeys, algorithms, maxHandshakes);
    }

    public SshSettings withKeepAlive(Duration interval, int maxMissed, Duration idle) {
        return new SshSettings(connectTimeout, authTimeout, commandTimeout, idle, interval, maxMissed,
                maxConcurrent, maxPerBastion, ioWorkers, acceptNewHostKeys, algorithms, maxHandshakes);
    }

    public SshSettings withLimits(int concurrent, int perBastion) {
        return new SshSettings(connectTimeout, authTimeout, commandTimeout, idleTimeout, keepAliveInterval,
                keepAliveMaxMissed, concurrent, perBastion, ioWorkers, acceptNewHostKeys, algorithms, maxHandshakes);
    }

    public SshSettings withIoWorkers(int workers) {
        return new SshSettings(connectTimeout, authTimeout, commandTimeout, idleTimeout, keepAliveInterval,
                keepAliveMaxMissed, maxConcurrent, maxPerBastion, workers, acceptNewHostKeys, algorithms,
                maxHandshakes);
    }

    public SshSettings withAcceptNewHostKeys(boolean accept) {
        return new SshSettings(connectTimeout, authTimeout, commandTimeout, idleTimeout, keepAliveInterval,
                keepAliveMaxMissed, maxConcurrent, maxPerBastion, ioWorkers, accept, algorithms, maxHandshakes);
    }

    public SshSettings withAlgorithms(SshAlgorithms a) {
        return new SshSettings(connectTimeout, authTimeout, commandTimeout, idleTimeout, keepAliveInterval,
                keepAliveMaxMissed, maxConcurrent, maxPerBastion, ioWorkers, acceptNewHostKeys, a, maxHandshakes);
    }

    public SshSettings withMaxHandshakes(int n) {
        return new SshSettings(connectTimeout, authTimeout, commandTimeout, idleTimeout, keepAliveInterval,
                keepAliveMaxMissed, maxConcurrent, maxPerBastion, ioWorkers, acceptNewHostKeys, algorithms, n);
    }
}
