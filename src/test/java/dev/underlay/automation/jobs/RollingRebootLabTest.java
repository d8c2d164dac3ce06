package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.app.AppContext;
import dev.underlay.automation.ContentService;
import dev.underlay.e2e.LabWorld;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Machine;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled rolling-reboot pack on six real lab hosts in three failure domains (param {@code fd}): every host
 * really reboots (its SSH port goes away, its boot id changes), the engine waits until it is back, and the job
 * goes one domain at a time.
 */
class RollingRebootLabTest {
    @TempDir
    static Path dir;
    static LabWorld world;
    static AppContext ctx;

    @BeforeAll
    static void start() throws Exception {
        world = LabWorld.start(6, dir, FaultSpec.NONE);
        world.lab.rebootDowntime(Duration.ofMillis(300));
        ctx = AppContext.open(dir.resolve("data"), false, Runnable::run);
        world.enrol(ctx);
        ctx.jobs().rebootPoll(Duration.ofMillis(100));
        for (String b : ContentService.BUNDLED) {
            ctx.content().install(ctx.content().bundled(b), false);
        }
        Inventory inv = ctx.inventory().inventory();
        InventoryChanges ch = new InventoryChanges();
        for (int i = 0; i < world.machines.size(); i++) {
            Machine m = inv.machines().get(world.machines.get(i).name());
            Map<String, JsonNode> params = new HashMap<>(m.params());
            params.put("fd", TextNode.valueOf("fd-" + (char) ('a' + i / 2)));
            ch.machines.add(m.toBuilder().params(params).build());
        }
        ctx.inventory().apply(ch);
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

    static Map<String, String> perHost(String command) throws Exception {
        JobHandle h = ctx.jobs().start("command:" + command, JobTarget.query("tag:lab"),
                JobOptions.DEFAULTS.withForks(6), null);
        JobEnds.awaitEnd(ctx.jobs(), h, JobState.SUCCEEDED, 60);
        Map<String, String> out = new TreeMap<>();
        ctx.jobs().output(h.id(), null, null, l -> out.merge(l.host(), l.text(), (a, b) -> a + "\n" + b));
        return out;
    }

    @Test
    void everyHostRebootsAndComesBackOneFailureDomainAtATime() throws Exception {
        Map<String, String> before = perHost("cat /proc/sys/kernel/random/boot_id");
        assertEquals(6, before.size(), before.toString());

        Recorder rec = new Recorder();
        JobHandle h = ctx.jobs().start("rolling-reboot", JobTarget.query("tag:lab"), JobOptions.DEFAULTS
                .withForks(6).withWaves(WaveSize.parse("6"), "fd", -1, false), rec);
        JobState end = h.done().get(120, TimeUnit.SECONDS);
        List<String> lines = new ArrayList<>();
        ctx.jobs().output(h.id(), null, null, l -> lines.add(l.host() + "#" + l.step() + " " + l.text()));
        assertEquals(JobState.SUCCEEDED, end, () -> String.join("\n", lines) + "\n" + rec.steps);

        Map<String, String> after = perHost("cat /proc/sys/kernel/random/boot_id");
        Map<String, String> reboots = perHost("cat /var/lib/lab/reboots");
        for (Machine m : world.machines) {
            assertNotEquals(before.get(m.name()), after.get(m.name()), m.name() + " booted again");
            assertEquals("1", reboots.get(m.name()), m.name() + " was rebooted once");
            assertTrue(rec.steps.stream().anyMatch(e -> e.host().equals(m.name()) && e.step() == 1
                    && e.message().startsWith("asked for a reboot (exit 64)")), rec.steps.toString());
            assertEquals(HostRunState.DONE, rec.hosts.get(m.name()));
        }
        // each domain's span, from its first host starting the drain to its last host uncordoned
        Map<String, long[]> spans = new TreeMap<>();
        for (int i = 0; i < world.machines.size(); i++) {
            String host = world.machines.get(i).name();
            long[] s = spans.computeIfAbsent("fd-" + (char) ('a' + i / 2), k -> new long[] {Long.MAX_VALUE, 0});
            s[0] = Math.min(s[0], rec.first(host, 0, StepState.RUNNING));
            s[1] = Math.max(s[1], rec.last(host, 3, StepState.OK));
            assertTrue(s[0] > 0 && s[1] > s[0], host + ": " + rec.steps);
        }
        List<long[]> ordered = spans.values().stream().sorted((x, y) -> Long.compare(x[0], y[0])).toList();
        for (int i = 1; i < ordered.size(); i++) {
            assertTrue(ordered.get(i - 1)[1] < ordered.get(i)[0], "two failure domains overlapped: " + rec.steps);
        }
    }
}
