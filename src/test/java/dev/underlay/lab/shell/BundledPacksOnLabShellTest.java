package dev.underlay.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.underlay.app.AppContext;
import dev.underlay.automation.ContentService;
import dev.underlay.automation.JobPlan;
import dev.underlay.automation.PlannedStep;
import dev.underlay.automation.RenderedStep;
import dev.underlay.automation.content.Task;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineKind;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.ResolvedParam;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bundled pack, rendered by the automation model for a 3-control-plane, 6-worker cluster and run step by step
 * (linear, as the job engine runs the kubernetes pack) in the lab's shell on simulated hosts: scripts run, files are
 * written, published values go to the cluster's profile and feed the later steps.
 */
class BundledPacksOnLabShellTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Commands commands = new Commands(scheduler);
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    @TempDir
    Path dir;
    private AppContext ctx;

    static final class Host implements ShellHost {
        final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
        final Services services = new Services(1_700_000_000L, true);
        final HostIdentity identity;
        boolean diskFull;

        Host(String name) {
            identity = new HostIdentity(name, HostIdentity.OsRelease.DEBIAN_12, 8, "Test CPU", 16_384,
                    List.of(new HostIdentity.Disk("sda", 500_000_000_000L, "Disk", false)),
                    List.of(new HostIdentity.Nic("eth0", "52:54:00:00:00:01", "10.0.0.5", 24, 1500)), 1_700_000_000L);
            try {
                Files.createDirectories(fs.getPath("/root"));
                Files.createDirectories(fs.getPath("/tmp"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override public HostIdentity identity() { return identity; }
        @Override public FileSystem files() { return fs; }
        @Override public Services services() { return services; }
        @Override public boolean diskFull() { return diskFull; }
        @Override public boolean failing(String command) { return false; }
    }

    record Out(String out, String err, int exit) {
    }

    @BeforeEach
    void open() {
        ctx = AppContext.open(dir, false, Runnable::run);
        for (String b : ContentService.BUNDLED) {
            ctx.content().install(ctx.content().bundled(b), false);
        }
        InventoryChanges ch = new InventoryChanges();
        List<ClusterMember> members = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            String name = i <= 3 ? "cp" + i : "w" + (i - 3);
            ch.machines.add(Machine.builder(name).kind(MachineKind.VIRTUAL).address("127.0.0.1").build());
            members.add(new ClusterMember(name, i <= 3 ? "control-plane" : "worker"));
            hosts.put(name, new Host(name));
        }
        ch.profiles.add(new Profile("k8s-prof", "", List.of(), Map.of("k8s_first_control_plane",
                TextNode.valueOf("cp1"), "k8s_control_plane_endpoint", TextNode.valueOf("10.0.0.10:6443"))));
        ch.clusters.add(new Cluster("k8s", "kubernetes", "", "k8s-prof", members));
        ctx.inventory().apply(ch);
    }

    @AfterEach
    void close() {
        ctx.close();
        scheduler.shutdownNow();
    }

    @Test
    void kubernetesPackBringsUpThreeControlPlanesAndSixWorkers() throws Exception {
        Map<String, List<Integer>> exits = runLinear("kubernetes-up");
        exits.forEach((step, codes) -> assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), codes, step));
        for (Host h : hosts.values()) {
            assertTrue(Files.exists(h.fs.getPath("/etc/kubernetes/kubelet.conf")), h.identity.hostname());
            assertEquals(h.identity.hostname().startsWith("cp"), Files.exists(h.fs.getPath(
                    "/etc/kubernetes/admin.conf")), h.identity.hostname());
        }
        Profile prof = ctx.inventory().inventory().profiles().get("k8s-prof");
        assertEquals(ResolvedParam.MASK, prof.params().get("k8s_join_command").asText()); // secure: sealed
        String joined = read(hosts.get("w6"), "/etc/kubernetes/kubelet.conf");
        assertEquals("server: https://10.0.0.10:6443\n", joined);
    }

    @Test
    void everyBundledWorkflowRunsOnLabHosts() throws Exception {
        for (String wf : List.of("facts", "health", "baseline", "rolling-reboot")) {
            Map<String, List<Integer>> exits = runLinear(wf);
            exits.forEach((step, codes) -> {
                int expected = step.endsWith("rr-reboot") ? 64 : 0; // the reboot code: the engine reboots
                codes.forEach(c -> assertEquals(expected, c, wf + " " + step));
            });
        }
        assertEquals("cp2\n", read(hosts.get("cp2"), "/etc/hostname"));
        assertTrue(read(hosts.get("w1"), "/etc/chrony/chrony.conf").contains("pool pool.ntp.org iburst\n"));
    }

    @Test
    void healthFailsOnAFullDiskAndAStoppedService() throws Exception {
        hosts.get("w2").diskFull = true;
        hosts.get("w3").services.update("chronyd", false, true, 1_700_000_100L, false);
        Map<String, List<Integer>> exits = runLinear("health");
        assertEquals(List.of(0, 0, 0, 0, 1, 0, 0, 0, 0), exits.get("health/health-disk"));
        assertEquals(List.of(0, 0, 0, 0, 0, 1, 0, 0, 0), exits.get("health/health-time-sync"));
        assertEquals(List.of(0, 0, 0, 0, 0, 3, 0, 0, 0), exits.get("health/health-services")); // systemd: inactive
    }

    /** Every step on every host before the next step; published values go to the cluster's profile. */
    private Map<String, List<Integer>> runLinear(String workflow) throws Exception {
        JobPlan plan = ctx.automation().plan(workflow);
        Map<String, List<Integer>> exits = new LinkedHashMap<>();
        for (PlannedStep step : plan.steps()) {
            List<Integer> codes = new ArrayList<>();
            Task task = ctx.automation().task(step.task());
            for (Map.Entry<String, Host> e : hosts.entrySet()) {
                Machine m = ctx.inventory().inventory().machines().get(e.getKey());
                RenderedStep r = plan.render(step, m, ctx.inventory().inventory());
                int code = 0;
                for (RenderedStep.Action a : r.actions()) {
                    if (a instanceof RenderedStep.WriteFile f) {
                        Path p = e.getValue().fs.getPath(f.path());
                        Files.createDirectories(p.getParent());
                        Files.writeString(p, f.content());
                    } else if (a instanceof RenderedStep.Script s) {
                        Out o = run(e.getValue(), s.text());
                        code = o.exit();
                        if (code != 0 && code != step.rebootExit()) {
                            System.out.println(step.label() + " on " + e.getKey() + ": " + o);
                            break;
                        }
                    }
                }
                codes.add(code);
                for (String name : task.publishes()) {
                    Path p = e.getValue().fs.getPath("/run/underlay/publish/" + name);
                    if (Files.exists(p)) {
                        ctx.publisher().publish("k8s", name, TextNode.valueOf(Files.readString(p).strip()));
                    }
                }
            }
            exits.put(step.label(), codes);
        }
        return exits;
    }

    private static String read(Host h, String path) throws java.io.IOException {
        return Files.readString(h.fs.getPath(path), StandardCharsets.UTF_8);
    }

    private Out run(Host host, String script) throws Exception {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        ShellRun.Output o = new ShellRun.Output() {
            @Override public synchronized void out(String t) { out.append(t); }
            @Override public synchronized void err(String t) { err.append(t); }
        };
        int code = new ShellRun(ScriptParser.parse(script), host, commands, "root", () -> "", o, Runnable::run)
                .start().get(10, TimeUnit.SECONDS);
        synchronized (o) {
            return new Out(out.toString(), err.toString(), code);
        }
    }

}
