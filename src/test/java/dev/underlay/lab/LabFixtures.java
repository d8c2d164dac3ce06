package dev.underlay.lab;

import java.util.ArrayList;
import java.util.List;

/** Generated lab hosts for tests. */
final class LabFixtures {
    private LabFixtures() {
    }

    /** lab0001... on free ports the lab picks when it starts (read them from {@link Lab#hosts()}). */
    static List<LabHost> hosts(int n) {
        return hosts(n, 0);
    }

    /** lab0001... from {@code basePort}, or on free ports when it is 0. */
    static List<LabHost> hosts(int n, int basePort) {
        List<LabHost> hosts = new ArrayList<>();
        for (var m : LabInventory.machines(n, basePort)) {
            hosts.add(LabHost.of(m, 1_700_000_000L));
        }
        return hosts;
    }
}
