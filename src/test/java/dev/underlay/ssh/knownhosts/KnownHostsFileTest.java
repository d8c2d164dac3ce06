package dev.underlay.ssh.knownhosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against known_hosts files written with OpenSSH's ssh-keygen (src/test/resources/knownhosts). */
class KnownHostsFileTest {
    static KnownHostsFile fixture(String name) throws IOException {
        try (InputStream in = KnownHostsFileTest.class.getResourceAsStream("/knownhosts/" + name)) {
            return KnownHostsFile.parse(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        }
    }

    static Map<String, String> expectedFingerprints() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = KnownHostsFileTest.class.getResourceAsStream("/knownhosts/fingerprints.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .forEach(l -> out.put(l.split(" ")[0], l.split(" ")[1]));
        }
        return out;
    }

    @Test
    void readsEveryFieldOfAPlainFile() throws IOException {
        KnownHostsFile f = fixture("known_hosts");
        assertEquals(List.of(), f.problems());
        assertEquals(5, f.entries().size());
        KnownHostsEntry web = f.entries().get(0);
        assertEquals(3, web.lineNumber());
        assertEquals(KnownHostsMarker.NONE, web.marker());
        assertEquals(List.of("web1.example.com", "192.0.2.10"), web.hostPatterns());
        assertFalse(web.isHashed());
        assertEquals("ssh-ed25519", web.keyType());
        assertEquals("", web.comment());
        KnownHostsEntry db = f.entries().get(1);
        assertEquals(List.of("[db.example.com]:2222", "[192.0.2.20]:2222"), db.hostPatterns());
        assertEquals("ssh-rsa", db.keyType());
        assertEquals("RSA", db.publicKey().getAlgorithm());
        assertEquals("db on a non-standard port", db.comment());
        assertEquals("EC", f.entries().get(2).publicKey().getAlgorithm());
        assertEquals(KnownHostsMarker.CERT_AUTHORITY, f.entries().get(3).marker());
        assertEquals("example.org host CA", f.entries().get(3).comment());
        assertEquals(KnownHostsMarker.REVOKED, f.entries().get(4).marker());
        assertEquals("ecdsa-sha2-nistp521", f.entries().get(4).keyType());
    }

    @Test
    void fingerprintsEqualSshKeygens() throws IOException {
        Map<String, String> expected = expectedFingerprints();
        List<String> order = List.of("ed25519", "rsa", "ecdsa256", "ecdsa384", "ecdsa521");
        List<KnownHostsEntry> entries = fixture("known_hosts").entries();
        for (int i = 0; i < order.size(); i++) {
            assertEquals(expected.get(order.get(i)), KnownHostsFile.fingerprint(entries.get(i).publicKey()),
                    order.get(i));
        }
    }

    @Test
    void hashedFileDecodesToTheSameKeysAndMatchesTheOriginalNames() throws IOException {
        KnownHostsFile f = fixture("known_hosts.hashed");
        assertEquals(List.of(), f.problems());
        assertEquals(7, f.entries().size(), "one hashed line per name, wildcard and marker lines left as they were");
        KnownHostsEntry first = f.entries().get(0);
        assertTrue(first.isHashed());
        assertEquals(List.of(), first.hostPatterns());
        assertEquals(expectedFingerprints().get("ed25519"), first.fingerprint());
        assertTrue(first.hostField().startsWith("|1|"));
        assertEquals(List.of(3), lines(f, "web1.example.com", 22));
        assertEquals(List.of(3), lines(f, "WEB1.example.com", 22), "ssh lower-cases the name before hashing");
        assertEquals(List.of(4), lines(f, "192.0.2.10", 22));
        assertEquals(List.of(5), lines(f, "db.example.com", 2222));
        assertEquals(List.of(6), lines(f, "192.0.2.20", 2222));
        assertEquals(List.of(7), lines(f, "a.lab.example.com", 22));
        assertEquals(List.of(), lines(f, "db.example.com", 22));
        assertEquals(List.of(), lines(f, "web1.example.com", 2222));
    }

    private static List<Integer> lines(KnownHostsFile f, String host, int port) {
        return f.matching(host, port).stream().map(KnownHostsEntry::lineNumber).toList();
    }

    @Test
    void hashedHostOfAPortOtherThan22IsTheBracketedForm() {
        byte[] salt = new byte[20];
        HashedHost h = HashedHost.of(salt, "[db.example.com]:2222");
        assertTrue(h.matches("[db.example.com]:2222"));
        assertFalse(h.matches("db.example.com"));
        assertEquals(h, HashedHost.of(salt, "[db.example.com]:2222"));
        assertTrue(h.toString().startsWith("|1|AAAAAAAAAAAAAAAAAAAAAAAAAAA=|"), h.toString());
    }

    @Test
    void portDefaultsTo22AndOtherPortsNeedTheBracketedForm() throws IOException {
        KnownHostsFile f = fixture("known_hosts");
        assertEquals(List.of(3), lines(f, "web1.example.com", 22));
        assertEquals(List.of(3), lines(f, "WEB1.Example.COM", 22), "host names compare case-insensitively");
        assertEquals(List.of(), lines(f, "web1.example.com", 2222));
        assertEquals(List.of(4), lines(f, "db.example.com", 2222));
        assertEquals(List.of(4), lines(f, "192.0.2.20", 2222));
        assertEquals(List.of(), lines(f, "db.example.com", 22));
        assertEquals(List.of(), lines(f, "db.example.com", 2223));
    }

    @Test
    void wildcardsAndNegationFollowOpenSsh() throws IOException {
        KnownHostsFile f = fixture("known_hosts");
        assertEquals(List.of(5), lines(f, "a.lab.example.com", 22));
        assertEquals(List.of(5), lines(f, "deep.a.lab.example.com", 22), "* also spans dots");
        assertEquals(List.of(), lines(f, "secret.lab.example.com", 22), "a matching negation vetoes the line");
        assertEquals(List.of(5), lines(f, "lab1.example.net", 22));
        assertEquals(List.of(), lines(f, "lab12.example.net", 22), "? is exactly one character");
        assertEquals(List.of(), lines(f, "a.lab.example.com", 2222), "a plain wildcard does not match [host]:port");
        assertEquals(List.of(), lines(f, "lab.example.com", 22));
    }

    @Test
    void markersAreReportedAndStillMatch() throws IOException {
        KnownHostsFile f = fixture("known_hosts");
        KnownHostsEntry ca = f.matching("x.example.org", 22).get(0);
        assertEquals(KnownHostsMarker.CERT_AUTHORITY, ca.marker());
        assertEquals("@cert-authority", ca.marker().text());
        assertEquals(KnownHostsMarker.REVOKED, f.matching("old.example.com", 22).get(0).marker());
    }

    @Test
    void globHandlesStarsQuestionMarksAndBacktracking() {
        assertTrue(HostPatterns.glob("abcabd", "*abd"));
        assertTrue(HostPatterns.glob("a", "*"));
        assertTrue(HostPatterns.glob("", "*"));
        assertTrue(HostPatterns.glob("[h]:2222", "[h]:*"));
        assertFalse(HostPatterns.glob("ab", "a?b"));
        assertFalse(HostPatterns.glob("", "?"));
        assertTrue(HostPatterns.glob("host-01.dc", "host-??.*"));
        assertFalse(HostPatterns.glob("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "*a*a*a*a*a*a*a*a*a*c"));
        assertTrue(HostPatterns.matches("a.b", List.of("!x", "*.b")));
        assertFalse(HostPatterns.matches("x", List.of("!x", "*")));
        assertFalse(HostPatterns.matches("y", List.of("!x")), "a negation alone never matches");
    }

    @Test
    void aFileThatIsNotThereGivesASentenceNamingIt(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path missing = dir.resolve("nope").resolve("known_hosts");
        IOException e = assertThrows(IOException.class, () -> KnownHostsFile.parse(missing));
        assertEquals("The known_hosts file " + missing + " does not exist.", e.getMessage());
    }

    @Test
    void parsesFromAPathAndNamesItAsSource(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("known_hosts");
        byte[] latin1Comment = (" caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("\uFEFFh1 " + edKey() + "\nh2 " + edKey()).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(latin1Comment);
        java.nio.file.Files.write(file, out.toByteArray());
        KnownHostsFile f = KnownHostsFile.parse(file);
        assertEquals(file.toString(), f.source());
        assertEquals(List.of("h1"), f.entries().get(0).hostPatterns(), "a byte-order mark is not part of the host");
        assertEquals(1, f.entries().size());
        assertEquals(List.of(file + ":2: The line is not valid UTF-8 (byte 0xE9 at byte " + (edKey().length() + 8)
                + " of the line); nothing on it is read."),
                f.problems().stream().map(KnownHostsProblem::toString).toList(), "strict: even in the comment");
    }

    static String edKey() throws IOException {
        try (InputStream in = KnownHostsFileTest.class.getResourceAsStream("/knownhosts/known_hosts")) {
            String line = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("web1")).findFirst().orElseThrow();
            return line.substring(line.indexOf("ssh-ed25519"));
        }
    }

    static KnownHostsFile parse(String text) throws IOException {
        return KnownHostsFile.parse(new StringReader(text), "test_known_hosts");
    }
}
