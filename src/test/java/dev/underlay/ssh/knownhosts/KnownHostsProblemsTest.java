package dev.underlay.ssh.knownhosts;

import static dev.underlay.ssh.knownhosts.KnownHostsFileTest.edKey;
import static dev.underlay.ssh.knownhosts.KnownHostsFileTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed lines become problems naming the source and line; the good lines around them still count. */
class KnownHostsProblemsTest {

    private static String only(String line) throws IOException {
        KnownHostsFile f = parse(line + "\n");
        assertEquals(List.of(), f.entries(), line);
        assertEquals(1, f.problems().size(), line);
        return f.problems().get(0).message();
    }

    @Test
    void goodLinesSurviveBadOnesAndProblemsNameFileAndLine() throws IOException {
        String key = edKey();
        KnownHostsFile f = parse("# comment\n\n   \t\ngood1 " + key + "\n@trusted bad " + key + "\nonlyhost\n"
                + "good2\t" + key.replace(' ', '\t') + "\t  a comment  with spaces \n");
        assertEquals(List.of(4, 7), f.entries().stream().map(KnownHostsEntry::lineNumber).toList());
        assertEquals("a comment  with spaces", f.entries().get(1).comment());
        assertEquals(List.of("test_known_hosts:5: Unknown marker '@trusted' (expected @cert-authority or @revoked).",
                "test_known_hosts:6: Expected host names, a key type and a base64 key, found only 'onlyhost'."),
                f.problems().stream().map(KnownHostsProblem::toString).toList());
    }

    @Test
    void missingFieldsAreNamed() throws IOException {
        assertEquals("Expected host names, a key type and a base64 key, found only a marker.", only("@revoked"));
        assertEquals("The ssh-ed25519 key data is missing after the key type.", only("h ssh-ed25519"));
    }

    @Test
    void badKeyDataIsNamed() throws IOException {
        assertEquals("The ssh-ed25519 key data is not valid base64.", only("h ssh-ed25519 !!!notbase64"));
        assertEquals("The key type field says ssh-rsa but the key data is a ssh-ed25519 key.",
                only("h " + edKey().replace("ssh-ed25519", "ssh-rsa")));
        assertEquals("The ssh-ed25519 key data is truncated or not an SSH public key.", only("h ssh-ed25519 AAAA"));
        String truncated = only("h ssh-ed25519 AAAAC3NzaC1lZDI1NTE5");
        assertTrue(truncated.startsWith("The ssh-ed25519 key data is damaged and cannot be decoded ("), truncated);
        // a well-formed blob of a type nobody knows: "ssh-foo" then one empty string
        assertEquals("Key type ssh-foo is not supported.", only("h ssh-foo AAAAB3NzaC1mb28AAAAA"));
    }

    @Test
    void protocolOneKeysAreRefusedWithAReason() throws IOException {
        assertEquals("This is an SSH protocol 1 RSA key (bits, exponent, modulus), which is not supported.",
                only("h 2048 65537 1234567890"));
    }

    @Test
    void badHostFieldsAreNamed() throws IOException {
        String key = edKey();
        assertEquals("The hashed host '|1|abc|def' is not of the form |1|salt|hash (two base64 values of 20 bytes "
                + "each).", only("|1|abc|def " + key));
        assertEquals("The hashed host '|2|abc|def' uses an unknown hash type (only |1| exists).",
                only("|2|abc|def " + key));
        assertEquals("The host '[h]:99999' has port 99999, outside 1-65535.", only("[h]:99999 " + key));
        assertEquals("The host '[h:22' is not of the form [host]:port.", only("[h:22 " + key));
        assertEquals("The host list 'a,,b' has an empty entry.", only("a,,b " + key));
        assertEquals("A hashed host cannot be combined with other host names in one field.",
                only("|1|AAAAAAAAAAAAAAAAAAAAAAAAAAA=|AAAAAAAAAAAAAAAAAAAAAAAAAAA=,h " + key));
    }

    @Test
    void hostsThatAreNoNameAddressOrBracketedFormAreNamed() throws IOException {
        String key = edKey();
        assertEquals("The host 'web/1' is not a host name, IP address, [host]:port or hashed host (it contains '/').",
                only("web/1 " + key));
        assertEquals("The host 'caf\\u00e9' is not a host name, IP address, [host]:port or hashed host (it contains the "
                .replace("\\u00e9", "U+00E9") + "non-ASCII character U+00E9; ssh writes names as ASCII).",
                only("caf\u00e9 " + key));
        assertEquals("The host '[web:1]:22' is not a host name, IP address, [host]:port or hashed host (a name with ':' "
                + "is an IPv6 address; a port is written [host]:port).", only("[web:1]:22 " + key));
        assertEquals("The host 'web:22' is not a host name, IP address, [host]:port or hashed host (a name with ':' "
                + "is an IPv6 address; a port is written [host]:port).", only("web:22 " + key));
        KnownHostsFile ok = parse("10.0.0.*,!10.0.0.5,fe80::1%eth0,[2001:db8::1]:2222,host_1.lab-a " + key + "\n");
        assertEquals(List.of(), ok.problems());
        assertEquals(5, ok.entries().get(0).hostPatterns().size());
    }

    @Test
    void controlInvisibleAndReplacementCharactersRefuseTheWholeLine() throws IOException {
        String key = edKey();
        assertEquals("The line contains the control character U+0007 at column 4; nothing on it is read.",
                only("web\u00071 " + key));
        assertEquals("The line contains the invisible formatting character U+202E at column 2; nothing on it is read.",
                only("w\u202Eeb " + key));
        assertEquals("The line contains the replacement character (bytes that were not UTF-8) U+FFFD at column 4; "
                + "nothing on it is read.", only("web\uFFFD " + key));
        assertEquals("The line contains the control character U+001B at column " + (key.length() + 6)
                + "; nothing on it is read.", only("web " + key + " \u001B[2Jcomment"));
    }

    @Test
    void bytesThatAreNotUtf8RefuseTheLineButNotAComment() throws IOException {
        String key = edKey();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("# caf".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(0xE9);
        out.writeBytes(("\r\nweb").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(0xC3); // a lead byte without its continuation: "web?1" must not become a host
        out.writeBytes(("1 " + key + "\r\ngood " + key + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        KnownHostsFile f = KnownHostsFile.parse(new java.io.ByteArrayInputStream(out.toByteArray()), "kh");
        assertEquals(List.of("kh:2: The line is not valid UTF-8 (byte 0xC3 at byte 4 of the line); nothing on it is "
                + "read."), f.problems().stream().map(KnownHostsProblem::toString).toList());
        assertEquals(List.of(List.of("good")), f.entries().stream().map(KnownHostsEntry::hostPatterns).toList());
        assertEquals(3, f.entries().get(0).lineNumber());
    }

    @Test
    void anOverlongLineIsOneProblemAndTheNextLineIsRead() throws IOException {
        String key = edKey();
        byte[] text = ("x".repeat(KnownHostsFile.MAX_LINE + 10) + "\ngood " + key + "\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        KnownHostsFile f = KnownHostsFile.parse(new java.io.ByteArrayInputStream(text), "kh");
        assertEquals(List.of("kh:1: The line is longer than " + KnownHostsFile.MAX_LINE + " bytes."),
                f.problems().stream().map(KnownHostsProblem::toString).toList());
        assertEquals(2, f.entries().get(0).lineNumber());
    }
}
