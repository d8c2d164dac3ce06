package dev.underlay.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.app.AppContext;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineKind;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A real data folder (H2, sealing key) with a few machines, profiles and a cluster for the automation tests. */
final class AutomationFixture implements AutoCloseable {
    final AppContext ctx;

    AutomationFixture(Path dir) {
        ctx = AppContext.open(dir, false, Runnable::run);
    }

    static JsonNode text(String s) {
        return TextNode.valueOf(s);
    }

    /** web01 (own ntp_server, profile site-a), web02 (nothing of its own); cluster k8s with profile k8s-prof. */
    AutomationFixture seed() {
        InventoryChanges ch = new InventoryChanges();
        ch.paramDefinitions.add(new ParamDefinition("ntp_port", dev.underlay.inventory.Json.parse(
                "{\"type\":\"integer\",\"maximum\":65535}"), dev.underlay.inventory.Json.parse("123"), "", false));
        ch.paramDefinitions.add(new ParamDefinition("bmc_password", null, null, "", true));
        ch.profiles.add(new Profile("site-a", "", List.of(), Map.of("ntp_server", text("ntp.site-a"),
                "dns", text("10.0.0.53"))));
        ch.profiles.add(new Profile("k8s-prof", "", List.of(), Map.of("dns", text("10.9.9.9"),
                "pod_cidr", text("10.244.0.0/16"), "stage_only", text("cluster"))));
        ch.profiles.add(new Profile("stage-prof", "", List.of(), Map.of("stage_only", text("stage profile"),
                "motd", text("from stage profile"))));
        ch.profiles.add(new Profile(Profile.GLOBAL, "", List.of(), Map.of("timezone", text("UTC"),
                "pod_cidr", text("global"))));
        ch.machines.add(Machine.builder("web01").kind(MachineKind.VIRTUAL).address("127.0.0.1")
                .profiles(List.of("site-a")).params(Map.of("ntp_server", text("ntp.own"),
                        "bmc_password", text("s3cr3t pass"))).build());
        ch.machines.add(Machine.builder("web02").kind(MachineKind.VIRTUAL).address("127.0.0.1").build());
        ch.clusters.add(new Cluster("k8s", "kubernetes", "", "k8s-prof", List.of(new ClusterMember("web01",
                "control-plane"), new ClusterMember("web02", "worker"))));
        ch.clusters.add(new Cluster("bare", "", "", "", List.of(new ClusterMember("web02", "worker"))));
        ctx.inventory().apply(ch);
        return this;
    }

    Machine machine(String name) {
        return ctx.inventory().inventory().machines().get(name);
    }

    @Override
    public void close() {
        ctx.close();
    }
}
