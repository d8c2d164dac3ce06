package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliBenchTest {
    @TempDir
    Path dir;

    @Test
    void benchLabRunsUnameOnEverySimulatedHostAndCountsEveryLine() {
        Cli.Result r = Cli.run("bench", "lab", "--hosts", "12", "--rounds", "1", "--forks", "5",
                "--base-port", "37641");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("simulated lab: 12 hosts on 127.0.0.1:37641-37652"), r.toString());
        assertTrue(r.out().contains("round 1 (cold JVM): 12/12 ok, 12 lines counted by the sink (12 reported)"),
                r.toString());
        assertTrue(r.out().contains("kex curve25519-sha256"), r.toString());
    }

    @Test
    void benchExecWithoutALabSaysWhichFileIsMissing() {
        Cli.Result r = Cli.run("bench", "exec", "--lab", dir.toString());
        assertEquals(UnderlayCli.FAILURE, r.code(), r.toString());
        assertTrue(r.err().contains(dir.resolve("inventory.ini").toString()), r.toString());
        assertTrue(r.err().contains("no running OpenSSH lab"), r.toString());
    }

    @Test
    void benchIsHiddenFromTheTopLevelHelp() {
        Cli.Result r = Cli.run("--help");
        assertTrue(r.out().contains("machines"), r.toString());
        assertTrue(!r.out().contains("bench"), r.toString());
    }
}
