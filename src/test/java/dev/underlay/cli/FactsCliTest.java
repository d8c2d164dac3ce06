package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.app.AppContext;
import dev.underlay.automation.facts.HealthState;
import dev.underlay.automation.facts.MachineFacts;
import dev.underlay.automation.facts.MachineHealth;
import dev.underlay.automation.repository.JdbcFactsRepository;
import dev.underlay.inventory.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code underlay facts} and {@code underlay health} on a real data folder (rows written as a harvest does). */
class FactsCliTest {
    @TempDir
    Path dir;

    @Test
    void factsAndHealthShowTheLatestRunAndTheHistory() throws IOException {
        Path a = dir.resolve("a");
        Cli.seedDemo(a);
        Instant t1 = Instant.parse("2026-12-01T10:00:00Z");
        Instant t2 = Instant.parse("2026-12-02T10:00:00Z");
        try (AppContext ctx = AppContext.open(a, false, Runnable::run)) {
            JdbcFactsRepository repo = new JdbcFactsRepository(ctx.database());
            repo.addFacts(List.of(facts(7L, t1, "6.1.0-17-amd64"), facts(9L, t2, "6.1.0-18-amd64")));
            repo.addHealth(List.of(new MachineHealth("fra1-k8s-w01", 9L, t2, HealthState.CRITICAL, List.of(
                    new MachineHealth.Check("health-disk", HealthState.CRITICAL, "exit 1: / is 97% used", t2),
                    new MachineHealth.Check("health-time-sync", HealthState.OK, "passed: yes", t2)))));
        }
        Cli.Result r = Cli.run("facts", "fra1-k8s-w01", "--data", a.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("6.1.0-18-amd64") && !r.out().contains("6.1.0-17"), r.out());
        assertTrue(r.out().contains("sda 1863.0 GiB") && r.out().contains("eth0 10.0.0.5/24"), r.out());

        JsonNode hist = Json.parse(Cli.run("facts", "fra1-k8s-w01", "--history", "5", "--json", "--data",
                a.toString()).out());
        assertEquals(2, hist.size());
        assertEquals(9, hist.get(0).get("job").asInt());
        assertEquals("6.1.0-17-amd64", hist.get(1).get("kernel").asText());
        assertEquals(16L << 30, hist.get(0).get("memory_bytes").asLong());

        JsonNode health = Json.parse(Cli.run("health", "--query", "fra1-k8s-w0[1-2]", "--json", "--data",
                a.toString()).out());
        assertEquals("critical", health.get(0).get("state").asText());
        assertEquals("health-disk", health.get(0).get("failing").get(0).get("check").asText());
        assertEquals("exit 1: / is 97% used", health.get(0).get("failing").get(0).get("message").asText());
        assertEquals(1, health.get(0).get("failing").size(), "a passed check is not failing");
        assertEquals("ok", health.get(0).get("checks").get(1).get("result").asText());
        assertEquals("fra1-k8s-w02", health.get(1).get("machine").asText());
        assertEquals("unknown", health.get(1).get("state").asText(), "never checked");

        r = Cli.run("health", "fra1-k8s-w01", "--data", a.toString());
        assertTrue(r.out().contains("critical") && r.out().contains("health-disk (exit 1: / is 97% used)"), r.out());
        // one machine: every check of its last run, the passed one too
        assertTrue(r.out().contains("CHECK") && r.out().lines().anyMatch(l -> l.startsWith("health-time-sync")
                && l.contains("ok") && l.contains("passed: yes")), r.out());
        r = Cli.run("facts", "fra1-k8s-w01", "--changes", "--data", a.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("fra1-k8s-w01: 2026-12-02T10:00:00Z (job 9) against 2026-12-01T10:00:00Z (job 7): 1 change",
                "  Kernel: 6.1.0-17-amd64 -> 6.1.0-18-amd64"), r.out().lines().toList());
        JsonNode changes = Json.parse(Cli.run("facts", "fra1-k8s-w01", "--changes", "--json", "--data",
                a.toString()).out());
        assertEquals(1, changes.size());
        assertEquals(7, changes.get(0).get("from").get("job").asInt());
        assertEquals("Kernel", changes.get(0).get("changes").get(0).get("fact").asText());
        assertEquals("6.1.0-18-amd64", changes.get(0).get("changes").get(0).get("now").asText());
        r = Cli.run("facts", "--changes", "--data", a.toString());
        assertTrue(r.code() != 0 && r.err().contains("--changes compares the runs of one machine"), r.toString());
        r = Cli.run("facts", "fra1-k8s-w02", "--changes", "--data", a.toString());
        assertTrue(r.code() == 0 && r.out().contains("no facts gathered for fra1-k8s-w02 yet"), r.toString());
        r = Cli.run("facts", "no-such-machine", "--data", a.toString());
        assertTrue(r.code() != 0 && r.err().contains("no machine named no-such-machine"), r.toString());
    }

    private static MachineFacts facts(Long job, Instant at, String kernel) {
        return new MachineFacts("fra1-k8s-w01", job, at, "fra1-k8s-w01", "Debian GNU/Linux 12 (bookworm)", "debian",
                kernel, 8, "Test CPU", 16L << 30, List.of(new MachineFacts.Disk("sda", 2_000_398_934_016L)),
                List.of(new MachineFacts.Nic("eth0", "52:54:00:00:00:01", 1500, List.of("10.0.0.5/24"))));
    }
}
