package dev.underlay.inventory;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lifecycle of a machine. Transitions are checked here so that a technician, an import and (later) a job all obey
 * the same rules: a retired machine only comes back through {@code new} (it is re-imaged before use).
 */
public enum MachineStatus {
    NEW("new"),
    READY("ready"),
    IN_USE("in-use"),
    MAINTENANCE("maintenance"),
    FAILED("failed"),
    RETIRED("retired");

    private final String id;

    MachineStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The states this one may move to. */
    public Set<MachineStatus> next() {
        if (this == RETIRED) {
            return EnumSet.of(NEW);
        }
        return EnumSet.complementOf(EnumSet.of(this));
    }

    /** Checks a transition; staying in the same state is always allowed. */
    public static MachineStatus transition(MachineStatus from, MachineStatus to) {
        if (from == to || from.next().contains(to)) {
            return to;
        }
        throw new IllegalStateException("a " + from.id + " machine cannot become " + to.id
                + " (allowed: " + from.next().stream().map(MachineStatus::id).collect(Collectors.joining(", ")) + ")");
    }

    public static MachineStatus parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("inuse")) {
            return IN_USE;
        }
        for (MachineStatus s : values()) {
            if (s.id.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "' (expected one of "
                + Arrays.stream(values()).map(MachineStatus::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
