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
 * The import against a minimal stand-in for the known_hosts parser's entries (plain, "[host]:port", hashed
 * "|1|salt|hash"); the real parser lives in dev.underlay.ssh.knownhosts.
 */
class KnownHostsImportTest extends SshTestBase {

    record Entry(int line, List<String> hostPatterns, boolean hashed, PublicKey key, Marker marker)
            implements KnownHostsEntry {
        @Override
        public boolean matches(String host, int port) {
            String name = port == 22 ? host : "[" + host + "]:" + port;
            for (String p : hostPatterns) {
                if (hashed ? hash(p, name) : p.equals(name)) {
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
        assertTrue(r.notes().get(0).startsWith("known_hosts line 5: @cert-authority"), r.notes().toString());
        assertEquals(HostKeyStatus.KNOWN, store.check(new Endpoint("web1", 22), a).status());
        assertEquals(HostKeyStatus.KNOWN, store.check(new Endpoint("10.0.0.1", 22), a).status());
        assertEquals(HostKeyStatus.KNOWN, store.check(new Endpoint("10.0.0.2", 2222), b).status());
        assertEquals(HostKeyStatus.KNOWN, store.check(new Endpoint("10.0.0.3", 2200), c).status());
        assertEquals("known_hosts", store.keys(new Endpoint("10.0.0.3", 2200)).get(0).source());
    }

    @Test
    void neverOverwritesADifferentStoredKeyOfTheSameTypeAndCountsKnownOnes() throws Exception {
        PublicKey stored = Fixtures.ed25519().getPublic();
        PublicKey other = Fixtures.ed25519().getPublic();
        store.trust(new Endpoint("web1", 22), stored, "scan");
        KnownHostsImport.Report r = new KnownHostsImport(store).run("kh", List.of(
                new Entry(1, List.of("web1"), false, other, KnownHostsEntry.Marker.NONE),
                new Entry(2, List.of("web1"), false, stored, KnownHostsEntry.Marker.NONE)), List.of());
        assertEquals(0, r.added());
        assertEquals(1, r.conflicts());
        assertEquals(1, r.known());
        assertTrue(r.notes().get(0).contains("kept the inventory's key"), r.notes().toString());
        assertEquals(HostKeyStatus.CHANGED, store.check(new Endpoint("web1", 22), other).status());
    }

    @Test
    void importsRevokedEntriesSoThatTheyAreRefused() throws Exception {
        PublicKey bad = Fixtures.ed25519().getPublic();
        new KnownHostsImport(store).run("kh", List.of(new Entry(1, List.of("web1"), false, bad,
                KnownHostsEntry.Marker.REVOKED)), List.of());
        assertEquals(HostKeyStatus.REVOKED, store.check(new Endpoint("web1", 22), bad).status());
    }
}
