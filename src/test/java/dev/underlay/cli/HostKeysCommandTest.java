package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.e2e.LabWorld;
import dev.underlay.lab.FaultSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code underlay hostkeys scan|accept|list|forget} against a real lab. */
class HostKeysCommandTest {
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    @TempDir
    static Path dir;
    static LabWorld world;

    @TempDir
    Path own;

    @BeforeAll
    static void start() throws Exception {
        world = LabWorld.start(4, dir, FaultSpec.NONE);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    /** A data folder with the lab's machines and no host keys. */
    private String fresh() {
        String data = own.resolve("data").toString();
        assertEquals(0, Cli.run("import", world.inventoryFile.toString(), "--data", data).code());
        return data;
    }

    private static String row(String out, String host) {
        return out.lines().filter(l -> l.startsWith(host + " ")).findFirst().orElse("");
    }

    private static String fingerprint(String line) {
        Matcher m = FINGERPRINT.matcher(line);
        return m.find() ? m.group() : "";
    }

    @Test
    void scanShowsNewKeysAndAcceptStoresThemSoExecWorks() {
        String data = fresh();
        Cli.Result scan = Cli.run("hostkeys", "scan", "--on", "all", "--data", data);
        assertEquals(0, scan.code(), scan.toString());
        assertTrue(scan.out().startsWith("HOST     ENDPOINT"), scan.out());
        String line = row(scan.out(), "lab0001");
        assertTrue(line.contains("127.0.0.1:" + world.port(0)) && line.contains(" NEW ")
                && line.contains("ssh-ed25519"), line);
        String knownLine = world.lab.knownHostsLine("lab0001");
        assertFalse(fingerprint(line).isEmpty(), line);
        assertTrue(scan.out().contains("4 hosts scanned: 4 new, 0 known, 0 changed, 0 revoked, 0 failed"), scan.out());
        assertTrue(scan.out().contains("'underlay hostkeys accept --on all'"), scan.out());
        assertTrue(Cli.run("exec", "--on", "all", "--data", data, "--", "true").err().contains("host key unknown"));

        Cli.Result accept = Cli.run("hostkeys", "accept", "--on", "name:lab0001,lab0002", "--data", data);
        assertEquals(0, accept.code(), accept.toString());
        assertTrue(accept.out().contains("accepted 2 new host keys"), accept.out());
        Cli.Result again = Cli.run("hostkeys", "scan", "--on", "all", "--accept-new", "--data", data);
        assertTrue(row(again.out(), "lab0001").contains(" KNOWN "), again.out());
        assertTrue(row(again.out(), "lab0003").contains(" NEW "), again.out());
        assertTrue(again.out().contains("accepted 2 new host keys"), again.out());

        Cli.Result exec = Cli.run("exec", "--on", "all", "--data", data, "--", "true");
        assertEquals(0, exec.code(), exec.toString());
        assertTrue(knownLine.contains(" ssh-ed25519 "), knownLine);
    }

    @Test
    void listShowsStoredKeysWithMachineSourceAndDate() {
        String data = fresh();
        assertEquals("0 keys for 0 endpoints\n", Cli.run("hostkeys", "list", "--data", data).out());
        Cli.run("hostkeys", "accept", "--on", "name:lab0002", "--data", data);
        Cli.Result list = Cli.run("hostkeys", "list", "--data", data);
        assertEquals(0, list.code(), list.toString());
        String line = row(list.out(), "127.0.0.1:" + world.port(1));
        assertTrue(line.matches("127\\.0\\.0\\.1:\\d+ +lab0002 +ssh-ed25519 +SHA256:\\S+ +trusted +scan +"
                + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"), line);
        assertTrue(list.out().endsWith("1 key for 1 endpoint\n"), list.out());
        Cli.Result on = Cli.run("hostkeys", "list", "--on", "name:lab0002,lab0003", "--data", data);
        assertTrue(on.out().contains("no key stored for 1 endpoint: lab0003 (127.0.0.1:" + world.port(2)
                + ")"), on.out());
    }

    @Test
    void aChangedKeyIsNeverAcceptedUntilTheOldOneIsForgotten() throws Exception {
        String data = fresh();
        Cli.run("hostkeys", "accept", "--on", "all", "--data", data);
        String before = fingerprint(row(Cli.run("hostkeys", "list", "--data", data).out(), "127.0.0.1:"
                + world.port(0)));
        world.lab.setFaults(FaultSpec.parse("hostkey:lab0001"));
        try {
            Cli.Result scan = Cli.run("hostkeys", "scan", "--on", "all", "--data", data);
            assertEquals(1, scan.code(), scan.toString());
            String line = row(scan.out(), "lab0001");
            assertTrue(line.contains(" CHANGED "), line);
            List<String> fps = FINGERPRINT.matcher(line).results().map(java.util.regex.MatchResult::group).toList();
            assertEquals(2, fps.size(), "presented and stored fingerprints: " + line);
            assertEquals(before, fps.get(1), "the STORED column shows the stored key");
            assertTrue(scan.out().contains("changed: lab0001 (root@"), scan.out());
            assertTrue(scan.out().contains("'underlay hostkeys forget --on name:HOST'"), scan.out());

            Cli.Result accept = Cli.run("hostkeys", "accept", "--on", "all", "--data", data);
            assertEquals(1, accept.code());
            assertTrue(accept.out().contains("accepted 0 new host keys"), accept.out());
            assertEquals(before, fingerprint(row(Cli.run("hostkeys", "list", "--data", data).out(),
                    "127.0.0.1:" + world.port(0))), "the stored key is kept");

            Cli.Result forget = Cli.run("hostkeys", "forget", "--on", "name:lab0001", "--data", data);
            assertEquals(0, forget.code(), forget.toString());
            assertEquals("forgot 127.0.0.1:" + world.port(0) + " (lab0001): ssh-ed25519 " + before + "\n"
                    + "forgot 1 key of 1 endpoint\n", forget.out());
            Cli.Result now = Cli.run("hostkeys", "accept", "--on", "all", "--data", data);
            assertEquals(0, now.code(), now.toString());
            assertTrue(now.out().contains("accepted 1 new host key"), now.out());
            assertEquals(fps.get(0), fingerprint(row(Cli.run("hostkeys", "list", "--data", data).out(),
                    "127.0.0.1:" + world.port(0))), "the new key is stored");
        } finally {
            world.lab.setFaults(FaultSpec.NONE);
        }
    }

    @Test
    void aRevokedKeyFailsExecAndScanIsListedRevokedAndNeitherAcceptNorForgetTrustsItAgain() throws Exception {
        String data = fresh();
        Cli.run("hostkeys", "accept", "--on", "all", "--data", data);
        String endpoint = "[127.0.0.1]:" + world.port(0);
        String fp = fingerprint(row(Cli.run("hostkeys", "list", "--data", data).out(), "127.0.0.1:"
                + world.port(0)));
        Path file = own.resolve("revoked_hosts");
        java.nio.file.Files.writeString(file, "@revoked " + world.lab.knownHostsLine("lab0001") + "\n");
        Cli.Result imported = Cli.run("import", "--format", "known_hosts", file.toString(), "--data", data);
        assertEquals(0, imported.code(), imported.toString());
        assertTrue(imported.out().contains(": 0 added, 1 revoked, 0 already known,"), imported.out());
        assertTrue(imported.out().contains("revoked: " + file + ":1: " + endpoint + ": ssh-ed25519 " + fp
                + " was trusted; it is revoked now and refused at every endpoint.\n"), imported.out());

        Cli.Result exec = Cli.run("exec", "--on", "all", "--data", data, "--", "true");
        assertEquals(1, exec.code(), exec.toString());
        assertTrue(exec.err().contains("lab0001 (root@" + endpoint + "): the server presented the revoked host key "
                + "ssh-ed25519 " + fp + "; refusing to connect"), exec.err());
        Cli.Result scan = Cli.run("hostkeys", "scan", "--on", "all", "--data", data);
        assertEquals(1, scan.code(), scan.toString());
        assertTrue(row(scan.out(), "lab0001").contains(" REVOKED "), scan.out());
        assertTrue(scan.out().contains("3 known, 0 changed, 1 revoked, 0 failed"), scan.out());
        assertTrue(scan.out().contains("revoked: lab0001 (root@" + endpoint + "): presents the revoked host key "
                + "ssh-ed25519 " + fp), scan.out());
        assertTrue(Cli.run("hostkeys", "accept", "--on", "all", "--data", data).out()
                .contains("accepted 0 new host keys"));
        assertEquals("no trusted keys for the 1 endpoint of the machines matching 'name:lab0001'\n",
                Cli.run("hostkeys", "forget", "--on", "name:lab0001", "--data", data).out());
        String listed = row(Cli.run("hostkeys", "list", "--data", data).out(), "127.0.0.1:" + world.port(0));
        assertTrue(listed.contains(" revoked "), listed);
        assertEquals(1, Cli.run("exec", "--on", "name:lab0001", "--data", data, "--", "true").code());
    }

    @Test
    void unreachableHostsAreFailedRowsWithTheirSentence() throws Exception {
        String data = fresh();
        world.lab.setFaults(FaultSpec.parse("refuse:lab0004"));
        try {
            Cli.Result scan = Cli.run("hostkeys", "scan", "--on", "all", "--data", data);
            assertEquals(1, scan.code(), scan.toString());
            assertTrue(row(scan.out(), "lab0004").matches("lab0004 +127\\.0\\.0\\.1:\\d+ +FAILED +- +-"),
                    scan.out());
            assertTrue(scan.out().contains("failed: lab0004 (root@[127.0.0.1]:" + world.port(3)
                    + "): connection refused"), scan.out());
            assertTrue(scan.out().contains("3 new, 0 known, 0 changed, 0 revoked, 1 failed"), scan.out());
        } finally {
            world.lab.setFaults(FaultSpec.NONE);
        }
    }

    @Test
    void aMachineWithoutCredentialIsStillScannedAndOneWithoutAddressIsListedAsNotScanned() throws Exception {
        String data = own.resolve("data").toString();
        Path csv = own.resolve("bare.csv");
        java.nio.file.Files.writeString(csv, "name,address,port\nbare,127.0.0.1," + world.port(0) + "\nnowhere,,\n");
        Cli.Result imported = Cli.run("import", csv.toString(), "--data", data);
        assertEquals(0, imported.code(), imported.toString());
        Cli.Result scan = Cli.run("hostkeys", "scan", "--on", "all", "--data", data);
        assertEquals(1, scan.code(), scan.toString());
        assertTrue(row(scan.out(), "bare").contains(" NEW "), scan.out());
        assertTrue(scan.out().contains("not scanned: machine nowhere has no address to connect to"), scan.out());
        assertTrue(scan.out().contains("1 host scanned: 1 new, 0 known, 0 changed, 0 revoked, 0 failed; 1 not scanned"),
                scan.out());
    }

    @Test
    void forgetNeedsAQueryAndSaysWhenNothingWasStored() {
        String data = fresh();
        assertEquals(2, Cli.run("hostkeys", "forget", "--data", data).code());
        Cli.Result none = Cli.run("hostkeys", "forget", "--on", "all", "--data", data);
        assertEquals(0, none.code());
        assertEquals("no trusted keys for the 4 endpoints of the machines matching 'all'\n", none.out());
        Cli.Result nothing = Cli.run("hostkeys", "forget", "--on", "name:zz*", "--data", data);
        assertEquals("underlay: no machine matches 'name:zz*'\n", nothing.err());
        assertEquals(2, Cli.run("hostkeys", "--data", data).code(), "a subcommand is required");
    }
}
