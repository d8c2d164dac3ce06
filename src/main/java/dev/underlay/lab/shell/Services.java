package dev.underlay.lab.shell;

import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated systemd units of one host and their states. Thread-safe: commands of several sessions to the same
 * host may change it at once.
 */
public final class Services {
    /** The state of one unit. */
    public record State(boolean active, boolean enabled, long sinceEpochSecond) {
    }

    private final Map<String, State> units = new TreeMap<>();

    /** Services every lab host starts with; {@code kubeletInstalled} adds kubelet (k8s-tagged machines). */
    public Services(long bootEpochSecond, boolean kubeletInstalled) {
        for (String s : new String[] {"sshd", "chronyd", "containerd", "cron", "rsyslog", "systemd-journald"}) {
            units.put(s, new State(true, true, bootEpochSecond));
        }
        if (kubeletInstalled) {
            units.put("kubelet", new State(true, true, bootEpochSecond + 20));
        }
    }

    /** The unit's state, or null when no such unit exists. Accepts names with the {@code .service} suffix. */
    public synchronized State get(String unit) {
        return units.get(strip(unit));
    }

    /** Sets a unit's state; creates the unit (as if a package had installed it) when {@code create}. */
    public synchronized boolean update(String unit, Boolean active, Boolean enabled, long nowSecond, boolean create) {
        String name = strip(unit);
        State s = units.get(name);
        if (s == null) {
            if (!create) {
                return false;
            }
            s = new State(false, false, nowSecond);
        }
        boolean a = active == null ? s.active() : active;
        boolean e = enabled == null ? s.enabled() : enabled;
        units.put(name, new State(a, e, a != s.active() || active != null ? nowSecond : s.sinceEpochSecond()));
        return true;
    }

    /** A copy of every unit, in name order. */
    public synchronized Map<String, State> snapshot() {
        return new TreeMap<>(units);
    }

    private static String strip(String unit) {
        return unit.endsWith(".service") ? unit.substring(0, unit.length() - ".service".length()) : unit;
    }
}
