package dev.underlay.lab;

import java.util.ArrayList;
import java.util.List;

/** Generated lab hosts for tests. */
final class LabFixtures {
    private LabFixtures() {
    }

    static List<LabHost> hosts(int n, int basePort) {
        List<LabHost> hosts = new ArrayList<>();
        for (var m : LabInventory.machines(n, basePort)) {
            hosts.add(LabHost.of(m, 1_700_000_000L));
        }
        return hosts;
    }
}
