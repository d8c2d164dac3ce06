package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.app.AppContext;
import dev.underlay.automation.ContentService;
import dev.underlay.e2e.LabWorld;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.StageParams;
import dev.underlay.lab.FaultSpec;
import dev.underlay.lab.LabHost;
import dev.underlay.ssh.StepState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled kubernetes pack, end to end on a lab of nine real SSH hosts: three control planes and six workers,
 * run linear as the pack asks. The first control plane's join command and certificate key travel through the
 * cluster's profile (sealed); every other node joins with exactly the token it produced (the lab's kubeadm
 * refuses any other), and neither the token nor the key is in any stored output line.
 */
class KubernetesLabTest {
    @TempDir
    static Path dir;
    static LabWorld world;
    static AppContext ctx;

    @BeforeAll
    static void start() throws Exception {
        world = LabWorld.start(9, dir, FaultSpec.NONE);
        ctx = AppContext.open(dir.resolve("data"), false, Runnable::run);
        world.enrol(ctx);
        for (String b : ContentService.BUNDLED) {
            ctx.content().install(ctx.content().bundled(b), false);
        }
        Inventory inv = ctx.inventory().inventory();
        InventoryChanges ch = new InventoryChanges();
        List<ClusterMember> members = new ArrayList<>();
        for (LabHost h : world.lab.hosts()) {
            Machine m = inv.machines().get(h.name());
            Map<String, JsonNode> params = new HashMap<>(m.params());
            params.put("os_family", TextNode.valueOf(h.identity().os().id().equals("rocky") ? "dnf" : "apt"));
            ch.machines.add(m.toBuilder().params(params).build());
            members.add(new ClusterMember(h.name(), members.size() < 3 ? "control-plane" : "worker"));
        }
        ch.profiles.add(new Profile("k8s-lab", "", List.of(), Map.of("k8s_first_control_plane",
                TextNode.valueOf("lab0001"), "k8s_control_plane_endpoint", TextNode.valueOf("10.0.0.10:6443"))));
        ch.clusters.add(new Cluster("k8s", "kubernetes", "", "k8s-lab", members));
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

    static List<String> output(long job) {
        List<String> lines = new ArrayList<>();
        ctx.jobs().output(job, null, null, l -> lines.add(l.host() + "#" + l.step() + " " + l.text()));
        return lines;
    }

    @Test
    void threeControlPlanesAndSixWorkersJoinWithTheFirstControlPlanesToken() throws Exception {
        JobHandle h = ctx.jobs().start("kubernetes-up", JobTarget.query("tag:lab"), JobOptions.DEFAULTS
                .withForks(9).withStrategy(Strategy.LINEAR), null);
        JobState end = h.done().get(120, TimeUnit.SECONDS);
        List<String> lines = output(h.id());
        assertEquals(JobState.SUCCEEDED, end, () -> String.join("\n", lines) + "\n" + JobEnds.why(ctx.jobs(), h.id()));
        for (JobListener.StepResult r : ctx.jobs().results(h.id())) {
            assertTrue(r.state() == StepState.OK || r.state() == StepState.RUNNING, r.toString());
        }

        Inventory inv = ctx.inventory().inventory();
        var revealed = ctx.inventory().paramValues().reveal(inv, inv.machines().get("lab0005"), StageParams.NONE);
        String join = revealed.value("k8s_join_command").asText();
        String certKey = revealed.value("k8s_certificate_key").asText();
        Matcher t = Pattern.compile("^kubeadm join 10\\.0\\.0\\.10:6443 --token ([a-z0-9.]{23}) "
                + "--discovery-token-ca-cert-hash sha256:([a-f0-9]{64})$").matcher(join);
        assertTrue(t.matches(), join);
        String token = t.group(1);
        for (String l : lines) {
            assertFalse(l.contains(token) || l.contains(certKey) || l.contains(t.group(2)),
                    "a secret in the log: " + l);
        }
        List<String> nodes = lines.stream().filter(l -> l.startsWith("lab0001#4 lab000")).toList();
        assertEquals(9, nodes.size(), "kubectl get nodes on the first control plane: " + lines);
        assertEquals(3, nodes.stream().filter(l -> l.contains("control-plane")).count(), nodes.toString());

        JobHandle check = ctx.jobs().start("command:cat /etc/kubernetes/bootstrap-kubelet.conf",
                JobTarget.query("lab[0002-0009]"), JobOptions.DEFAULTS.withForks(9), null);
        JobEnds.awaitEnd(ctx.jobs(), check, JobState.SUCCEEDED, 60);
        List<String> conf = output(check.id());
        for (int i = 2; i <= 9; i++) {
            assertTrue(conf.contains("lab000" + i + "#0 token: " + token), conf.toString());
        }

        JobHandle forged = ctx.jobs().start("command:kubeadm reset && kubeadm join 10.0.0.10:6443 --token "
                + "abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:" + t.group(2),
                JobTarget.query("lab0009"), JobOptions.DEFAULTS, null);
        assertEquals(JobState.FAILED, forged.done().get(60, TimeUnit.SECONDS));
        assertTrue(output(forged.id()).stream().anyMatch(l -> l.contains("token id \"abcdef\" is invalid for this "
                + "cluster")), output(forged.id()).toString());
    }
}
