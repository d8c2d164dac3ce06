package dev.underlay.racks.ui;

import dev.underlay.inventory.ClusterRole;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.racks.MachineColouring;
import dev.underlay.racks.Placement;
import java.util.ArrayList;
import java.util.List;

/** The hover summary of a machine: where it sits, its state, how it is reached, its roles and tags. */
final class MachineSummary {
    private MachineSummary() {
    }

    static String of(Machine m, Inventory inv, MachineColouring colouring) {
        List<String> lines = new ArrayList<>();
        lines.add(m.name() + "  (" + m.kind().id()
                + ", " + m.uHeight() + "U)");
        lines.add(Placement.of(m).describe(m.uHeight()) + (m.site().isEmpty() ? "" : ", site " + m.site()));
        lines.add("status " + m.status().id() + (colouring == null || colouring.id().equals("status") ? ""
                : "; " + colouring.title().toLowerCase(java.util.Locale.ROOT) + " "
                + colouring.entryFor(m, inv).label()));
        if (!m.address().isEmpty()) {
            lines.add((m.sshUser().isEmpty() ? "" : m.sshUser() + "@") + m.address() + ":" + m.sshPort());
        }
        List<ClusterRole> roles = inv.clusterRoles(m.name());
        if (!roles.isEmpty()) {
            lines.add(String.join(", ", roles.stream().map(r -> r.role() + " in " + r.cluster()).toList()));
        }
        if (!m.tags().isEmpty()) {
            lines.add("tags " + String.join(", ", m.tags()));
        }
        return String.join("\n", lines);
    }
}
