package dev.underlay.inventory;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a machine is: a physical server, a virtual machine, or a cloud instance. */
public enum MachineKind {
    BARE_METAL("bare-metal"),
    VIRTUAL("virtual"),
    CLOUD("cloud");

    private final String id;

    MachineKind(String id) {
        this.id = id;
    }

    /** The spelling used in files, queries and the CLI. */
    public String id() {
        return id;
    }

    /** Parses the external spelling (case-insensitive; {@code baremetal} and {@code bare_metal} too). */
    public static MachineKind parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("baremetal") || t.equals("metal")) {
            return BARE_METAL;
        }
        for (MachineKind k : values()) {
            if (k.id.equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown machine kind '" + text + "' (expected one of "
                + Arrays.stream(values()).map(MachineKind::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
