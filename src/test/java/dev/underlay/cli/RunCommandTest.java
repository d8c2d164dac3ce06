package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underlay.e2e.LabWorld;
import dev.underlay.lab.FaultSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code underlay run --command}, {@code jobs}, {@code logs} and {@code rerun --failed} in-process on a real lab:
 * gathered outputs, the summary grouping failures by cause, the job kept with its hosts and lines, the rerun
 * linked to its job.
 */
class RunCommandTest {
    @TempDir
    static Path dir;
    static LabWorld world;
    static String data;

    @BeforeAll
    static void start() throws Exception {
        world = LabWorld.start(6, dir, FaultSpec.parse("fail=uname:lab0002,refuse:lab0003"));
        data = dir.resolve("data").toString();
        assertEquals(0, Cli.run("import", world.inventoryFile.toString(), "--data", data).code());
        assertEquals(0, Cli.run("import", world.lab.knownHosts().toString(), "--data", data).code());
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void runGathersIdenticalOutputsAndGroupsFailuresByCause() throws Exception {
        Cli.Result r = Cli.run("run", "--command", "uname -s", "--on", "all", "--data", data);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("---- 4 hosts: same output (lab0001, lab0004, lab0005, lab0006) ----\nLinux\n"),
                r.toString());
        assertTrue(r.out().contains("---- lab0002 ----\n[stderr] uname: simulated failure (lab fault)\n"),
                r.toString());
        String summary = r.err().lines().filter(l -> l.startsWith("job ")).reduce((a, b) -> b).orElse("");
        assertTrue(summary.matches("job \\d+ failed: 6 hosts: 4 ok, 2 failed \\(exit 1: lab0002; connection "
                + "refused: lab0003\\) in \\d+\\.\\d\\d s"), r.toString());
        long id = Long.parseLong(summary.split(" ")[1]);

        Cli.Result logs = Cli.run("logs", Long.toString(id), "--host", "lab0001", "--data", data);
        assertEquals(0, logs.code(), logs.toString());
        assertTrue(logs.out().matches("\\S+Z lab0001 \\[command-1\\] Linux\n"), logs.toString());

        Cli.Result jobs = Cli.run("jobs", "--json", "--data", data);
        JsonNode list = new ObjectMapper().readTree(jobs.out());
        JsonNode job = list.get(0);
        assertEquals(id, job.get("id").asLong(), jobs.toString());
        assertEquals("failed", job.get("state").asText());
        assertEquals(6, job.get("hosts").asInt());
        assertEquals(4, job.get("done").asInt());

        world.lab.setFaults(FaultSpec.NONE);
        try {
            Cli.Result rerun = Cli.run("rerun", Long.toString(id), "--failed", "--data", data);
            assertEquals(0, rerun.code(), rerun.toString());
            assertTrue(rerun.out().contains("---- 2 hosts: same output (lab0002, lab0003) ----\nLinux\n"),
                    rerun.toString());
            Cli.Result table = Cli.run("jobs", "--data", data);
            assertTrue(table.out().contains("command uname -s (rerun of " + id + ")"), table.toString());
        } finally {
            world.lab.setFaults(FaultSpec.parse("fail=uname:lab0002,refuse:lab0003"));
        }
    }

    @Test
    void dryRunAndJsonAndUsageErrors() throws Exception {
        Cli.Result dry = Cli.run("run", "--command", "echo hi", "--on", "name:lab0001,lab0002", "--dry-run", "--json",
                "--data", data);
        assertEquals(0, dry.code(), dry.toString());
        JsonNode j = new ObjectMapper().readTree(dry.out());
        assertEquals("succeeded", j.get("state").asText());
        assertEquals(List.of("lab0001", "lab0002"), List.of(j.get("hosts").get(0).get("host").asText(),
                j.get("hosts").get(1).get("host").asText()));
        assertEquals("rendered (dry run)", j.get("hosts").get(0).get("attempts").get(0).get("message").asText());

        Cli.Result both = Cli.run("run", "deploy", "--command", "x", "--on", "all", "--data", data);
        assertEquals(2, both.code(), both.toString());
        Cli.Result unknown = Cli.run("run", "deploy", "--on", "all", "--data", data);
        assertEquals("underlay: no workflow or task is called deploy\n", unknown.err());
        Cli.Result none = Cli.run("run", "--command", "x", "--on", "tag:nothing", "--data", data);
        assertTrue(none.err().startsWith("underlay: no machine matches 'tag:nothing'"), none.toString());
        Cli.Result wave = Cli.run("run", "--command", "x", "--on", "all", "--wave", "ten", "--data", data);
        assertEquals("underlay: wave size 'ten' is neither a count (10) nor a share (25%)\n", wave.err());
    }
}
