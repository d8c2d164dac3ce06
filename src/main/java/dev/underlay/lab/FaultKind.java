package dev.underlay.lab;

import java.util.Locale;

/** The faults a lab host can be given, with their spelling in a {@link FaultSpec}. */
public enum FaultKind {
    /** The port refuses TCP connections (nothing listens). */
    REFUSE("refuse"),
    /** Every command starts after a delay; the value is a duration such as {@code 300ms} or {@code 2s}. */
    SLOW("slow"),
    /** Public key authentication fails. */
    AUTH("auth"),
    /** The host presents a different host key than the one in the lab's known_hosts. */
    HOSTKEY("hostkey"),
    /** The session drops after a command's first output, before an exit status. */
    DISCONNECT("disconnect"),
    /** The named command exits 1 with "simulated failure"; the value is the command name. */
    FAIL("fail"),
    /** Writes fail with "No space left on device" and df shows 100%. */
    DISKFULL("diskfull");

    private final String id;

    FaultKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** True when the fault takes a value after {@code =}. */
    public boolean needsValue() {
        return this == SLOW || this == FAIL;
    }

    static FaultKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (t) {
            case "authfail":
            case "authfails":
                return AUTH;
            case "hostkeychanged":
            case "changedhostkey":
                return HOSTKEY;
            case "refused":
                return REFUSE;
            case "latency":
                return SLOW;
            case "diskfull":
            case "full":
                return DISKFULL;
            default:
                break;
        }
        for (FaultKind k : values()) {
            if (k.id.equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + text
                + "' (expected refuse, slow, auth, hostkey, disconnect, fail or diskfull)");
    }
}
