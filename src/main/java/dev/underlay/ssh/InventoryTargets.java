package dev.underlay.ssh;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ParamResolver;
import dev.underlay.inventory.ResolvedParam;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps inventory machines to SSH targets, bastion chains included. A machine names its bastion with the param
 * {@value #BASTION_PARAM} (the bastion machine's name), resolved like any param: on the machine, in one of its
 * profiles, or globally; a bastion may itself have a bastion (a chain, outermost first). The params of
 * {@link TargetAlgorithms} change what is offered to one machine.
 */
public final class InventoryTargets {
    public static final String BASTION_PARAM = dev.underlay.inventory.MachineReferences.BASTION;
    private static final int MAX_HOPS = 8;

    private InventoryTargets() {
    }

    /** One plan entry per machine, in order; machines that cannot be reached carry the sentence why. */
    public static List<FanOut.Planned> plan(Inventory inv, List<Machine> machines) {
        List<FanOut.Planned> out = new ArrayList<>(machines.size());
        for (Machine m : machines) {
            try {
                out.add(FanOut.Planned.of(target(inv, m)));
            } catch (IllegalArgumentException e) {
                out.add(FanOut.Planned.unusable(m.name(), e.getMessage()));
            }
        }
        return out;
    }

    /** The target of one machine; throws IllegalArgumentException with a sentence when it has none. */
    public static SshTarget target(Inventory inv, Machine m) {
        return target(inv, m, new LinkedHashSet<>());
    }

    private static SshTarget target(Inventory inv, Machine m, Set<String> seen) {
        if (!seen.add(m.name()) || seen.size() > MAX_HOPS) {
            throw new IllegalArgumentException("machine " + m.name() + " has a bastion loop: "
                    + String.join(" -> ", seen) + " -> " + m.name());
        }
        List<SshTarget> jumps = List.of();
        Map<String, ResolvedParam> params = ParamResolver.resolve(inv, m);
        String bastion = bastionOf(params, m);
        if (!bastion.isEmpty()) {
            Machine b = inv.machines().get(bastion);
            if (b == null) {
                throw new IllegalArgumentException("machine " + m.name() + " names bastion '" + bastion
                        + "', which is not in the inventory");
            }
            SshTarget bt = target(inv, b, seen);
            List<SshTarget> chain = new ArrayList<>(bt.jumps());
            chain.add(bt.via(List.of()));
            jumps = chain;
        }
        return SshTargets.of(m, inv.credentials().get(m.credential()), jumps)
                .withAlgorithms(TargetAlgorithms.of(params, m));
    }

    private static String bastionOf(Map<String, ResolvedParam> params, Machine m) {
        ResolvedParam p = params.get(BASTION_PARAM);
        if (p == null || p.value() == null || p.value().isNull()) {
            return "";
        }
        String name = p.value().asText().trim();
        return name.equals(m.name()) ? "" : name;
    }
}
