package dev.underlay.automation.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What changed in a machine between two facts runs: each fact whose value differs, with the value it had and the
 * value it has. Disks and NICs are compared one by one, by name, so a disk added, removed or resized, or a NIC whose
 * address or MTU changed, is its own line ({@code Disk sdb: absent -> 960.0 GiB}).
 */
public final class FactsDiff {
    /** The value of a fact a run did not have (a disk added since, a NIC removed). */
    public static final String ABSENT = "absent";

    private FactsDiff() {
    }

    /**
     * One fact that differs.
     *
     * @param fact its name, as the machine form labels it ({@code Kernel}, {@code Memory}, {@code Disk sda})
     * @param row the machine form's row that shows it ({@code Disks} for {@code Disk sda})
     */
    public record Change(String fact, String row, String was, String now) {
        public Change {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(row, "row");
        }

        @Override
        public String toString() {
            return fact + ": " + was + " -> " + now;
        }
    }

    /** What changed from {@code was} (the older run) to {@code now}, in the order the machine form shows facts. */
    public static List<Change> between(MachineFacts was, MachineFacts now) {
        List<Change> out = new ArrayList<>();
        same(out, "Hostname", "Hostname", was.hostname(), now.hostname());
        same(out, "OS", "OS", was.os(), now.os());
        same(out, "Kernel", "Kernel", was.kernel(), now.kernel());
        same(out, "CPU", "CPU", cpu(was), cpu(now));
        same(out, "Memory", "Memory", gib(was.memoryBytes()), gib(now.memoryBytes()));
        byName(out, "Disk ", "Disks", disks(was), disks(now));
        byName(out, "NIC ", "NICs", nics(was), nics(now));
        return List.copyOf(out);
    }

    /** A size in GiB as the form and the CLI print it ({@code 64.0 GiB}); "" when not reported. */
    public static String gib(long bytes) {
        return bytes < 0 ? "" : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    /** The CPU fact as the form prints it ({@code 8 x AMD EPYC 7313P}). */
    public static String cpu(MachineFacts f) {
        return (f.cpus() < 0 ? "?" : Integer.toString(f.cpus())) + " x " + f.cpuModel();
    }

    /** A NIC as the form prints it: MAC, addresses, MTU. */
    public static String nic(MachineFacts.Nic n) {
        return (n.mac() + " " + String.join(" ", n.addresses())).trim() + " mtu " + n.mtu();
    }

    private static Map<String, String> disks(MachineFacts f) {
        Map<String, String> m = new LinkedHashMap<>();
        f.disks().forEach(d -> m.put(d.name(), gib(d.sizeBytes())));
        return m;
    }

    private static Map<String, String> nics(MachineFacts f) {
        Map<String, String> m = new LinkedHashMap<>();
        f.nics().forEach(n -> m.put(n.name(), nic(n)));
        return m;
    }

    private static void byName(List<Change> out, String prefix, String row, Map<String, String> was,
                               Map<String, String> now) {
        Map<String, String> names = new LinkedHashMap<>(now);
        was.forEach(names::putIfAbsent);
        for (String name : names.keySet()) {
            same(out, prefix + name, row, was.getOrDefault(name, ABSENT), now.getOrDefault(name, ABSENT));
        }
    }

    private static void same(List<Change> out, String fact, String row, String was, String now) {
        if (!was.equals(now)) {
            out.add(new Change(fact, row, was.isEmpty() ? "(not reported)" : was,
                    now.isEmpty() ? "(not reported)" : now));
        }
    }
}
