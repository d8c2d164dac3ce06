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
}
