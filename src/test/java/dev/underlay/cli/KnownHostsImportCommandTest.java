package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.e2e.LabWorld;
import dev.underlay.lab.FaultSpec;
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
        assertTrue(r.out().startsWith(file + " (known_hosts): 3 added, 0 already known, 0 conflicts, 0 unmatched, "
                + "0 skipped\n"), r.out());
        Cli.Result again = Cli.run("import", "--format", "known_hosts", file, "--data", data);
        assertTrue(again.out().startsWith(file + " (known_hosts): 0 added, 3 already known"), again.out());
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
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("0 added, 0 already known, 1 conflict, 0 unmatched, 0 skipped"), r.out());
        assertTrue(r.out().contains("note: hosts.txt line 2: [127.0.0.1]:" + world.port(0) + " has ssh-ed25519 ")
                || r.out().contains("line 2: [127.0.0.1]:" + world.port(0)), r.out());
        assertTrue(r.out().contains("kept the inventory's key"), r.out());
        Cli.Result exec = Cli.run("exec", "--on", "name:lab0001", "--data", data, "--", "hostname");
        assertEquals(0, exec.code(), "lab0001 still has its real key: " + exec);
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
