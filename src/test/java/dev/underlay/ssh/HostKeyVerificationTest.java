package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.ssh.repository.JdbcHostKeyRepository;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HostKeyVerificationTest extends SshTestBase {

    @Test
    void refusesAnUnknownHostKeyAndSaysHowToReviewIt() throws Exception {
        TestServer server = server();
        ExecResult r = await(job(transport()).exec(server.target("web-01", key()), "echo", OutputSink.DISCARD));
        assertEquals(FailureKind.HOST_KEY_UNKNOWN, r.failure());
        assertTrue(r.message().startsWith("web-01 (tester@[127.0.0.1]:" + server.port() + "): host key unknown"),
                r.message());
        assertTrue(r.message().contains("ssh-ed25519 " + HostKeys.fingerprint(server.hostKey.getPublic())),
                r.message());
        assertTrue(r.message().contains("hostkeys scan"), r.message());
        assertTrue(server.commandsRun.isEmpty());
        assertTrue(store.all().isEmpty());
    }

    @Test
    void refusesAChangedHostKeyNamingOldAndNewFingerprints() throws Exception {
        TestServer server = server();
        KeyPair old = Fixtures.ed25519();
        store.trust(new Endpoint("127.0.0.1", server.port()), old.getPublic(), "test");
        ExecResult r = await(job(transport(QUICK.withAcceptNewHostKeys(true), PassphraseProvider.NONE))
                .exec(server.target("web-01", key()), "echo", OutputSink.DISCARD));
        assertEquals(FailureKind.HOST_KEY_CHANGED, r.failure(), "accept-new never applies to a changed key");
        assertTrue(r.message().contains("host key changed"), r.message());
        assertTrue(r.message().contains(HostKeys.fingerprint(old.getPublic())), r.message());
        assertTrue(r.message().contains(HostKeys.fingerprint(server.hostKey.getPublic())), r.message());
        assertTrue(server.commandsRun.isEmpty());
        assertEquals(1, store.all().size());
    }

    @Test
    void acceptNewPolicyStoresTheKeyOnFirstContactAndPersistsIt() throws Exception {
        TestServer server = server();
        ExecResult r = await(job(transport(QUICK.withAcceptNewHostKeys(true), PassphraseProvider.NONE))
                .exec(server.target("web-01", key()), "echo", OutputSink.DISCARD));
        assertEquals(FailureKind.NONE, r.failure(), r.message());
        HostKeyStore reloaded = new HostKeyStore(new JdbcHostKeyRepository(db), Clock.systemUTC());
        List<KnownHostKey> keys = reloaded.keys(new Endpoint("127.0.0.1", server.port()));
        assertEquals(1, keys.size());
        assertEquals("first-contact", keys.get(0).source());
        assertEquals(HostKeys.fingerprint(server.hostKey.getPublic()), keys.get(0).fingerprint());
    }

    @Test
    void refusesARevokedKey() throws Exception {
        TestServer server = server();
        Endpoint ep = new Endpoint("127.0.0.1", server.port());
        store.save(List.of(store.toKnown(ep, server.hostKey.getPublic(), "known_hosts", true)));
        ExecResult r = await(job(transport()).exec(server.target("web-01", key()), "echo", OutputSink.DISCARD));
        assertEquals(FailureKind.HOST_KEY_REVOKED, r.failure(), r.message());
        assertTrue(r.message().startsWith("web-01 (tester@[127.0.0.1]:" + server.port() + "): the server presented "
                + "the revoked host key ssh-ed25519 " + HostKeys.fingerprint(server.hostKey.getPublic())), r.message());
        assertTrue(server.commandsRun.isEmpty());
    }

    @Test
    void aKeyRevokedForAnotherEndpointIsRefusedHereTooEvenUnderAcceptNew() throws Exception {
        TestServer server = server();
        Endpoint elsewhere = new Endpoint("10.9.9.9", 22);
        store.save(List.of(store.toKnown(elsewhere, server.hostKey.getPublic(), "known_hosts", true)));
        ExecResult r = await(job(transport(QUICK.withAcceptNewHostKeys(true), PassphraseProvider.NONE))
                .exec(server.target("web-01", key()), "echo", OutputSink.DISCARD));
        assertEquals(FailureKind.HOST_KEY_REVOKED, r.failure(), r.message());
        assertTrue(r.message().contains("revoked for 10.9.9.9"), r.message());
        assertTrue(store.keys(new Endpoint("127.0.0.1", server.port())).isEmpty(), "accept-new stored nothing");
        assertTrue(server.commandsRun.isEmpty());
    }

    @Test
    void acceptNewDecidesWithoutTheDatabaseOnTheIoThreadAndTheWriterStoresTheKeyBeforeClose() throws Exception {
        RecordingRepository repo = new RecordingRepository(new JdbcHostKeyRepository(db));
        HostKeyStore own = new HostKeyStore(repo, Clock.systemUTC());
        TestServer server = server();
        SshTransport t = new SshTransport(QUICK.withAcceptNewHostKeys(true), own, secrets, PassphraseProvider.NONE);
        try (JobConnections job = t.openJob()) {
            ExecResult r = await(job.exec(server.target("web-01", key()), "echo hi", OutputSink.DISCARD));
            assertEquals(FailureKind.NONE, r.failure(), r.message());
        }
        t.close(); // flushes the store's writer: no explicit flush here
        assertEquals(List.of("all on " + Thread.currentThread().getName(), "addAll on underlay-hostkey-writer"),
                repo.calls, "the verifier on the SSH I/O thread made no repository call");
        List<KnownHostKey> stored = new HostKeyStore(new JdbcHostKeyRepository(db), Clock.systemUTC())
                .keys(new Endpoint("127.0.0.1", server.port()));
        assertEquals(List.of(HostKeys.fingerprint(server.hostKey.getPublic())),
                stored.stream().map(KnownHostKey::fingerprint).toList());
        assertEquals("first-contact", stored.get(0).source());
    }

    @Test
    void acceptNewTrustsAKeyOnceAcrossConcurrentFirstContacts() throws Exception {
        TestServer server = server();
        SshTransport t = transport(QUICK.withAcceptNewHostKeys(true), PassphraseProvider.NONE);
        JobConnections job = job(t);
        List<RemoteCommand> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(job.exec(new SshTarget("web-" + i, "127.0.0.1", server.port(), "u" + i, key(), List.of()),
                    "echo hi", OutputSink.DISCARD));
        }
        for (RemoteCommand c : runs) {
            assertEquals(FailureKind.NONE, await(c).failure());
        }
        store.flush();
        assertEquals(1, new HostKeyStore(new JdbcHostKeyRepository(db), Clock.systemUTC())
                .keys(new Endpoint("127.0.0.1", server.port())).size());
    }

    @Test
    void batchScanGivesNewKnownAndChangedAndAcceptStoresOnlyTheNewOnes() throws Exception {
        TestServer known = trustedServer();
        TestServer fresh = server();
        TestServer changed = server();
        KeyPair old = Fixtures.ed25519();
        store.trust(new Endpoint("127.0.0.1", changed.port()), old.getPublic(), "test");
        java.net.ServerSocket closedPort = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        int deadPort = closedPort.getLocalPort();
        closedPort.close();
        SshTransport t = transport();
        List<HostKeyReview> rows = t.scanHostKeys(List.of(known.target("known", key()), fresh.target("fresh", key()),
                changed.target("changed", key()), SshTarget.direct("dead", "127.0.0.1", deadPort, "x", key())))
                .get(60, TimeUnit.SECONDS);
        assertEquals(List.of("known", "fresh", "changed", "dead"), rows.stream().map(HostKeyReview::name).toList());
        Map<String, HostKeyReview> byName = rows.stream().collect(Collectors.toMap(HostKeyReview::name,
                Function.identity()));
        assertEquals(HostKeyStatus.KNOWN, byName.get("known").status());
        assertEquals(HostKeyStatus.NEW, byName.get("fresh").status());
        assertEquals(HostKeys.fingerprint(fresh.hostKey.getPublic()), byName.get("fresh").fingerprint());
        assertEquals(HostKeyStatus.CHANGED, byName.get("changed").status());
        assertEquals(List.of("ssh-ed25519 " + HostKeys.fingerprint(old.getPublic())),
                byName.get("changed").knownFingerprints());
        assertEquals(HostKeys.fingerprint(changed.hostKey.getPublic()), byName.get("changed").fingerprint());
        assertEquals(HostKeyStatus.FAILED, byName.get("dead").status());
        assertTrue(byName.get("dead").message().contains("connection refused"), byName.get("dead").message());
        assertNull(byName.get("dead").publicKey());
        assertEquals(0, known.sessionsOpened.get() - 1, "a scan opens one connection and does not log in");
        assertTrue(known.commandsRun.isEmpty());

        assertEquals(1, t.accept(rows));
        assertEquals(HostKeyStatus.KNOWN, store.check(new Endpoint("127.0.0.1", fresh.port()),
                fresh.hostKey.getPublic()).status());
        assertEquals(HostKeyStatus.CHANGED, store.check(new Endpoint("127.0.0.1", changed.port()),
                changed.hostKey.getPublic()).status(), "a changed key is never accepted by a batch accept");
        assertEquals(0, await(job(t).exec(fresh.target("fresh", key()), "echo", OutputSink.DISCARD)).exitStatus());
    }

    @Test
    void forgettingAnEndpointLetsItsNewKeyBeAccepted() throws Exception {
        TestServer server = server();
        Endpoint ep = new Endpoint("127.0.0.1", server.port());
        store.trust(ep, Fixtures.ed25519().getPublic(), "test");
        assertEquals(1, store.forget(ep));
        assertEquals(HostKeyStatus.NEW, store.check(ep, server.hostKey.getPublic()).status());
        assertTrue(new HostKeyStore(new JdbcHostKeyRepository(db), Clock.systemUTC()).keys(ep).isEmpty());
    }

    /** Each call of the wrapped repository as "method on thread". */
    static final class RecordingRepository implements HostKeyRepository {
        final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final HostKeyRepository inner;

        RecordingRepository(HostKeyRepository inner) {
            this.inner = inner;
        }

        private void record(String method) {
            calls.add(method + " on " + Thread.currentThread().getName());
        }

        @Override
        public List<KnownHostKey> all() {
            record("all");
            return inner.all();
        }

        @Override
        public void addAll(List<KnownHostKey> keys) {
            record("addAll");
            inner.addAll(keys);
        }

        @Override
        public int removeTrusted(Endpoint endpoint) {
            record("removeTrusted");
            return inner.removeTrusted(endpoint);
        }
    }
}
