package dev.underlay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.cli.UnderlayCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The documented way from nothing to a command on the lab, through the CLI only: {@code lab serve} on one data
 * folder (it needs no database, so the folder stays free), and import, known_hosts import and exec on another.
 */
class NewUserFlowTest {
    private static final int HOSTS = 50;

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = UnderlayCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                folder -> AppContext.open(folder, false, Runnable::run));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code underlay lab serve} in the background, on free ports (the inventory file and known_hosts list them). */
    private record Serving(CommandLine line, CompletableFuture<Integer> exit, StringWriter out) {
        void stop() throws Exception {
            CommandLine serve = line.getSubcommands().get("lab").getSubcommands().get("serve");
            ((dev.underlay.cli.LabCommand.Serve) serve.getCommand()).stop();
            assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        }
    }

    private Serving serve(Path labData, Path inventory) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = UnderlayCli.commandLine(folder -> {
            throw new AssertionError("lab serve must not open a data folder's database");
        }, new PrintWriter(out, true), new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("lab", "serve",
                "--hosts", String.valueOf(HOSTS), "--base-port", "0", "--inventory-out", inventory.toString(),
                "--data", labData.toString()));
        for (int i = 0; i < 400 && !out.toString().contains("Press Ctrl-C") && !exit.isDone(); i++) {
            Thread.sleep(50);
        }
        assertTrue(out.toString().contains("Press Ctrl-C"), out + "\n" + err);
        return new Serving(cl, exit, out);
    }

    @Test
    void labServeThenImportKnownHostsAndExecOnEveryHost() throws Exception {
        Path labData = dir.resolve("D");
        Path data = dir.resolve("D2");
        Path inventory = dir.resolve("lab.json");
        Serving serving = serve(labData, inventory);
        try {
            assertTrue(serving.out().toString().contains("Known hosts: " + labData.resolve("lab")
                    .resolve("known_hosts")), serving.out().toString());

            Result imported = cli("import", inventory.toString(), "--data", data.toString());
            assertEquals(0, imported.code(), imported.toString());
            assertTrue(imported.out().contains(HOSTS + " machines"), imported.out());

            Result keys = cli("import", "--format", "known_hosts", labData.resolve("lab").resolve("known_hosts")
                    .toString(), "--data", data.toString());
            assertEquals(0, keys.code(), keys.toString());
            assertTrue(keys.out().contains(HOSTS + " added, 0 revoked, 0 already known, 0 conflicts"), keys.out());

            Result exec = cli("exec", "--on", "all", "--data", data.toString(), "--", "uname", "-a");
            assertEquals(0, exec.code(), exec.toString());
            List<String> lines = exec.out().lines().sorted().toList();
            assertEquals(HOSTS, lines.size(), exec.out());
            assertTrue(lines.get(0).startsWith("lab0001: Linux lab0001 "), lines.get(0));
            assertTrue(lines.get(HOSTS - 1).startsWith("lab0050: Linux lab0050 "), lines.get(HOSTS - 1));
            assertTrue(exec.err().matches(HOSTS + " hosts: " + HOSTS + " ok in \\d+\\.\\d\\d s\n"), exec.err());

            // the lab's own folder is not locked either: the same folder works as the CLI's data folder
            Result same = cli("import", inventory.toString(), "--data", labData.toString());
            assertEquals(0, same.code(), same.toString());
        } finally {
            serving.stop();
        }
    }
}
