package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.DatabaseException;
import dev.underlay.ssh.HostKeyChange.Result;
import dev.underlay.ssh.repository.JdbcHostKeyRepository;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store's decisions on a real H2 repository, and that a reopened store sees the same. */
class HostKeyStoreTest extends SshTestBase {
    private final Endpoint web = new Endpoint("web1", 22);
    private final Endpoint db2 = new Endpoint("db2", 2222);

    private KnownHostKey trusted(Endpoint ep, PublicKey k) {
        return store.toKnown(ep, k, "known_hosts", false);
    }

    private KnownHostKey revoked(Endpoint ep, PublicKey k) {
        return store.toKnown(ep, k, "known_hosts", true);
    }

    private HostKeyStore reopened() {
        return new HostKeyStore(new JdbcHostKeyRepository(db), Clock.systemUTC());
    }

    private static List<Result> results(List<HostKeyChange> changes) {
        return changes.stream().map(HostKeyChange::result).toList();
    }

    @Test
    void revokingATrustedKeyMarksItRevokedInMemoryAndInTheDatabase() throws Exception {
        PublicKey k = Fixtures.ed25519().getPublic();
        store.trust(web, k, "scan");
        List<HostKeyChange> c = store.save(List.of(revoked(web, k)));
        assertEquals(List.of(Result.UNTRUSTED), results(c));
        assertEquals("scan", c.get(0).stored().source(), "the change names the row that was trusted");
        assertEquals(HostKeyStatus.REVOKED, store.check(web, k).status());
        assertEquals(HostKeyStatus.REVOKED, reopened().check(web, k).status());
        assertEquals(1, reopened().keys(web).size(), "one row, now revoked, not a second one");
        assertEquals(List.of(Result.UNCHANGED), results(store.save(List.of(revoked(web, k)))));
    }

    @Test
    void aRevokedKeyIsRefusedAtEveryEndpointAndNeverTrustedAgain() throws Exception {
        PublicKey k = Fixtures.ed25519().getPublic();
        store.save(List.of(revoked(web, k)));
        assertEquals(HostKeyStatus.REVOKED, store.check(db2, k).status());
        assertEquals(HostKeyStatus.REVOKED, reopened().check(db2, k).status());
        assertEquals(List.of(Result.REFUSED_REVOKED, Result.REFUSED_REVOKED),
                results(store.save(List.of(trusted(web, k), trusted(db2, k)))));
        assertEquals(0, store.trust(db2, k, "scan"));
        assertTrue(store.keys(db2).isEmpty());
    }

    @Test
    void aSecondKeyOfTheSameTypeIsAConflictAndAnotherTypeIsAdded() throws Exception {
        PublicKey first = Fixtures.ed25519().getPublic();
        PublicKey second = Fixtures.ed25519().getPublic();
        PublicKey ecdsa = Fixtures.ecdsa().getPublic();
        List<HostKeyChange> c = store.save(List.of(trusted(web, first), trusted(web, second), trusted(web, ecdsa),
                trusted(web, first)));
        assertEquals(List.of(Result.ADDED, Result.CONFLICT, Result.ADDED, Result.UNCHANGED), results(c));
        assertEquals(HostKeys.fingerprint(first), c.get(1).stored().fingerprint());
        assertEquals(HostKeyStatus.CHANGED, reopened().check(web, second).status());
        assertEquals(2, reopened().keys(web).size());
    }

    @Test
    void forgettingAnEndpointKeepsItsRevokedKeys() throws Exception {
        PublicKey old = Fixtures.ed25519().getPublic();
        PublicKey bad = Fixtures.ecdsa().getPublic();
        store.trust(web, old, "scan");
        store.save(List.of(revoked(web, bad)));
        assertEquals(1, store.forget(web));
        assertEquals(List.of(HostKeys.fingerprint(bad)), store.keys(web).stream().map(KnownHostKey::fingerprint)
                .toList());
        assertEquals(HostKeyStatus.REVOKED, reopened().check(web, bad).status());
        assertEquals(HostKeyStatus.NEW, reopened().check(web, old).status());
    }

    @Test
    void aFailedWriteChangesNothingInMemory() throws Exception {
        PublicKey k = Fixtures.ed25519().getPublic();
        HostKeyRepository jdbc = new JdbcHostKeyRepository(db);
        HostKeyStore failing = new HostKeyStore(new HostKeyRepository() {
            @Override
            public List<KnownHostKey> all() {
                return jdbc.all();
            }

            @Override
            public void addAll(List<KnownHostKey> keys) {
                throw new DatabaseException("cannot store SSH host keys: the disk is full", null);
            }

            @Override
            public int removeTrusted(Endpoint endpoint) {
                return jdbc.removeTrusted(endpoint);
            }
        }, Clock.systemUTC());
        assertThrows(DatabaseException.class, () -> failing.save(List.of(trusted(web, k), revoked(db2, k))));
        assertEquals(HostKeyStatus.NEW, failing.check(web, k).status());
        assertTrue(failing.all().isEmpty());
    }

    @Test
    void aFirstContactKeyIsTrustedAtOnceWrittenByTheWriterAndCountsAsStored()
            throws Exception {
        PublicKey seen = Fixtures.ed25519().getPublic();
        PublicKey imported = Fixtures.ed25519().getPublic();
        assertEquals(HostKeyStatus.KNOWN, store.acceptOnFirstContact(web, seen, "first-contact").status());
        assertEquals(HostKeyStatus.KNOWN, store.check(web, seen).status());
        assertEquals(HostKeyStatus.KNOWN, store.acceptOnFirstContact(web, seen, "first-contact").status(),
                "the second contact finds it known");
        store.flush();
        assertEquals(HostKeyStatus.KNOWN, reopened().check(web, seen).status());
        assertEquals(List.of(Result.CONFLICT), results(store.save(List.of(trusted(web, imported)))),
                "a first-contact key counts as stored");
        assertEquals(HostKeyStatus.CHANGED, store.acceptOnFirstContact(web, imported, "first-contact").status(),
                "accept-new never takes a second key");
    }
}
