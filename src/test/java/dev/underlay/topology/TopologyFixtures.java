package dev.underlay.topology;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inventories for the topology's tests and benchmark. */
public final class TopologyFixtures {
    private TopologyFixtures() {
    }

    /**
     * About {@code vertices} vertices: sites of 20 racks of 40 machines, each site with a bastion every other
     * machine jumps through, and one Kubernetes cluster per site (3 control plane, 3 etcd, the rest of its first
     * five racks workers).
     */
    public static Inventory large(int vertices) {
        Inventory.Builder b = Inventory.builder();
        int perSite = 1 + 20 + 20 * 40 + 1 + 3; // site, racks, machines, cluster, role groups
        int sites = Math.max(1, (int) Math.ceil(vertices / (double) perSite));
        int made = 0;
        for (int s = 1; s <= sites && made < vertices; s++) {
            String site = String.format(Locale.ROOT, "s%02d", s);
            b.site(new Site(site, ""));
            made += 5;
            List<ClusterMember> members = new ArrayList<>();
            String bastion = site + "-bastion";
            for (int r = 1; r <= 20 && made < vertices; r++) {
                String rack = String.format(Locale.ROOT, "%s-r%02d", site, r);
                b.rack(new Rack(rack, site, 42, "A", r));
                made++;
                for (int u = 1; u <= 40 && made < vertices; u++) {
                    String name = r == 1 && u == 40 ? bastion : String.format(Locale.ROOT, "%s-r%02d-u%02d", site, r, u);
                    Machine.Builder m = Machine.builder(name).site(site).placed(rack, u, 1, Face.FRONT)
                            .status(u % 13 == 0 ? MachineStatus.FAILED : MachineStatus.IN_USE);
                    if (u % 2 == 0 && !name.equals(bastion)) {
                        m.params(Map.of("ssh_bastion", TextNode.valueOf(bastion)));
                    }
                    b.machine(m.build());
                    made++;
                    if (r <= 5 && !name.equals(bastion)) {
                        members.add(new ClusterMember(name, members.size() < 3 ? "control-plane"
                                : members.size() < 6 ? "etcd" : "worker"));
                    }
                }
            }
            b.cluster(new Cluster(site + "-k8s", "kubernetes", "", "", members));
        }
        return b.build();
    }
}
