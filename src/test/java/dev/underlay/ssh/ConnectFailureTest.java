package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ConnectFailureTest extends SshTestBase {

    @Test
    void aClosedPortReadsAsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ExecResult r = await(job(transport()).exec(SshTarget.direct("db-01", "127.0.0.1", port, "root", key()),
                "echo", OutputSink.DISCARD));
        assertEquals(FailureKind.CONNECTION_REFUSED, r.failure());
        assertEquals("db-01 (root@[127.0.0.1]:" + port + "): connection refused (nothing accepts SSH connections on "
                + "port " + port + ").", r.message());
    }

    @Test
    void aServerThatAcceptsButNeverSpeaksTimesOutInTheHandshake() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    held.add(silent.accept());
                } catch (java.io.IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SshTransport t = transport(QUICK.withTimeouts(java.time.Duration.ofMillis(500),
                    java.time.Duration.ofSeconds(2), java.time.Duration.ZERO), PassphraseProvider.NONE);
            ExecResult r = await(job(t).exec(SshTarget.direct("mute", "127.0.0.1", silent.getLocalPort(), "root",
                    key()), "echo", OutputSink.DISCARD));
            assertEquals(FailureKind.CONNECT_TIMEOUT, r.failure(), r.message());
            assertTrue(r.message().contains("timed out after 0.5 s waiting for the SSH handshake"), r.message());
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aFailedHostFailsItsLaterCommandsWithTheSameSentenceWithoutReconnecting() throws Exception {
        TestServer server = server(); // key not trusted
        JobConnections job = job(transport());
        SshTarget t = server.target("web-01", key());
        ExecResult first = await(job.exec(t, "echo", OutputSink.DISCARD));
        ExecResult second = await(job.exec(t, "echo", OutputSink.DISCARD));
        assertEquals(first.message(), second.message());
        assertEquals(1, server.sessionsOpened.get());
    }

    @Test
    void aFailingBastionIsNamedInTheTargetsFailure() throws Exception {
        TestServer bastion = server(); // bastion key unknown
        TestServer inner = trustedServer();
        SshTarget target = inner.target("inner", key()).via(List.of(bastion.target("jump", key())));
        ExecResult r = await(job(transport()).exec(target, "echo", OutputSink.DISCARD));
        assertEquals(FailureKind.BASTION_FAILED, r.failure());
        assertTrue(r.message().startsWith("inner (tester@[127.0.0.1]:" + inner.port() + "): cannot go through its "
                + "bastion: jump (tester@[127.0.0.1]:" + bastion.port() + "): host key unknown"), r.message());
    }

    @Test
    void aBastionThatCannotReachTheTargetIsReported() throws Exception {
        TestServer bastion = trustedServer();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SshTarget target = SshTarget.direct("gone", "127.0.0.1", port, "root", key())
                .via(List.of(bastion.target("jump", key())));
        ExecResult r = await(job(transport()).exec(target, "echo", OutputSink.DISCARD));
        assertEquals(FailureKind.BASTION_FAILED, r.failure(), r.message());
        assertTrue(r.message().contains("could not be reached through bastion jump"), r.message());
    }

    @Test
    void anUnknownAlgorithmNameIsRefusedWithASentence() {
        SshSettings bad = QUICK.withAlgorithms(SshAlgorithms.DEFAULT.withKeyExchanges(List.of("curve25519-sha999")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SshTransport(bad, store, secrets, PassphraseProvider.NONE));
        assertTrue(e.getMessage().startsWith("unknown SSH key exchange 'curve25519-sha999' (known: "), e.getMessage());
    }

    @Test
    void noCommonKeyExchangeIsReportedAsAHandshakeFailure() throws Exception {
        TestServer server = trustedServer();
        server.server.setKeyExchangeFactories(org.apache.sshd.common.NamedFactory.setUpTransformedFactories(false,
                List.of(org.apache.sshd.common.kex.BuiltinDHFactories.ecdhp521),
                org.apache.sshd.server.ServerBuilder.DH2KEX));
        SshTransport t = transport(QUICK.withAlgorithms(SshAlgorithms.DEFAULT.withKeyExchanges(
                List.of("curve25519-sha256"))), PassphraseProvider.NONE);
        ExecResult r = await(job(t).exec(server.target("web-01", key()), "echo", OutputSink.DISCARD));
        assertEquals(FailureKind.HANDSHAKE_FAILED, r.failure(), r.message());
    }

    @Test
    void aTargetWithItsOwnAlgorithmsReachesAServerTheDefaultRefuses() throws Exception {
        TestServer server = trustedServer();
        // an old BMC: SHA-1 Diffie-Hellman only, which the default does not offer
        server.server.setKeyExchangeFactories(org.apache.sshd.common.NamedFactory.setUpTransformedFactories(false,
                List.of(org.apache.sshd.common.kex.BuiltinDHFactories.dhg14),
                org.apache.sshd.server.ServerBuilder.DH2KEX));
        SshTransport t = transport();
        SshTarget bmc = server.target("bmc-01", key());
        ExecResult refused = await(job(t).exec(bmc, "echo", OutputSink.DISCARD));
        assertEquals(FailureKind.HANDSHAKE_FAILED, refused.failure(), refused.message());
        ExecResult legacy = await(job(t).exec(bmc.withAlgorithms(SshAlgorithms.DEFAULT.withKeyExchanges(
                List.of("diffie-hellman-group14-sha1"))), "echo ok", OutputSink.DISCARD));
        assertEquals(FailureKind.NONE, legacy.failure(), legacy.message());
        assertEquals("diffie-hellman-group14-sha1", legacy.keyExchange());
    }
}
