package dev.underlay.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every inventory keeps, whoever changes it (form, import, CLI, job). Pure functions over a candidate
 * snapshot: the service writes nothing unless they come back empty.
 */
public final class InventoryRules {
    /** Names are what technicians type in queries and shells: no spaces, no quotes. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]*");

    private InventoryRules() {
    }

    /** Checks the whole inventory; used for imports. */
    public static List<Violation> validateAll(Inventory inv) {
        List<Violation> out = new ArrayList<>();
        FieldLimits.check(out, inv);
        for (Site s : inv.sites().values()) {
            checkName(out, "site", s.name());
        }
        for (Rack r : inv.racks().values()) {
            checkRack(out, inv, r);
        }
        for (Credential c : inv.credentials().values()) {
            checkName(out, "credential", c.name());
        }
        for (ParamDefinition d : inv.paramDefinitions().values()) {
            checkName(out, "param", d.name());
            ParamSchemas.checkDefinition(out, d);
        }
        for (Profile p : inv.profiles().values()) {
            checkProfile(out, inv, p);
        }
        for (Machine m : inv.machines().values()) {
            checkMachineFields(out, inv, m);
        }
        for (Rack r : inv.racks().values()) {
            checkOverlaps(out, inv.machinesInRack(r.name()), r, null);
        }
        for (Cluster c : inv.clusters().values()) {
            checkCluster(out, inv, c);
        }
        return out;
    }

    /** Checks the given machines against the candidate inventory that already contains them. */
    public static List<Violation> validateMachines(Inventory inv, Collection<Machine> changed) {
        List<Violation> out = new ArrayList<>();
        Set<String> racks = new HashSet<>();
        for (Machine m : changed) {
            checkMachineFields(out, inv, m);
            if (m.racked()) {
                racks.add(m.rack());
            }
        }
        Set<String> changedNames = new HashSet<>();
        changed.forEach(m -> changedNames.add(m.name()));
        for (String rack : racks) {
            Rack r = inv.racks().get(rack);
            if (r != null) {
                // Only overlaps that involve a changed machine: old conflicts are not this change's fault.
                checkOverlaps(out, inv.machinesInRack(rack), r, changedNames);
            }
        }
        return out;
    }

    static void checkName(List<Violation> out, String entity, String name) {
        if (name == null || name.isBlank()) {
            out.add(new Violation(entity, "", "name", "a " + entity + " needs a name"));
        } else if (!NAME.matcher(name).matches()) {
            out.add(new Violation(entity, name, "name", entity + " name '" + name
                    + "' may only hold letters, digits and . _ : @ - (and must start with a letter or digit)"));
        }
    }

    private static void checkRack(List<Violation> out, Inventory inv, Rack r) {
        checkName(out, "rack", r.name());
        if (!inv.sites().containsKey(r.site())) {
            out.add(new Violation("rack", r.name(), "site", "rack " + r.name() + " is in site '" + r.site()
                    + "', which does not exist"));
        }
        if (r.heightU() < 1 || r.heightU() > 60) {
            out.add(new Violation("rack", r.name(), "height", "rack " + r.name() + " has height " + r.heightU()
                    + "U; a rack is 1 to 60 U high"));
        }
    }

    private static void checkProfile(List<Violation> out, Inventory inv, Profile p) {
        checkName(out, "profile", p.name());
        for (String inc : p.includes()) {
            if (!inv.profiles().containsKey(inc)) {
                out.add(new Violation("profile", p.name(), "includes", "profile " + p.name() + " includes profile '"
                        + inc + "', which does not exist"));
            } else if (inc.equals(Profile.GLOBAL)) {
                out.add(new Violation("profile", p.name(), "includes", "profile " + p.name()
                        + " includes 'global', which is always consulted last and cannot be included"));
            }
        }
        ParamSchemas.checkValues(out, inv, "profile", p.name(), p.params());
        List<String> cycle = ParamResolver.findCycle(inv, p.name());
        if (!cycle.isEmpty()) {
            out.add(new Violation("profile", p.name(), "includes", "profiles include each other in a cycle: "
                    + String.join(" -> ", cycle)));
        }
    }

    /** Field checks of one machine and its references; not overlaps. */
    static void checkMachineFields(List<Violation> out, Inventory inv, Machine m) {
        FieldLimits.machine(out, m);
        checkName(out, "machine", m.name());
        String n = m.name();
        if (!m.site().isEmpty() && !inv.sites().containsKey(m.site())) {
            out.add(new Violation("machine", n, "site", "machine " + n + " is in site '" + m.site()
                    + "', which does not exist"));
        }
        if (m.sshPort() < 1 || m.sshPort() > 65535) {
            out.add(new Violation("machine", n, "port", "machine " + n + " has SSH port " + m.sshPort()
                    + "; a port is 1 to 65535"));
        }
        if (m.uHeight() < 1) {
            out.add(new Violation("machine", n, "height", "machine " + n + " is " + m.uHeight()
                    + "U high; a machine takes at least 1U"));
        }
        if (!m.credential().isEmpty() && !inv.credentials().containsKey(m.credential())) {
            out.add(new Violation("machine", n, "credential", "machine " + n + " uses credential '"
                    + m.credential() + "', which does not exist"));
        }
        for (String p : m.profiles()) {
            if (!inv.profiles().containsKey(p)) {
                out.add(new Violation("machine", n, "profiles", "machine " + n + " uses profile '" + p
                        + "', which does not exist"));
            }
        }
        for (String t : m.tags()) {
            if (t.isBlank() || t.chars().anyMatch(Character::isWhitespace) || t.contains(",")) {
                out.add(new Violation("machine", n, "tags", "machine " + n + " has tag '" + t
                        + "'; tags hold no spaces or commas"));
            }
        }
        if (m.kind() == MachineKind.CLOUD && m.racked()) {
            out.add(new Violation("machine", n, "rack", "machine " + n
                    + " is a cloud instance and cannot sit in a rack"));
        }
        ParamSchemas.checkValues(out, inv, "machine", n, m.params());
        checkPlacement(out, inv, m);
    }

    private static void checkPlacement(List<Violation> out, Inventory inv, Machine m) {
        String n = m.name();
        if (m.rack().isEmpty()) {
            if (m.uPosition() != null) {
                out.add(new Violation("machine", n, "u", "machine " + n + " has U position " + m.uPosition()
                        + " but no rack"));
            }
            return;
        }
        Rack r = inv.racks().get(m.rack());
        if (r == null) {
            out.add(new Violation("machine", n, "rack", "machine " + n + " is in rack '" + m.rack()
                    + "', which does not exist"));
            return;
        }
        if (!m.site().isEmpty() && !m.site().equals(r.site())) {
            out.add(new Violation("machine", n, "rack", "machine " + n + " is in site " + m.site()
                    + " but rack " + r.name() + " belongs to site " + r.site()));
        }
        if (m.uPosition() == null) {
            out.add(new Violation("machine", n, "u", "machine " + n + " is in rack " + r.name()
                    + " but has no U position"));
            return;
        }
        if (m.uPosition() < 1 || m.topU() > r.heightU()) {
            out.add(new Violation("machine", n, "u", "machine " + n + " at " + m.uRange()
                    + " does not fit in rack " + r.name() + " (U1-U" + r.heightU() + ")"));
        }
    }

    /**
     * Sweeps a rack's machines bottom-up and reports each pair that shares a U on a colliding face.
     *
     * @param involving report only pairs with one of these machines, or every pair when null
     */
    private static void checkOverlaps(List<Violation> out, List<Machine> inRack, Rack r, Set<String> involving) {
        List<Machine> placed = inRack.stream().filter(Machine::racked).toList();
        for (int i = 0; i < placed.size(); i++) {
            Machine a = placed.get(i);
            for (int j = i + 1; j < placed.size(); j++) {
                Machine b = placed.get(j);
                if (b.uPosition() > a.topU()) {
                    break; // sorted by bottom U: nothing further up can touch a
                }
                boolean relevant = involving == null || involving.contains(a.name()) || involving.contains(b.name());
                if (relevant && a.face().collidesWith(b.face())) {
                    int u = Math.max(a.uPosition(), b.uPosition());
                    out.add(new Violation("machine", b.name(), "u", "machine " + b.name() + " (" + b.uRange() + " "
                            + b.face() + ") overlaps machine " + a.name() + " (" + a.uRange() + " " + a.face()
                            + ") in rack " + r.name() + " at U" + u));
                }
            }
        }
    }

    private static void checkCluster(List<Violation> out, Inventory inv, Cluster c) {
        checkName(out, "cluster", c.name());
        if (c.profile() != null && !c.profile().isEmpty() && !inv.profiles().containsKey(c.profile())) {
            out.add(new Violation("cluster", c.name(), "profile", "cluster " + c.name() + " uses profile '"
                    + c.profile() + "', which does not exist"));
        }
        Set<String> seen = new HashSet<>();
        for (ClusterMember cm : c.members()) {
            if (!inv.machines().containsKey(cm.machine())) {
                out.add(new Violation("cluster", c.name(), "members", "cluster " + c.name() + " lists machine '"
                        + cm.machine() + "', which does not exist"));
            }
            if (!seen.add(cm.machine() + "\u0000" + cm.role())) {
                out.add(new Violation("cluster", c.name(), "members", "cluster " + c.name() + " lists machine "
                        + cm.machine() + " twice as " + cm.role()));
            }
        }
    }
}
