package dev.underlay.automation.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.automation.ContentService;
import dev.underlay.automation.jobs.JobHandle;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.automation.jobs.Strategy;
import dev.underlay.e2e.LabWorld;
import dev.underlay.lab.FaultSpec;
import dev.underlay.lab.LabHost;
import dev.underlay.lab.shell.HostIdentity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts and health packs on a real lab, into the data folder: every lab host's facts (as its simulated
 * identity says) are stored with each run kept, and the health pack sets ok, critical (a full disk), warning (time
 * sync failing) and unknown (a host that refuses connections) with every check's result and when.
 */
class FactsHealthLabTest {
    @TempDir
    static Path dir;
    static LabWorld world;
    static AppContext ctx;

    @BeforeAll
    static void start() throws Exception {
        world = LabWorld.start(4, dir, FaultSpec.NONE);
        ctx = AppContext.open(dir.resolve("data"), false, Runnable::run);
        world.enrol(ctx);
        for (String b : ContentService.BUNDLED) {
            ctx.content().install(ctx.content().bundled(b), false);
        }
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
        if (world != null) {
            world.close();
        }
    }

    static JobHandle run(String workflow) throws Exception {
        JobHandle h = ctx.jobs().start(workflow, JobTarget.query("tag:lab"), JobOptions.DEFAULTS.withForks(4)
                .withStrategy(Strategy.LINEAR), null);
        h.done().get(90, TimeUnit.SECONDS);
        return h;
    }

    @Test
    void factsOfEveryHostAreKeptPerRun() throws Exception {
        JobHandle first = run("facts");
        assertEquals(JobState.SUCCEEDED, first.done().get());
        JobHandle second = run("facts");
        Map<String, MachineFacts> latest = ctx.facts().latestFacts();
        assertEquals(4, latest.size(), latest.keySet().toString());
        for (LabHost h : world.lab.hosts()) {
            HostIdentity id = h.identity();
            MachineFacts f = latest.get(h.name());
            assertEquals(second.id(), f.job());
            assertEquals(id.hostname(), f.hostname());
            assertEquals(id.os().prettyName(), f.os());
            assertEquals(id.os().id(), f.osId());
            assertEquals(id.os().kernel(), f.kernel());
            assertEquals(id.cpus(), f.cpus());
            assertEquals(id.cpuModel(), f.cpuModel());
            assertEquals(id.memoryMb() * 1024 * 1024, f.memoryBytes());
            assertEquals(id.disks().stream().map(d -> new MachineFacts.Disk(d.name(), d.sizeBytes())).toList(),
                    f.disks());
            assertEquals(id.nics().stream().map(n -> new MachineFacts.Nic(n.name(), n.mac(), n.mtu(),
                    List.of(n.ipv4() + "/" + n.prefix()))).toList(), f.nics());
            List<MachineFacts> history = ctx.facts().factsHistory(h.name(), 10);
            assertEquals(List.of(second.id(), first.id()), history.stream().map(MachineFacts::job).toList());
        }
    }

    @Test
    void healthIsOkCriticalWarningOrUnknownWithTheFailingChecks() throws Exception {
        world.lab.setFaults(FaultSpec.parse("diskfull:lab0002,fail=timedatectl:lab0003,refuse:lab0004"));
        try {
            JobHandle h = run("health");
            assertEquals(JobState.FAILED, h.done().get());
        } finally {
            world.lab.setFaults(FaultSpec.NONE);
        }
        Map<String, MachineHealth> health = ctx.facts().latestHealth();
        assertEquals(HealthState.OK, health.get("lab0001").state(), health.get("lab0001").toString());
        assertEquals(List.of(), health.get("lab0001").failing());

        MachineHealth disk = health.get("lab0002");
        assertEquals(HealthState.CRITICAL, disk.state(), disk.toString());
        // every check has continue_on_failure: the checks after the failed one still ran, and each is kept
        assertEquals(List.of("health-disk"), disk.failing().stream().map(MachineHealth.Check::check).toList());
        assertEquals(List.of("health-disk", "health-memory-load", "health-time-sync", "health-services"),
                disk.checks().stream().map(MachineHealth.Check::check).toList());
        assertEquals(List.of(HealthState.CRITICAL, HealthState.OK, HealthState.OK, HealthState.OK),
                disk.checks().stream().map(MachineHealth.Check::severity).toList());
        assertTrue(disk.failing().get(0).message().startsWith("exit 1: "), disk.toString());
        assertTrue(disk.checks().stream().allMatch(c -> c.at() != null), disk.toString());
        assertTrue(disk.checks().get(3).message().startsWith("passed"), disk.toString());

        MachineHealth time = health.get("lab0003");
        assertEquals(HealthState.WARNING, time.state(), time.toString());
        assertEquals(List.of("health-time-sync"), time.failing().stream()
                .map(MachineHealth.Check::check).toList());
        assertEquals(HealthState.WARNING, time.failing().get(0).severity());
        assertEquals(HealthState.OK, time.checks().get(3).severity(), "the services check ran after it");

        MachineHealth refused = health.get("lab0004");
        assertEquals(HealthState.UNKNOWN, refused.state(), refused.toString());
        assertEquals(4, refused.failing().size(), "no check could run: " + refused);
        assertTrue(refused.failing().stream().allMatch(c -> c.severity() == HealthState.UNKNOWN), refused.toString());
    }
}
