package dev.underlay.lab.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Package managers (apt-get/apt/dpkg on Debian and Ubuntu, dnf/yum/rpm on Rocky), {@code command -v}, {@code lscpu},
 * {@code env}, {@code printf}. Installed packages are kept in the host's {@code /var/lib/lab/packages}; installing a
 * package that ships a service creates and starts its unit.
 */
final class MiscCommands {
    private static final String DB = "/var/lib/lab/packages";
    private static final Map<String, String> SERVICES = Map.of("chrony", "chronyd", "containerd", "containerd",
            "containerd.io", "containerd", "kubelet", "kubelet", "nginx", "nginx", "docker-ce", "docker",
            "openssh-server", "sshd", "postgresql", "postgresql", "node-exporter", "node_exporter");

    private MiscCommands() {
    }

    static void register(Map<String, Commands.Command> t, Set<String> known) {
        t.put("apt-get", inv -> install(inv, true));
        t.put("apt", inv -> install(inv, true));
        t.put("dnf", inv -> install(inv, false));
        t.put("yum", inv -> install(inv, false));
        t.put("dpkg", inv -> query(inv, true));
        t.put("rpm", inv -> query(inv, false));
        t.put("command", inv -> commandV(inv, known));
        t.put("which", inv -> commandV(inv, known));
        t.put("lscpu", MiscCommands::lscpu);
        t.put("env", MiscCommands::env);
        t.put("printenv", MiscCommands::env);
        t.put("printf", MiscCommands::printf);
    }

    private static boolean debian(Invocation inv) {
        return !inv.host().identity().os().id().equals("rocky");
    }

    private static int install(Invocation inv, boolean apt) {
        if (apt != debian(inv)) {
            inv.err.append("bash: ").append(inv.name()).append(": command not found\n");
            return 127;
        }
        List<String> words = inv.args.subList(1, inv.args.size()).stream().filter(a -> !a.startsWith("-")).toList();
        String verb = words.isEmpty() ? "" : words.get(0);
        List<String> pkgs = words.size() > 1 ? words.subList(1, words.size()) : List.of();
        Set<String> installed = installed(inv);
        switch (verb) {
            case "update", "makecache", "check-update" -> {
                inv.println(apt ? "Reading package lists... Done" : "Metadata cache created.");
                return 0;
            }
            case "install" -> {
                if (inv.host().diskFull()) {
                    inv.err.append(apt ? "E: You don't have enough free space in /var/cache/apt/archives/.\n"
                            : "Error: No space left on device\n");
                    return apt ? 100 : 1;
                }
                for (String p : pkgs) {
                    String name = p.replaceAll("[=<>].*$", "");
                    if (installed.add(name)) {
                        inv.println(apt ? "Setting up " + name + " ..." : "Installed: " + name);
                        String unit = SERVICES.get(name);
                        if (unit != null) {
                            long now = inv.host().nowMillis() / 1000;
                            inv.host().services().update(unit, true, true, now, true);
                        }
                    } else {
                        inv.println(apt ? name + " is already the newest version." : "Package " + name
                                + " is already installed.");
                    }
                }
                return save(inv, installed);
            }
            case "remove", "purge", "erase" -> {
                pkgs.forEach(p -> installed.remove(p));
                return save(inv, installed);
            }
            default -> {
                inv.err.append(apt ? "E: Invalid operation " + verb + "\n" : "No such command: " + verb + ".\n");
                return apt ? 100 : 1;
            }
        }
    }

    private static int query(Invocation inv, boolean dpkg) {
        if (dpkg != debian(inv)) {
            inv.err.append("bash: ").append(inv.name()).append(": command not found\n");
            return 127;
        }
        List<String> pkgs = inv.args.subList(1, inv.args.size()).stream().filter(a -> !a.startsWith("-")).toList();
        Set<String> installed = installed(inv);
        int rc = 0;
        for (String p : pkgs) {
            if (installed.contains(p)) {
                inv.println(dpkg ? "Package: " + p + "\nStatus: install ok installed" : p + "-1.0-1.el9.x86_64");
            } else {
                if (dpkg) {
                    inv.err.append("dpkg-query: package '").append(p).append("' is not installed\n");
                } else {
                    inv.println("package " + p + " is not installed");
                }
                rc = 1;
            }
        }
        return rc;
    }

    static Set<String> installed(Invocation inv) {
        Set<String> base = new TreeSet<>(List.of("openssh-server", "bash", "coreutils", "systemd"));
        Path db = inv.host().files().getPath(DB);
        try {
            if (Files.exists(db)) {
                base.addAll(Files.readAllLines(db, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // an unreadable list counts as the base system
        }
        return base;
    }

    private static int save(Invocation inv, Set<String> pkgs) {
        Path db = inv.host().files().getPath(DB);
        try {
            Files.createDirectories(db.getParent());
            Files.write(db, pkgs, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            return 0;
        } catch (IOException e) {
            inv.err.append("E: cannot write the package database: ").append(e.getMessage()).append('\n');
            return 100;
        }
    }

    private static int commandV(Invocation inv, Set<String> known) {
        List<String> names = inv.args.subList(1, inv.args.size()).stream().filter(a -> !a.startsWith("-")).toList();
        int rc = 0;
        Set<String> installed = installed(inv);
        for (String n : names) {
            boolean viaPackage = installed.contains(n) && !Set.of("openssh-server", "coreutils", "systemd")
                    .contains(n);
            if ((known.contains(n) && !OpsCommands.missingPackage(inv, n)) || viaPackage || Files.isRegularFile(inv.path("/usr/local/bin/" + n))) {
                inv.println(known.contains(n) ? "/usr/bin/" + n : "/usr/local/bin/" + n);
            } else {
                rc = 1;
            }
        }
        return rc;
    }

    private static int lscpu(Invocation inv) {
        HostIdentity id = inv.host().identity();
        inv.println("Architecture:            x86_64");
        inv.println("CPU(s):                  " + id.cpus());
        inv.println("Model name:              " + id.cpuModel());
        inv.println("Thread(s) per core:      2");
        inv.println("Core(s) per socket:      " + Math.max(1, id.cpus() / 2));
        inv.println("Socket(s):               1");
        return 0;
    }

    private static int env(Invocation inv) {
        Map<String, String> sorted = new TreeMap<>(inv.shell.vars());
        if (inv.name().equals("printenv") && inv.argc() > 0) {
            String v = sorted.get(inv.arg(1));
            if (v == null) {
                return 1;
            }
            inv.println(v);
            return 0;
        }
        sorted.forEach((k, v) -> inv.println(k + "=" + v));
        return 0;
    }

    /** printf with %s, %d and the escapes \n, \t, \\; the format is reused while arguments remain. */
    private static int printf(Invocation inv) {
        if (inv.argc() < 1) {
            return inv.fail(1, "usage: printf format [arguments]");
        }
        String fmt = inv.arg(1).replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
        List<String> args = inv.args.subList(2, inv.args.size());
        int used = 0;
        do {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < fmt.length(); i++) {
                char c = fmt.charAt(i);
                if (c == '%' && i + 1 < fmt.length()) {
                    char f = fmt.charAt(++i);
                    if (f == '%') {
                        b.append('%');
                    } else {
                        b.append(used < args.size() ? args.get(used) : (f == 'd' ? "0" : ""));
                        used++;
                    }
                } else {
                    b.append(c);
                }
            }
            inv.out.append(b);
        } while (used > 0 && used < args.size());
        return 0;
    }
}
