package dev.underlay.lab.shell;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code systemctl} over the host's simulated units, with systemd's exit codes (3 inactive, 4/5 no such unit). */
final class ServiceCommands {
    private static final DateTimeFormatter SINCE = DateTimeFormatter
            .ofPattern("EEE yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ServiceCommands() {
    }

    static void register(Map<String, Commands.Command> t) {
        t.put("systemctl", ServiceCommands::systemctl);
    }

    private static int systemctl(Invocation inv) {
        List<String> words = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String a : inv.args.subList(1, inv.args.size())) {
            (a.startsWith("-") ? options : words).add(a);
        }
        String verb = words.isEmpty() ? "list-units" : words.get(0);
        List<String> units = words.size() > 1 ? words.subList(1, words.size()) : List.of();
        Services services = inv.host().services();
        long now = inv.host().nowMillis() / 1000;
        switch (verb) {
            case "list-units":
                return listUnits(inv, services, options);
            case "daemon-reload":
                return 0;
            case "status":
                return status(inv, services, units);
            case "is-active":
            case "is-enabled":
                return query(inv, services, units, verb.equals("is-active"));
            default:
                break;
        }
        Boolean active = switch (verb) {
            case "start", "restart", "reload", "try-restart", "reload-or-restart" -> Boolean.TRUE;
            case "stop" -> Boolean.FALSE;
            default -> null;
        };
        Boolean enabled = switch (verb) {
            case "enable" -> Boolean.TRUE;
            case "disable" -> Boolean.FALSE;
            default -> null;
        };
        if (active == null && enabled == null) {
            inv.err.append("Unknown command verb ").append(verb).append(".\n");
            return 1;
        }
        if (units.isEmpty()) {
            inv.err.append("Too few arguments.\n");
            return 1;
        }
        boolean now_ = options.contains("--now");
        for (String u : units) {
            Boolean a = enabled != null && now_ ? enabled : active;
            if (!services.update(u, a, enabled, now, false)) {
                String unit = unitName(u);
                if (enabled != null) {
                    inv.err.append("Failed to ").append(verb).append(" unit: Unit file ").append(unit)
                            .append(" does not exist.\n");
                } else {
                    inv.err.append("Failed to ").append(verb).append(' ').append(unit).append(": Unit ")
                            .append(unit).append(" not found.\n");
                }
                return enabled != null ? 1 : 5;
            }
            if (Boolean.TRUE.equals(enabled)) {
                inv.err.append("Created symlink /etc/systemd/system/multi-user.target.wants/").append(unitName(u))
                        .append(" \u2192 /lib/systemd/system/").append(unitName(u)).append(".\n");
            }
        }
        return 0;
    }

    private static int status(Invocation inv, Services services, List<String> units) {
        int rc = 0;
        for (String u : units) {
            Services.State s = services.get(u);
            String unit = unitName(u);
            if (s == null) {
                inv.err.append("Unit ").append(unit).append(" could not be found.\n");
                rc = 4;
                continue;
            }
            inv.out.append(s.active() ? "\u25cf " : "\u25cb ").append(unit).append(" - ").append(describe(unit))
                    .append('\n')
                    .append("     Loaded: loaded (/lib/systemd/system/").append(unit).append("; ")
                    .append(s.enabled() ? "enabled" : "disabled").append("; vendor preset: enabled)\n")
                    .append("     Active: ").append(s.active() ? "active (running)" : "inactive (dead)")
                    .append(" since ").append(SINCE.format(Instant.ofEpochSecond(s.sinceEpochSecond()))).append('\n');
            if (s.active()) {
                inv.out.append("   Main PID: ").append(1000 + Math.floorMod(unit.hashCode(), 8000)).append(" (")
                        .append(unit.replace(".service", "")).append(")\n");
            }
            if (!s.active() && rc == 0) {
                rc = 3;
            }
        }
        return rc;
    }

    private static int query(Invocation inv, Services services, List<String> units, boolean active) {
        int rc = 0;
        boolean quiet = inv.args.contains("-q") || inv.args.contains("--quiet");
        for (String u : units) {
            Services.State s = services.get(u);
            String word;
            if (s == null) {
                word = active ? "inactive" : "not-found";
                rc = active ? 3 : 4;
            } else if (active) {
                word = s.active() ? "active" : "inactive";
                rc = s.active() ? rc : 3;
            } else {
                word = s.enabled() ? "enabled" : "disabled";
                rc = s.enabled() ? rc : 1;
            }
            if (!quiet) {
                inv.println(word);
            }
        }
        return rc;
    }

    private static int listUnits(Invocation inv, Services services, List<String> options) {
        boolean legend = !options.contains("--no-legend");
        String state = options.stream().filter(o -> o.startsWith("--state=")).map(o -> o.substring(8))
                .findFirst().orElse("");
        if (legend) {
            inv.println(String.format("%-28s %-7s %-8s %-8s %s", "UNIT", "LOAD", "ACTIVE", "SUB", "DESCRIPTION"));
        }
        int n = 0;
        for (Map.Entry<String, Services.State> e : services.snapshot().entrySet()) {
            Services.State s = e.getValue();
            String sub = s.active() ? "running" : "dead";
            if (!state.isEmpty() && !state.equals(sub) && !state.equals(s.active() ? "active" : "inactive")) {
                continue;
            }
            String unit = unitName(e.getKey());
            inv.println(String.format("%-28s %-7s %-8s %-8s %s", unit, "loaded", s.active() ? "active" : "inactive",
                    sub, describe(unit)));
            n++;
        }
        if (legend) {
            inv.println("");
            inv.println(n + " loaded units listed.");
        }
        return 0;
    }

    private static String unitName(String u) {
        return u.contains(".") ? u : u + ".service";
    }

    private static String describe(String unit) {
        return switch (unit) {
            case "sshd.service" -> "OpenBSD Secure Shell server";
            case "chronyd.service" -> "NTP client/server";
            case "containerd.service" -> "containerd container runtime";
            case "kubelet.service" -> "kubelet: The Kubernetes Node Agent";
            case "cron.service" -> "Regular background program processing daemon";
            case "rsyslog.service" -> "System Logging Service";
            default -> unit.replace(".service", "") + " service";
        };
    }
}
