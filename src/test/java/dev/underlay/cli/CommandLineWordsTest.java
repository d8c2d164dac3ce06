package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.db.DataFolders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the command line says to a person who mistypes, asks for help, or names a folder. */
class CommandLineWordsTest {
    @TempDir
    Path dir;

    @Test
    void aMistypedCommandOrOptionGetsASuggestion() {
        Cli.Result typo = Cli.run("imprt", "x.json");
        assertEquals(2, typo.code());
        assertTrue(typo.err().startsWith("underlay: unknown command 'imprt'; did you mean 'import'"), typo.err());
        assertFalse(typo.err().contains("Unmatched"), typo.err());
        Cli.Result option = Cli.run("machines", "--qury", "x");
        assertEquals("underlay: unknown option '--qury'; did you mean '--query'? (see 'underlay machines --help')\n",
                option.err());
    }

    @Test
    void labServeHelpIsCleanWithProperLabels() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        Cli.Result help;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8)); // picocli warns on System.err
        try {
            help = Cli.run("lab", "serve", "--help");
        } finally {
            System.setErr(original);
        }
        assertEquals(0, help.code(), help.toString());
        String all = help.out() + help.err() + captured.toString(StandardCharsets.UTF_8);
        assertFalse(all.contains("WARN"), all);
        assertFalse(all.contains("<basePort>") || all.contains("<data>") || all.contains("<hosts>"), all);
        String words = help.out().replaceAll("\\s+", " ");
        assertTrue(words.contains("--base-port=P") && words.contains("--data=DIR") && words.contains("--hosts=N")
                && words.contains("P% or a node set") && words.contains("refuse:10%, slow=300ms:5%"), help.out());
    }

    @Test
    void portInUseNamesBasePortAndSshdLogsNoRawLine() throws Exception {
        ch.qos.logback.classic.LoggerContext product = new ch.qos.logback.classic.LoggerContext();
        dev.underlay.app.LogSetup.apply(product, null); // the product's, not the tests' configuration
        assertFalse(product.getLogger("org.apache.sshd.common.io.nio2.Nio2Acceptor").isErrorEnabled(),
                "a bind failure reaches the user as one sentence, not as Nio2Acceptor's log line");
        assertTrue(product.getLogger("org.apache.sshd.server").isErrorEnabled());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Result r = Cli.run("lab", "serve", "--hosts", "1", "--base-port",
                    Integer.toString(taken.getLocalPort()), "--data", dir.toString());
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.err().contains("already in use") && r.err().contains("--base-port"), r.err());
        }
    }

    @Test
    void labServeHonoursDataWhereverItIsWrittenAndNothingGoesToTheDefaultFolder() throws Exception {
        Path defaultLab = DataFolders.resolve(null).resolve("lab");
        boolean existed = Files.exists(defaultLab);
        long before = existed ? Files.getLastModifiedTime(defaultLab).toMillis() : 0;
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        serveBriefly("--data", first.toString(), "lab", "serve", "--hosts", "1", "--base-port", "0");
        serveBriefly("lab", "serve", "--hosts", "1", "--base-port", "0", "--data", second.toString());
        assertTrue(Files.exists(first.resolve("lab/known_hosts")), "underlay --data DIR lab serve");
        assertTrue(Files.exists(second.resolve("lab/known_hosts")), "underlay lab serve --data DIR");
        assertEquals(existed, Files.exists(defaultLab), "no lab/ made in the default data folder " + defaultLab);
        if (existed) {
            assertEquals(before, Files.getLastModifiedTime(defaultLab).toMillis());
        }
    }

    /** Runs lab serve in-process until its keys are written, then stops it as Ctrl-C would. */
    private void serveBriefly(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        CommandLine cl = UnderlayCli.commandLine(folder -> AppContext.open(folder, false, Runnable::run), w, w);
        LabCommand.Serve serve = (LabCommand.Serve) cl.getSubcommands().get("lab").getSubcommands().get("serve")
                .getCommand();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> cl.execute(args));
        for (int i = 0; i < 600 && !out.toString(StandardCharsets.UTF_8).contains("Press Ctrl-C") && !code.isDone();
                i++) {
            Thread.sleep(50);
        }
        serve.stop();
        assertEquals(0, code.get(30, TimeUnit.SECONDS), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void countsAgreeWithTheirNouns() throws IOException {
        Path a = dir.resolve("a");
        Files.createDirectories(a);
        Path one = dir.resolve("one.json");
        Files.writeString(one, "{\"format\":\"underlay-inventory\",\"version\":1,\"sites\":[{\"name\":\"fra1\"}]}");
        Cli.Result imported = Cli.run("import", one.toString(), "--data", a.toString());
        assertEquals(0, imported.code(), imported.toString());
        Cli.Result export = Cli.run("export", dir.resolve("out.json").toString(), "--data", a.toString());
        assertTrue(export.out().startsWith("exported 1 site, 0 racks, 0 machines, 0 clusters to "), export.out());
    }

    @Test
    void exportIntoAMissingFolderRefusesAndCreatesNothing() {
        Path missing = dir.resolve("nope/out.json");
        Cli.Result r = Cli.run("export", missing.toString(), "--data", dir.resolve("a").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("the folder " + missing.getParent() + " does not exist"), r.err());
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void aDataFolderThatCannotBeMadeSaysWhy() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Cli.Result r = Cli.run("--data", file.resolve("sub").toString(), "machines");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("underlay: cannot create data folder " + file.resolve("sub") + ": "), r.err());
        assertTrue(r.err().contains("--data DIR"), r.err());
        assertFalse(r.err().trim().endsWith(file.resolve("sub").toString()), "more than the path: " + r.err());
    }

    @Test
    void noDatabaseClosedTracesAfterCommandsOrAConsoleQuit() throws IOException {
        Path a = dir.resolve("a");
        Cli.seedDemo(a); // the console's first start and quit
        for (String[] args : new String[][] {{"machines"}, {"machines", "--json", "-q", "fra1-k8s-w[01-03]"},
                {"export", dir.resolve("x.json").toString()}, {"import", dir.resolve("x.json").toString()},
                {"hostkeys", "list", "--on", "all"}, {"machines", "-q", "rack:nope"}}) {
            String[] withData = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--data", a.toString())).toArray(String[]::new);
            Cli.run(withData);
        }
        AppContext.open(a, true, Runnable::run).close();
        try (dev.underlay.db.Database db = dev.underlay.db.Database.open(a)) {
            db.compactOnClose(); // what a start that moved plaintext secrets asks for: SHUTDOWN COMPACT at the end
        }
        Path trace = a.resolve("underlay.trace.db");
        String text = Files.exists(trace) ? Files.readString(trace) : "";
        assertFalse(text.contains("already closed"), text);
    }

    @Test
    void everyCommandSummaryInTheHelpIsAWholeSentence() {
        String help = Cli.run("--help").out();
        String commands = help.substring(help.indexOf("Commands:") + "Commands:".length());
        java.util.List<String> entries = new java.util.ArrayList<>();
        for (String line : commands.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("  ") && !line.startsWith("    ")) {
                entries.add(line.trim());
            } else if (!entries.isEmpty()) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.trim());
            }
        }
        assertTrue(entries.size() >= 10, help);
        for (String e : entries) {
            if (!e.startsWith("help ")) {
                assertTrue(e.endsWith(".") || e.endsWith(".)") || e.endsWith("')."), "cut summary: " + e);
            }
        }
        String machines = Cli.run("machines", "--help").out();
        assertTrue(machines.replaceAll("\\s+", " ").contains("secure values are always \"********\""), machines);
    }
}
