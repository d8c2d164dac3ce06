package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.e2e.LabWorld;
import dev.underlay.lab.FaultSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code underlay import --format known_hosts FILE}: host keys into the store, a conflict never overwrites. */
class KnownHostsImportCommandTest {
    @TempDir
    static Path dir;
    static LabWorld world;

    @TempDir
    Path own;

    @BeforeAll
    static void start() throws Exception {
        world = LabWorld.start(3, dir, FaultSpec.NONE);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void theLabsKnownHostsImportsByNameAndASecondImportFindsThemKnown() {
        String data = own.resolve("data").toString();
        String file = world.lab.knownHosts().toString();
        Cli.Result r = Cli.run("import", file, "--data", data);
        assertEquals(0, r.code(), r.toString());
        assertEquals(file + " (known_hosts): 3 added, 0 revoked, 0 already known, 0 conflicts, 0 unmatched, "
                + "0 skipped, 0 rejected\nimported into " + own.resolve("data") + "\n", r.out());
        Cli.Result again = Cli.run("import", "--format", "known_hosts", file, "--data", data);
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().startsWith(file + " (known_hosts): 0 added, 0 revoked, 3 already known"), again.out());
        assertEquals(0, Cli.run("import", world.inventoryFile.toString(), "--data", data).code());
        Cli.Result exec = Cli.run("exec", "--on", "all", "--data", data, "--", "hostname");
        assertEquals(0, exec.code(), exec.toString());
    }

    @Test
    void aConflictingKeyIsReportedWithItsLineAndTheStoredKeyStays() throws Exception {
        String data = own.resolve("data").toString();
        assertEquals(0, Cli.run("import", world.inventoryFile.toString(), "--data", data).code());
        assertEquals(0, Cli.run("import", world.lab.knownHosts().toString(), "--data", data).code());
        // lab0002's key written for lab0001's endpoint: same type, other key
        String other = world.lab.knownHostsLine("lab0002");
        String forged = "[127.0.0.1]:" + world.port(0) + other.substring(other.indexOf(' '));
        Path file = own.resolve("hosts.txt");
        Files.writeString(file, "# from an old laptop\n" + forged + "\n");
        Cli.Result r = Cli.run("import", "--format", "known-hosts", file.toString(), "--data", data);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("0 added, 0 revoked, 0 already known, 1 conflict, 0 unmatched, 0 skipped, "
                + "0 rejected"), r.out());
        assertTrue(r.out().contains("conflict: " + file + ":2: [127.0.0.1]:" + world.port(0) + ": has ssh-ed25519 "),
                r.out());
        assertTrue(r.out().contains("kept the inventory's key"), r.out());
        assertEquals("underlay: known_hosts import of " + file + " failed (1 conflict): nothing was imported\n",
                r.err());
        Cli.Result exec = Cli.run("exec", "--on", "name:lab0001", "--data", data, "--", "hostname");
        assertEquals(0, exec.code(), "lab0001 still has its real key: " + exec);
    }

    @Test
    void twoKeysForOneHostInOneFileAreAConflictNeitherIsTrustedAndTheExitIsOne() throws Exception {
        String data = own.resolve("data").toString();
        String first = world.lab.knownHostsLine("lab0001");
        String second = world.lab.knownHostsLine("lab0002");
        String third = world.lab.knownHostsLine("lab0003");
        String endpoint = first.substring(0, first.indexOf(' '));
        Path file = own.resolve("two_keys");
        Files.writeString(file, first + "\n" + endpoint + second.substring(second.indexOf(' ')) + "\n" + third + "\n");
        Cli.Result r = Cli.run("import", "--format", "known_hosts", file.toString(), "--data", data);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("conflict: " + file + ":1,2: " + endpoint + ": 2 different ssh-ed25519 keys in this "
                + "file ("), r.out());
        assertTrue(r.out().contains("none of them was imported."), r.out());
        assertEquals("underlay: known_hosts import of " + file + " failed (1 conflict): 1 added and 0 revoked, the "
                + "conflicting keys not imported\n", r.err());
        Cli.Result list = Cli.run("hostkeys", "list", "--data", data);
        assertTrue(list.out().endsWith("1 key for 1 endpoint\n"), list.out());
        assertFalse(list.out().contains(endpoint.replace("[", "").replace("]", "") + " "), list.out());
    }

    @Test
    void aGarbledHostNameIsRejectedWithItsLineAndAFileOfOnlyRejectedLinesExitsOne() throws Exception {
        String data = own.resolve("data").toString();
        String line = world.lab.knownHostsLine("lab0001");
        Path file = own.resolve("garbled");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("lab".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xC3); // half of a UTF-8 sequence: a replacing reader made "lab\uFFFD" of it, a trusted name
        bytes.writeBytes(line.substring(line.indexOf(' ')).getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(("\nweb\u00071" + line.substring(line.indexOf(' ')) + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());
        Cli.Result r = Cli.run("import", "--format", "known_hosts", file.toString(), "--data", data);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("rejected: " + file + ":1: The line is not valid UTF-8 (byte 0xC3 at byte 4 of the "
                + "line); nothing on it is read.\n"), r.out());
        assertTrue(r.out().contains("rejected: " + file + ":2: The line contains the control character U+0007 at "
                + "column 4; nothing on it is read.\n"), r.out());
        assertEquals("underlay: known_hosts import of " + file + " failed (2 lines rejected): nothing was imported\n",
                r.err());
        assertEquals("0 keys for 0 endpoints\n", Cli.run("hostkeys", "list", "--data", data).out());
    }

    @Test
    void aPartlyReadableFileImportsItsGoodLinesExitsZeroAndSaysWhatWasNot() throws Exception {
        String data = own.resolve("data").toString();
        Path file = own.resolve("partly");
        Files.writeString(file, world.lab.knownHostsLine("lab0001") + "\nlab0002 ssh-ed25519 AAAA\n");
        Cli.Result r = Cli.run("import", "--format", "known_hosts", file.toString(), "--data", data);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains(": 1 added, 0 revoked, 0 already known, 0 conflicts, 0 unmatched, 0 skipped, "
                + "1 rejected\n"), r.out());
        assertTrue(r.out().contains("rejected: " + file + ":2: The ssh-ed25519 key data is truncated"), r.out());
        assertTrue(r.out().endsWith("imported into " + own.resolve("data") + "; 1 not imported (listed above)\n"),
                r.out());
    }

    @Test
    void dryRunAndUnknownFormatsAreUsageErrors() {
        String data = own.resolve("data").toString();
        Cli.Result dry = Cli.run("import", world.lab.knownHosts().toString(), "--dry-run", "--data", data);
        assertEquals(2, dry.code());
        assertTrue(dry.err().startsWith("underlay: --dry-run is not available for known_hosts files"), dry.err());
        Cli.Result bad = Cli.run("import", "--format", "ssh", world.lab.knownHosts().toString(), "--data", data);
        assertEquals(2, bad.code());
        assertEquals("underlay: --format: unknown format 'ssh' (expected json, csv, ansible or known_hosts)\n",
                bad.err());
        Cli.Result missing = Cli.run("import", own.resolve("known_hosts.old").toString(), "--data", data);
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
