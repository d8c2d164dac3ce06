package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.app.AppContext;
import dev.underlay.e2e.LabWorld;
import dev.underlay.inventory.Json;
import dev.underlay.lab.FaultSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code underlay exec} in-process against a real lab: output, summary, exit codes, --json, Ctrl-C. */
class ExecCommandTest {
    @TempDir
    static Path dir;
    static LabWorld world;
    static String data;

    @BeforeAll
    static void start() throws Exception {
        world = LabWorld.start(5, dir, FaultSpec.parse("fail=uname:lab0002,refuse:lab0003"));
        data = dir.resolve("data").toString();
        assertEquals(0, Cli.run("import", world.inventoryFile.toString(), "--data", data).code());
        assertEquals(0, Cli.run("import", world.lab.knownHosts().toString(), "--data", data).code());
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void linesArePrefixedByHostAndTheSummaryGroupsFailures() {
        Cli.Result r = Cli.run("exec", "--on", "all", "--data", data, "--", "uname", "-s");
        assertEquals(1, r.code(), r.toString());
        List<String> out = r.out().lines().sorted().toList();
        assertEquals(List.of("lab0001: Linux", "lab0004: Linux", "lab0005: Linux"), out);
        assertTrue(r.err().contains("lab0002: uname: simulated failure (lab fault)\n"), r.err());
        assertTrue(r.err().contains("underlay: lab0002 (root@[127.0.0.1]:" + world.port(1)
                + "): exit status 1.\n"), r.err());
        assertTrue(r.err().contains("underlay: lab0003 (root@[127.0.0.1]:" + world.port(2)
                + "): connection refused"), r.err());
        String summary = r.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(summary.matches("5 hosts: 3 ok, 1 exit non-zero \\(lab0002\\), 1 failed \\(connection refused: "
                + "lab0003\\) in \\d+\\.\\d\\d s"), summary);
    }

    @Test
    void exitsZeroOnlyWhenEveryHostExitedZero() {
        Cli.Result r = Cli.run("exec", "--on", "name:lab0001,lab0004", "--data", data, "--", "hostname");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("lab0001: lab0001", "lab0004: lab0004"), r.out().lines().sorted().toList());
        assertTrue(r.err().matches("2 hosts: 2 ok in \\d+\\.\\d\\d s\n"), r.err());
    }

    @Test
    void theKeyExchangeOfferedIsChosenOnTheCommandLine() {
        Cli.Result r = Cli.run("exec", "--on", "name:lab0001", "--kex", "ecdh-sha2-nistp256,curve25519-sha256",
                "--json", "--data", data, "--", "hostname");
        assertEquals(0, r.code(), r.toString());
        assertEquals("ecdh-sha2-nistp256", Json.parse(r.out().lines().findFirst().orElseThrow()).get("kex").asText());
        Cli.Result pq = Cli.run("exec", "--on", "name:lab0001", "--post-quantum", "--json", "--data", data, "--",
                "hostname");
        assertEquals(0, pq.code(), pq.toString());
        assertEquals("mlkem768x25519-sha256", Json.parse(pq.out().lines().findFirst().orElseThrow()).get("kex")
                .asText());
    }

    @Test
    void anUnknownAlgorithmIsAUsageErrorBeforeAnythingConnects() {
        Cli.Result r = Cli.run("exec", "--on", "all", "--ciphers", "aes128-cbc-please", "--data", data, "--",
                "hostname");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("underlay: unknown SSH cipher 'aes128-cbc-please' (known: "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void theCommandMayFollowTheOptionsWithoutADoubleDash() {
        Cli.Result r = Cli.run("exec", "--on", "name:lab0001", "--data", data, "uname", "-s");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("lab0001: Linux"), r.out().lines().toList());
    }

    @Test
    void jsonPrintsOneObjectPerHostWithOutputExitAndError() {
        Cli.Result r = Cli.run("exec", "--on", "name:lab0001,lab0002,lab0003", "--json", "--data", data, "--",
                "echo to-stderr >&2; uname -s");
        assertEquals(1, r.code(), r.toString());
        List<JsonNode> objects = r.out().lines().map(Json::parse).sorted(
                java.util.Comparator.comparing(o -> o.get("host").asText())).toList();
        assertEquals(3, objects.size(), r.out());
        JsonNode ok = objects.get(0);
        assertEquals("lab0001", ok.get("host").asText());
        assertTrue(ok.get("ok").asBoolean());
        assertEquals(0, ok.get("exit").asInt());
        assertTrue(ok.get("signal").isNull() && ok.get("failure").isNull() && ok.get("error").isNull(), ok.toString());
        assertEquals("Linux\n", ok.get("stdout").asText());
        assertEquals("to-stderr\n", ok.get("stderr").asText());
        assertTrue(ok.get("duration_ms").isIntegralNumber());
        assertFalse(ok.get("truncated").asBoolean());
        JsonNode nonZero = objects.get(1);
        assertFalse(nonZero.get("ok").asBoolean());
        assertEquals(1, nonZero.get("exit").asInt(), "the last command's status is the script's");
        assertTrue(nonZero.get("error").isNull(), "the command ran: no error");
        JsonNode refused = objects.get(2);
        assertEquals("connection_refused", refused.get("failure").asText());
        assertTrue(refused.get("exit").isNull());
        assertTrue(refused.get("error").asText().startsWith("lab0003 (root@"), refused.toString());
        assertTrue(r.err().startsWith("3 hosts: 1 ok, 1 exit non-zero (lab0002), 1 failed"), r.err());
    }

    @Test
    void aQueryMatchingNothingIsAnErrorLine() {
        Cli.Result r = Cli.run("exec", "--on", "name:nothing*", "--data", data, "--", "true");
        assertEquals(1, r.code());
        assertEquals("underlay: no machine matches 'name:nothing*'\n", r.err());
        Cli.Result empty = Cli.run("exec", "--on", "all", "--data", dir.resolve("empty").toString(), "--", "true");
        assertTrue(empty.err().contains("is empty; import machines first"), empty.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, Cli.run("exec", "--data", data, "--", "true").code());
        assertEquals(2, Cli.run("exec", "--on", "all", "--data", data).code());
        Cli.Result forks = Cli.run("exec", "--on", "all", "--forks", "0", "--data", data, "--", "true");
        assertEquals(2, forks.code());
        assertEquals("underlay: --forks must be at least 1, not 0\n", forks.err());
        assertEquals(2, Cli.run("exec", "--on", "all", "--timeout", "-1", "--data", data, "--", "true").code());
    }

    @Test
    void theTimeoutStopsASlowCommand() {
        Cli.Result r = Cli.run("exec", "--on", "name:lab0001", "--timeout", "0.5", "--data", data, "--", "sleep 20");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("the command ran longer than 0.5 s and was stopped"), r.err());
        assertTrue(r.err().contains("1 failed (command timeout: lab0001)"), r.err());
    }

    @Test
    void unknownHostKeysFailWithAHintToScanOrImport() {
        String fresh = dir.resolve("no-keys").toString();
        assertEquals(0, Cli.run("import", world.inventoryFile.toString(), "--data", fresh).code());
        Cli.Result r = Cli.run("exec", "--on", "name:lab0001,lab0004", "--data", fresh, "--", "true");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("2 failed (host key unknown: lab[0001,0004])"), r.err());
        assertEquals(1, r.err().split("review", -1).length - 1, "the advice comes once, in the hint: " + r.err());
        assertTrue(r.err().contains("hint: 2 hosts have host keys the inventory does not know yet: review with "
                + "'underlay hostkeys scan --on name:lab0001,lab0004'"), r.err());
    }

    @Test
    void interruptCancelsTheRunAndStillPrintsTheSummary() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = UnderlayCli.commandLine(folder -> AppContext.open(folder, false, Runnable::run),
                new PrintWriter(out, true), new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("exec", "--on",
                "name:lab0001,lab0004,lab0005", "--forks", "2", "--data", data, "--", "echo started; sleep 60"));
        ExecCommand exec = cl.getSubcommands().get("exec").getCommand();
        for (int i = 0; i < 600 && out.toString().lines().count() < 2; i++) {
            Thread.sleep(50);
        }
        assertEquals(2, out.toString().lines().count(), out + "\n" + err);
        exec.interrupt();
        assertEquals(1, exit.get(30, TimeUnit.SECONDS));
        String summary = err.toString().lines().reduce((a, b) -> b).orElse("");
        assertTrue(summary.startsWith("interrupted: 3 hosts: 0 ok, 3 failed (cancelled: lab[0001,0004-0005])"),
                err.toString());
        assertFalse(err.toString().contains("underlay: lab0005"), "no line per cancelled host: " + err);
    }

    @Test
    void helpShowsTheCommandAfterDoubleDash() {
        Cli.Result h = Cli.run("exec", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("Usage: underlay exec") && h.out().contains("--on=QUERY")
                && h.out().contains("COMMAND..."), h.out());
    }
}
