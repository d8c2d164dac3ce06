package dev.underlay.inventory;

import java.util.List;
import java.util.Map;

/**
 * The longest value each stored field can hold (the VARCHAR sizes of {@code db/migration}), checked as a rule so
 * that every writer, console form, import or CLI, gets a sentence naming the entity, the field, its length and the
 * limit before any SQL runs, instead of the database's own error. Lengths count UTF-16 units, which is what H2
 * counts and never less than PostgreSQL's characters, so a value that passes here fits both.
 */
public final class FieldLimits {
    /** Names, and the fields that hold a name: VARCHAR(200). */
    public static final int NAME = 200;
    /** A machine's address: VARCHAR(400). */
    public static final int ADDRESS = 400;
    /** Descriptions, key file paths, and a machine's tags and profiles as stored (joined by commas): VARCHAR(4000). */
    public static final int TEXT = 4000;
    /** A cluster's kind: VARCHAR(100). */
    public static final int KIND = 100;
    private static final int SHOWN = 40;

    private FieldLimits() {
    }

    /** Every entity but machines (which {@link #machine} checks, for imports and single edits alike). */
    static void check(List<Violation> out, Inventory inv) {
        for (Site s : inv.sites().values()) {
            name(out, "site", s.name());
            limit(out, "site", s.name(), "description", s.description(), TEXT);
        }
        for (Rack r : inv.racks().values()) {
            name(out, "rack", r.name());
            limit(out, "rack", r.name(), "site", r.site(), NAME);
            limit(out, "rack", r.name(), "row", r.row(), NAME);
        }
        for (Credential c : inv.credentials().values()) {
            name(out, "credential", c.name());
            limit(out, "credential", c.name(), "username", c.username(), NAME);
            limit(out, "credential", c.name(), "keyFile", c.keyFile(), TEXT);
            limit(out, "credential", c.name(), "description", c.description(), TEXT);
        }
        for (ParamDefinition d : inv.paramDefinitions().values()) {
            name(out, "param", d.name());
            limit(out, "param", d.name(), "description", d.description(), TEXT);
        }
        for (Profile p : inv.profiles().values()) {
            name(out, "profile", p.name());
            limit(out, "profile", p.name(), "description", p.description(), TEXT);
            for (String inc : p.includes()) {
                limit(out, "profile", p.name(), "includes", inc, NAME);
            }
            for (Map.Entry<String, ?> e : p.params().entrySet()) {
                if (e.getKey().length() > NAME) {
                    out.add(new Violation("profile", p.name(), "params", "profile " + shown(p.name()) + ": param name '"
                            + shown(e.getKey()) + "' is " + e.getKey().length() + " characters long; at most " + NAME
                            + " fit"));
                }
            }
        }
        for (Cluster c : inv.clusters().values()) {
            name(out, "cluster", c.name());
            limit(out, "cluster", c.name(), "kind", c.kind(), KIND);
            limit(out, "cluster", c.name(), "description", c.description(), TEXT);
            limit(out, "cluster", c.name(), "profile", c.profile(), NAME);
            for (ClusterMember m : c.members()) {
                limit(out, "cluster", c.name(), "members", m.machine(), NAME);
                limit(out, "cluster", c.name(), "members", m.role(), NAME);
            }
        }
    }

    /** One machine's fields, and its tags and profiles as the column holds them. */
    static void machine(List<Violation> out, Machine m) {
        String n = m.name();
        name(out, "machine", n);
        limit(out, "machine", n, "site", m.site(), NAME);
        limit(out, "machine", n, "rack", m.rack(), NAME);
        limit(out, "machine", n, "address", m.address(), ADDRESS);
        limit(out, "machine", n, "user", m.sshUser(), NAME);
        limit(out, "machine", n, "credential", m.credential(), NAME);
        limit(out, "machine", n, "provider", m.cloudProvider(), NAME);
        limit(out, "machine", n, "region", m.cloudRegion(), NAME);
        limit(out, "machine", n, "instanceId", m.instanceId(), NAME);
        joined(out, n, "tags", m.tags());
        joined(out, n, "profiles", m.profiles());
    }

    private static void name(List<Violation> out, String entity, String name) {
        if (name.length() > NAME) {
            out.add(new Violation(entity, name, "name", entity + " name '" + shown(name) + "' is " + name.length()
                    + " characters long; at most " + NAME + " fit"));
        }
    }

    private static void limit(List<Violation> out, String entity, String name, String field, String value, int max) {
        if (value != null && value.length() > max) {
            out.add(new Violation(entity, name, field, entity + " " + shown(name) + ": " + field + " is "
                    + value.length() + " characters long; at most " + max + " fit"));
        }
    }

    private static void joined(List<Violation> out, String name, String field, List<String> values) {
        int len = Math.max(0, values.size() - 1);
        for (String v : values) {
            len += v.length();
        }
        if (len > TEXT) {
            out.add(new Violation("machine", name, field, "machine " + shown(name) + ": its " + values.size() + " "
                    + field + " take " + len + " characters together (with the commas between them); at most "
                    + TEXT + " fit"));
        }
    }

    /** A value short enough for a sentence: over-long ones are what these messages are about. */
    private static String shown(String s) {
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "...";
    }
}
