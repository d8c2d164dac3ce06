package dev.underlay.lab;

import java.util.Set;
import java.util.TreeSet;

/** The faults one host has right now (the result of resolving a {@link FaultSpec}). */
public record HostFaults(boolean refuse, long slowMillis, boolean auth, boolean hostKey, boolean disconnect,
                         Set<String> failCommands, boolean diskFull) {
    public static final HostFaults NONE = new HostFaults(false, 0, false, false, false, Set.of(), false);

    public HostFaults {
        failCommands = Set.copyOf(failCommands);
    }

    public boolean any() {
        return !equals(NONE);
    }

    /** Collects the faults of several rules for one host. */
    static final class Builder {
        private boolean refuse;
        private long slow;
        private boolean auth;
        private boolean hostKey;
        private boolean disconnect;
        private final Set<String> fail = new TreeSet<>();
        private boolean diskFull;

        void add(FaultKind kind, String value) {
            switch (kind) {
                case REFUSE -> refuse = true;
                case SLOW -> slow = Math.max(slow, FaultSpec.millis(value));
                case AUTH -> auth = true;
                case HOSTKEY -> hostKey = true;
                case DISCONNECT -> disconnect = true;
                case FAIL -> fail.add(value);
                case DISKFULL -> diskFull = true;
                default -> throw new IllegalStateException("unhandled fault " + kind);
            }
        }

        HostFaults build() {
            return new HostFaults(refuse, slow, auth, hostKey, disconnect, fail, diskFull);
        }
    }
}
