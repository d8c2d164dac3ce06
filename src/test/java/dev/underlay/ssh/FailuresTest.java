package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The sentences for network failures that loopback cannot produce (no route, network unreachable), from the
 * exceptions the JDK raises for them, wrapped the way Apache SSHD hands them over.
 */
class FailuresTest {
    private final SshTarget target = SshTarget.direct("db-07", "10.20.0.7", 22, "ops",
            new SshAuth.KeyFile(Path.of("/keys/id_ed25519"), ""));
    private final Handshake handshake = new Handshake(new Endpoint("10.20.0.7", 22), false);

    @Test
    void noRouteToHostReadsAsUnreachable() {
        SshFailure f = Failures.connectFailed(target, handshake,
                new IOException("connect failed", new NoRouteToHostException("No route to host")), false);
        assertEquals(FailureKind.UNREACHABLE, f.kind());
        assertEquals("db-07 (ops@10.20.0.7): unreachable (no route to host).", f.getMessage());
    }

    @Test
    void networkUnreachableReadsAsUnreachableWithTheSystemsWords() {
        SshFailure f = Failures.connectFailed(target, handshake,
                new IOException("connect failed", new SocketException("Network is unreachable")), false);
        assertEquals(FailureKind.UNREACHABLE, f.kind());
        assertEquals("db-07 (ops@10.20.0.7): unreachable (Network is unreachable).", f.getMessage());
    }
}
