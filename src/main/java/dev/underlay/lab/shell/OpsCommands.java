package dev.underlay.lab.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Commands the bundled content packs need (decision 0004: no process is ever started): {@code timedatectl},
 * {@code hostnamectl}, {@code reboot} ({@link KubeCommands} has kubeadm and kubectl). Their state lives in the
 * host's files: {@code /etc/hostname} and {@code /var/lib/lab/reboots} (how often the host was asked to reboot; the
 * reboot itself is {@link ShellHost#reboot()}).
 */
final class OpsCommands {
    static final String ADMIN_CONF = "/etc/kubernetes/admin.conf";
    static final String KUBELET_CONF = "/etc/kubernetes/kubelet.conf";
    static final String REBOOTS = "/var/lib/lab/reboots";

    private OpsCommands() {
    }

    static void register(Map<String, Commands.Command> t) {
        t.put("timedatectl", OpsCommands::timedatectl);
        t.put("hostnamectl", OpsCommands::hostnamectl);
        t.put("reboot", OpsCommands::reboot);
    }

    /** True for kubeadm and kubectl while their package is not installed (they come with it, as on a real host). */
    static boolean missingPackage(Invocation inv, String command) {
        return (command.equals("kubeadm") || command.equals("kubectl"))
                && !MiscCommands.installed(inv).contains(command);
    }

    static int notFound(Invocation inv) {
        inv.err.append("bash: ").append(inv.name()).append(": command not found\n");
        return 127;
    }

    static List<String> words(Invocation inv) {
        return inv.args.subList(1, inv.args.size()).stream().filter(a -> !a.startsWith("-")).toList();
    }

    private static boolean synced(Invocation inv) {
        Services.State s = inv.host().services().get("chronyd");
        Services.State c = inv.host().services().get("chrony");
        return (s != null && s.active()) || (c != null && c.active());
    }

    private static int timedatectl(Invocation inv) {
        List<String> w = words(inv);
        String verb = w.isEmpty() ? "status" : w.get(0);
        switch (verb) {
            case "show" -> {
                String sync = synced(inv) ? "yes" : "no";
                if (inv.args.contains("--value")) {
                    inv.println(sync);
                } else {
                    inv.println("Timezone=UTC").println("NTP=" + sync).println("NTPSynchronized=" + sync);
                }
                return 0;
            }
            case "status" -> {
                inv.println("                Time zone: Etc/UTC (UTC, +0000)");
                inv.println("System clock synchronized: " + (synced(inv) ? "yes" : "no"));
                inv.println("              NTP service: " + (synced(inv) ? "active" : "inactive"));
                return 0;
            }
            case "set-ntp" -> {
                boolean on = w.size() > 1 && (w.get(1).equals("true") || w.get(1).equals("yes"));
                inv.host().services().update("chronyd", on, on, inv.host().nowMillis() / 1000, true);
                return 0;
            }
            default -> {
                return inv.fail(1, "Unknown command verb " + verb + ".");
            }
        }
    }

    private static int hostnamectl(Invocation inv) {
        List<String> w = words(inv);
        if (!w.isEmpty() && w.get(0).equals("set-hostname")) {
            if (w.size() != 2 || !w.get(1).matches("[A-Za-z0-9][A-Za-z0-9.-]{0,62}")) {
                return inv.fail(1, "Invalid hostname '" + (w.size() > 1 ? w.get(1) : "") + "'");
            }
            return write(inv, "/etc/hostname", w.get(1) + "\n") ? 0 : 1;
        }
        String name = hostname(inv);
        if (!w.isEmpty() && w.get(0).equals("hostname") || inv.args.contains("--static")) {
            inv.println(name);
        } else {
            inv.println(" Static hostname: " + name);
            inv.println("Operating System: " + inv.host().identity().os().prettyName());
            inv.println("          Kernel: Linux " + inv.host().identity().os().kernel());
        }
        return 0;
    }

    static String hostname(Invocation inv) {
        String set = read(inv, "/etc/hostname");
        return set == null || set.isBlank() ? inv.host().identity().hostname() : set.strip();
    }

    /**
     * Counts the request in {@value #REBOOTS}, then reboots the host: in a running lab it drops its sessions just
     * after this command ends, refuses connections for a while and comes back with a new boot id.
     */
    private static int reboot(Invocation inv) {
        String n = read(inv, REBOOTS);
        int count = n == null || n.isBlank() ? 0 : Integer.parseInt(n.strip());
        if (!write(inv, REBOOTS, (count + 1) + "\n")) {
            return 1;
        }
        inv.host().reboot();
        return 0;
    }

    static String option(Invocation inv, String name, String dflt) {
        for (int i = 1; i < inv.args.size(); i++) {
            String a = inv.args.get(i);
            if (a.equals(name) && i + 1 < inv.args.size()) {
                return inv.args.get(i + 1);
            }
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return dflt;
    }

    static boolean exists(Invocation inv, String path) {
        return HostFiles.isFile(inv.host(), inv.path(path));
    }

    static String read(Invocation inv, String path) {
        Path p = inv.path(path);
        return HostFiles.isFile(inv.host(), p) ? HostFiles.read(inv.host(), p) : null;
    }

    static boolean write(Invocation inv, String path, String text) {
        if (inv.host().diskFull()) {
            inv.fail(1, path + ": No space left on device");
            return false;
        }
        try {
            Path p = inv.path(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            inv.fail(1, path + ": " + e.getMessage());
            return false;
        }
    }

    static void delete(Invocation inv, String path) {
        try {
            Files.deleteIfExists(inv.path(path));
        } catch (IOException e) {
            inv.fail(1, path + ": " + e.getMessage());
        }
    }
}
