package dev.underlay.topology.ui;

import dev.underlay.inventory.ClusterRole;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.racks.MachineColouring;
import dev.underlay.topology.EdgeKind;
import dev.underlay.topology.PlacedGraph;
import dev.underlay.topology.TopologyEdge;
import dev.underlay.topology.TopologyNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The hover summary of a vertex: a machine's place, state, address, roles and bastion; a group's size. */
final class NodeSummary {
    private NodeSummary() {
    }

    static String of(PlacedGraph p, int i, Inventory inv, MachineColouring colouring) {
        TopologyNode n = p.graph().node(i);
        List<String> lines = new ArrayList<>();
        Machine m = n.machine() == null ? null : inv.machines().get(n.machine());
        if (m == null) {
            long members = p.graph().edges().stream().filter(e -> e.from() == i).count();
            lines.add(n.label() + "  (" + n.kind().id() + ")");
            lines.add(String.format(Locale.ROOT, "%,d %s", members, switch (n.kind()) {
                case SITE -> members == 1 ? "rack or machine" : "racks or machines";
                case CLUSTER -> members == 1 ? "role" : "roles";
                default -> members == 1 ? "machine" : "machines";
            }));
            return String.join("\n", lines);
        }
        lines.add(m.name() + "  (" + m.kind().id() + ")");
        lines.add((m.rack().isEmpty() ? "no rack" : "rack " + m.rack() + (m.racked() ? " " + m.uRange() : ""))
                + (m.site().isEmpty() ? "" : ", site " + m.site()));
        lines.add("status " + m.status().id() + (colouring == null || colouring.id().equals("status") ? ""
                : "; " + colouring.title().toLowerCase(Locale.ROOT) + " " + colouring.entryFor(m, inv).label()));
        if (!m.address().isEmpty()) {
            lines.add((m.sshUser().isEmpty() ? "" : m.sshUser() + "@") + m.address() + ":" + m.sshPort());
        }
        List<ClusterRole> roles = inv.clusterRoles(m.name());
        if (!roles.isEmpty()) {
            lines.add(String.join(", ", roles.stream().map(r -> r.role() + " in " + r.cluster()).toList()));
        }
        int behind = 0;
        for (TopologyEdge e : p.graph().edges()) {
            if (e.kind() == EdgeKind.JUMP && e.to() == i) {
                lines.add("reached through " + p.graph().node(e.from()).label());
            } else if (e.kind() == EdgeKind.JUMP && e.from() == i) {
                behind++;
            }
        }
        if (behind > 0) {
            lines.add(String.format(Locale.ROOT, "bastion for %,d machine%s", behind, behind == 1 ? "" : "s"));
        }
        return String.join("\n", lines);
    }
}
