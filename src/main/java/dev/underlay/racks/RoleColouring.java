package dev.underlay.racks;

import dev.underlay.inventory.ClusterRole;
import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Colours machines by role: the role a machine holds in a cluster ({@code control-plane}, {@code worker},
 * {@code etcd}), else its first tag (the way technicians tag {@code web}, {@code db}, {@code storage}), else "no
 * role". Roles take the colours of a ten-colour palette in name order over the whole inventory, so a role keeps its
 * colour whichever site is shown, and ten roles never share one.
 */
public final class RoleColouring implements MachineColouring {
    private Inventory indexed;
    private java.util.Map<String, Swatch> colours = java.util.Map.of();
    /** Tableau 10, a palette made to tell categories apart. */
    private static final int[] PALETTE = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2, 0xedc948, 0xb07aa1,
        0xff9da7, 0x9c755f, 0x79706e};
    private static final LegendEntry NONE = new LegendEntry("no role", Swatch.of(0xbab0ac));

    @Override
    public String id() {
        return "role";
    }

    @Override
    public String title() {
        return "Role";
    }

    /** The role shown for {@code m}, or empty. */
    public static String role(Machine m, Inventory inventory) {
        List<ClusterRole> roles = inventory.clusterRoles(m.name());
        if (!roles.isEmpty()) {
            return roles.get(0).role();
        }
        for (String t : m.tags()) {
            if (!t.equals(DemoInventory.LAB_TAG)) {
                return t;
            }
        }
        return "";
    }

    @Override
    public LegendEntry entryFor(Machine m, Inventory inventory) {
        String role = role(m, inventory);
        if (role.isEmpty()) {
            return NONE;
        }
        return new LegendEntry(role, colour(role, inventory));
    }

    /** The role's colour; the index of roles is made once per snapshot. */
    private synchronized Swatch colour(String role, Inventory inventory) {
        if (inventory != indexed) {
            Set<String> all = new TreeSet<>();
            for (Machine m : inventory.machines().values()) {
                String r = role(m, inventory);
                if (!r.isEmpty()) {
                    all.add(r);
                }
            }
            java.util.Map<String, Swatch> c = new java.util.HashMap<>();
            int i = 0;
            for (String r : all) {
                c.put(r, Swatch.of(PALETTE[i++ % PALETTE.length]));
            }
            colours = c;
            indexed = inventory;
        }
        Swatch s = colours.get(role);
        return s != null ? s : Swatch.of(PALETTE[Math.floorMod(role.hashCode(), PALETTE.length)]);
    }

    @Override
    public List<LegendEntry> legend(Inventory inventory, Collection<Machine> shown) {
        Set<String> roles = new TreeSet<>();
        boolean none = false;
        for (Machine m : shown) {
            String r = role(m, inventory);
            if (r.isEmpty()) {
                none = true;
            } else {
                roles.add(r);
            }
        }
        List<LegendEntry> out = new java.util.ArrayList<>();
        for (String r : roles) {
            out.add(new LegendEntry(r, colour(r, inventory)));
        }
        if (none) {
            out.add(NONE);
        }
        return out;
    }
}
