package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The import against a minimal stand-in for the known_hosts parser's entries (plain, "[host]:port", "*" wildcards,
 * hashed "|1|salt|hash"); the real parser lives in dev.underlay.ssh.knownhosts.
 */
class KnownHostsImportTest extends SshTestBase {

    record Entry(int line, List<String> hostPatterns, boolean hashed, PublicKey key, Marker marker)
            implements KnownHostsEntry {
        @Override
        public boolean matches(String host, int port) {
            String name = port == 22 ? host : "[" + host + "]:" + port;
            for (String p : hostPatterns) {
                if (hashed ? hash(p, name) : name.matches(String.join(".*", java.util.Arrays.stream(
                        p.split("\\*", -1)).map(java.util.regex.Pattern::quote).toList()))) {
                    return true;
                }
            }
            return false;
        }
    }

    static String hashed(String salt64, String name) {
        return "|1|" + salt64 + "|" + hmac(Base64.getDecoder().decode(salt64), name);
    }

    static boolean hash(String pattern, String name) {
        String[] parts = pattern.split("\\|");
        return parts[3].equals(hmac(Base64.getDecoder().decode(parts[2]), name));
    }

    static String hmac(byte[] salt, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importsPlainAndPortEntriesAndMatchesHashedOnesAgainstTheInventory() throws Exception {
        PublicKey a = Fixtures.ed25519().getPublic();
        PublicKey b = Fixtures.ecdsa().getPublic();
        PublicKey c = Fixtures.ed25519().getPublic();
        PublicKey ca = Fixtures.ed25519().getPublic();
        String salt = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                15, 16, 17, 18, 19, 20});
        List<Entry> entries = List.of(
                new Entry(1, List.of("web1", "10.0.0.1"), false, a, KnownHostsEntry.Marker.NONE),
                new Entry(2, List.of("[10.0.0.2]:2222"), false, b, KnownHostsEntry.Marker.NONE),
                new Entry(3, List.of(hashed(salt, "[10.0.0.3]:2200")), true, c, KnownHostsEntry.Marker.NONE),
                new Entry(4, List.of(hashed(salt, "not-in-inventory")), true, c, KnownHostsEntry.Marker.NONE),
                new Entry(5, List.of("*.lab"), false, ca, KnownHostsEntry.Marker.CERT_AUTHORITY));
        KnownHostsImport.Report r = new KnownHostsImport(store).run("known_hosts", entries,
                List.of(new Endpoint("10.0.0.3", 2200), new Endpoint("10.0.0.9", 22)));
        assertEquals(4, r.added());
        assertEquals(1, r.unmatched());
        assertEquals(1, r.skipped());
        assertEquals(List.of("skipped: known_hosts:5: @cert-authority entries are not supported."), r.notes());
        assertEquals(false, r.failed());
        assertEquals(HostKeyStatus.KNOWN, store.check(new Endpoint("web1", 22), a).status());
        assertEquals(HostKeyStatus.KNOWN, store.check(new Endpoint("10.0.0.1", 22), a).status());
        assertEquals(HostKeyStatus.KNOWN, store.check(new Endpoint("10.0.0.2", 2222), b).status());
        assertEquals(HostKeyStatus.KNOWN, store.check(new Endpoint("10.0.0.3", 2200), c).status());
        assertEquals("known_hosts", store.keys(new Endpoint("10.0.0.3", 2200)).get(0).source());
    }

    private static Entry plain(int line, PublicKey key, String... hosts) {
        return new Entry(line, List.of(hosts), false, key, KnownHostsEntry.Marker.NONE);
    }

    private static Entry revoked(int line, PublicKey key, String... hosts) {
        return new Entry(line, List.of(hosts), false, key, KnownHostsEntry.Marker.REVOKED);
    }

    @Test
    void neverOverwritesADifferentStoredKeyOfTheSameTypeAndCountsKnownOnes() throws Exception {
        PublicKey stored = Fixtures.ed25519().getPublic();
        PublicKey stored2 = Fixtures.ed25519().getPublic();
        PublicKey other = Fixtures.ed25519().getPublic();
        store.trust(new Endpoint("web1", 22), stored, "scan");
        store.trust(new Endpoint("web2", 22), stored2, "scan");
        KnownHostsImport.Report r = new KnownHostsImport(store).run("kh", List.of(plain(1, other, "web1"),
                plain(2, stored2, "web2")), List.of());
        assertEquals(0, r.added());
        assertEquals(1, r.conflicts());
        assertEquals(1, r.known());
        assertEquals(List.of("conflict: kh:1: web1: has ssh-ed25519 " + HostKeys.fingerprint(other) + " in the file but "
                + "ssh-ed25519 " + HostKeys.fingerprint(stored) + " in the inventory; kept the inventory's key."),
                r.notes());
        assertTrue(r.failed(), "a conflict fails the import");
        assertEquals(HostKeyStatus.CHANGED, store.check(new Endpoint("web1", 22), other).status());
    }

    @Test
    void twoDifferentKeysOfOneTypeForOneHostInTheFileAreAConflictAndNeitherIsImported() throws Exception {
        PublicKey a = Fixtures.ed25519().getPublic();
        PublicKey b = Fixtures.ed25519().getPublic();
        PublicKey c = Fixtures.ecdsa().getPublic();
        KnownHostsImport.Report r = new KnownHostsImport(store).run("kh", List.of(plain(1, a, "web1"),
                plain(2, b, "web1", "web3"), plain(3, c, "web1"), plain(4, a, "web1")), List.of());
        assertEquals(1, r.conflicts());
        assertEquals(2, r.added(), "web3's key and web1's ECDSA key");
        assertEquals(List.of("conflict: kh:1,2,4: web1: 2 different ssh-ed25519 keys in this file ("
                + HostKeys.fingerprint(a) + " on line 1, " + HostKeys.fingerprint(b) + " on line 2); none of them "
                + "was imported."), r.notes());
        assertEquals(List.of(HostKeys.fingerprint(c)), store.keys(new Endpoint("web1", 22)).stream()
                .map(KnownHostKey::fingerprint).toList());
        assertEquals(HostKeyStatus.KNOWN, store.check(new Endpoint("web3", 22), b).status());
        assertTrue(r.failed());
    }

    @Test
    void aRevokedLineRevokesAKeyTheStoreTrustsAndSaysSo() throws Exception {
        PublicKey k = Fixtures.ed25519().getPublic();
        store.trust(new Endpoint("web1", 22), k, "scan");
        KnownHostsImport.Report r = new KnownHostsImport(store).run("kh", List.of(revoked(7, k, "web1")),
                List.of());
        assertEquals(1, r.revoked());
        assertEquals(0, r.known(), "not 'already known'");
        assertEquals(List.of("revoked: kh:7: web1: ssh-ed25519 " + HostKeys.fingerprint(k) + " was trusted; it is "
                + "revoked now and refused at every endpoint."), r.notes());
        assertEquals(HostKeyStatus.REVOKED, store.check(new Endpoint("web1", 22), k).status());
        assertEquals(HostKeyStatus.REVOKED, store.check(new Endpoint("db9", 2222), k).status());
        assertEquals(false, r.failed());
    }

    @Test
    void aRevokedWildcardLineWinsOverAPlainLineOfTheSameKey() throws Exception {
        PublicKey k = Fixtures.ed25519().getPublic();
        KnownHostsImport.Report r = new KnownHostsImport(store).run("kh", List.of(plain(1, k, "web1"),
                revoked(2, k, "*")), List.of(new Endpoint("web1", 22), new Endpoint("web2", 22)));
        assertEquals(2, r.revoked());
        assertEquals(0, r.added());
        assertEquals(1, r.skipped());
        assertEquals(List.of("skipped: kh:1: web1: ssh-ed25519 " + HostKeys.fingerprint(k) + " is @revoked on line 2; "
                + "not trusted.", "revoked: kh:2: web1, web2: ssh-ed25519 " + HostKeys.fingerprint(k) + " is refused "
                + "from now on, at every endpoint."), r.notes());
        assertEquals(HostKeyStatus.REVOKED, store.check(new Endpoint("web1", 22), k).status());
    }

    @Test
    void aFileOfRejectedUnmatchedAndUnusableLinesFailsAndNamesEachLine() throws Exception {
        PublicKey k = Fixtures.ed25519().getPublic();
        KnownHostsImport.Report r = new KnownHostsImport(store).run("kh", List.of(plain(2, k, "we b"),
                revoked(3, k, "*.old")), List.of(new KnownHostsImport.Rejected(1, "The line is not valid UTF-8.")),
                List.of(new Endpoint("web1", 22)));
        assertTrue(r.failed());
        assertEquals(2, r.rejected());
        assertEquals(1, r.unmatched());
        assertEquals(List.of("rejected: kh:1: The line is not valid UTF-8.",
                "rejected: kh:2: 'we b' is not an address or [address]:port.",
                "skipped: kh:3: this @revoked entry matches no machine of the inventory, so nothing was revoked; "
                        + "import the machines first, then this file again."), r.notes());
        assertTrue(store.all().isEmpty());
        assertEquals("0 added, 0 revoked, 0 already known, 0 conflicts, 1 unmatched, 0 skipped, 2 rejected",
                r.summary());
    }
}
