package dev.underlay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.cli.UnderlayCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench/underlay-bench}: the bench commands run from the test classes, and the product has none. */
class BenchCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void benchLabRunsUnameOnEverySimulatedHostOnFreePortsAndCountsEveryLine() {
        Result r = bench("lab", "--hosts", "12", "--rounds", "1", "--forks", "5");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().matches("(?s)simulated lab: 12 hosts on 127\\.0\\.0\\.1 free ports between \\d+-\\d+ .*"),
                r.toString());
        assertTrue(r.out().contains("round 1 (cold JVM): 12/12 ok, 12 lines counted by the sink (12 reported)"),
                r.toString());
        assertTrue(r.out().contains("kex curve25519-sha256"), r.toString());
    }

    @Test
    void benchExecWithoutALabSaysWhichFileIsMissing() {
        Result r = bench("exec", "--lab", dir.toString());
        assertEquals(UnderlayCli.FAILURE, r.code(), r.toString());
        assertTrue(r.err().contains(dir.resolve("inventory.ini").toString()), r.toString());
        assertTrue(r.err().contains("no running OpenSSH lab"), r.toString());
    }

    @Test
    void theProductCliHasNoBenchCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = UnderlayCli.run(new String[] {"bench"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                folder -> AppContext.open(folder, false, Runnable::run));
        assertEquals(UnderlayCli.USAGE, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'bench'"), err.toString(StandardCharsets.UTF_8));
        assertFalse(UnderlayCli.commandLine(f -> null, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).getSubcommands().containsKey("bench"));
    }
}
