package dev.underlay.ssh;

import java.security.PublicKey;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.common.AttributeRepository;

/**
 * Per-connection state shared between the connecting code, the host key verifier and the session listener. It
 * travels in the connection context, so it is there before the first packet arrives, and it names the real
 * endpoint even when the TCP connection goes to a local tunnel port.
 */
final class Handshake {
    static final AttributeRepository.AttributeKey<Handshake> KEY = new AttributeRepository.AttributeKey<>();

    final Endpoint endpoint;
    /** Scan mode: record the presented key and refuse it, so the connection ends before authentication. */
    final boolean scanOnly;
    /** Completed when the verifier accepts the host key, failed when the session closes before. */
    final CompletableFuture<Void> keyExchanged = new CompletableFuture<>();
    volatile HostKeyStore.Check verdict;
    volatile PublicKey presented;

    /** Offered on this connection instead of the client's lists, or null. */
    final SshAlgorithms algorithms;

    Handshake(Endpoint endpoint, boolean scanOnly) {
        this(endpoint, scanOnly, null);
    }

    Handshake(Endpoint endpoint, boolean scanOnly, SshAlgorithms algorithms) {
        this.endpoint = endpoint;
        this.scanOnly = scanOnly;
        this.algorithms = algorithms;
    }

    AttributeRepository context() {
        return AttributeRepository.ofKeyValuePair(KEY, this);
    }
}
