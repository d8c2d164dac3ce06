package dev.underlay.lab.shell;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.underlay.inventory.Json;
import dev.underlay.lab.shell.HostIdentity.Disk;
import dev.underlay.lab.shell.HostIdentity.Nic;

/** Renders a host's identity the way Linux tools print it; JSON through Jackson so it is always valid. */
final class Facts {
    private Facts() {
    }

    static String cpuinfo(HostIdentity id) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < id.cpus(); i++) {
            b.append("processor\t: ").append(i).append('\n')
                    .append("vendor_id\t: GenuineIntel\n")
                    .append("model name\t: ").append(id.cpuModel()).append('\n')
                    .append("cpu MHz\t\t: 2100.000\n")
                    .append("physical id\t: ").append(i * 2 / Math.max(1, id.cpus())).append('\n')
                    .append("core id\t\t: ").append(i % Math.max(1, id.cpus() / 2)).append('\n')
                    .append("cpu cores\t: ").append(Math.max(1, id.cpus() / 2)).append("\n\n");
        }
        return b.toString();
    }

    static String meminfo(HostIdentity id) {
        long totalKb = id.memoryMb() * 1024;
        long free = totalKb * 6 / 10;
        return "MemTotal:       " + totalKb + " kB\n"
                + "MemFree:        " + free + " kB\n"
                + "MemAvailable:   " + (totalKb * 8 / 10) + " kB\n"
                + "Buffers:        " + (totalKb / 50) + " kB\n"
                + "Cached:         " + (totalKb / 8) + " kB\n"
                + "SwapTotal:      0 kB\n"
                + "SwapFree:       0 kB\n";
    }

    static String loadavg(HostIdentity id, long now) {
        int h = Math.floorMod(id.hostname().hashCode() + (int) (now / 60_000), 100);
        return String.format("%.2f %.2f %.2f 1/%d 4242%n", h / 100.0 * id.cpus() / 4, h / 120.0 * id.cpus() / 4,
                h / 150.0 * id.cpus() / 4, 180 + h);
    }

    static String free(HostIdentity id, String unit) {
        long totalKb = id.memoryMb() * 1024;
        long used = totalKb * 2 / 10;
        long freeKb = totalKb * 6 / 10;
        long cache = totalKb - used - freeKb;
        long avail = totalKb * 8 / 10;
        String head = "               total        used        free      shared  buff/cache   available\n";
        return head + String.format("Mem:    %12s%12s%12s%12s%12s%12s%n", fmt(totalKb, unit), fmt(used, unit),
                fmt(freeKb, unit), fmt(totalKb / 100, unit), fmt(cache, unit), fmt(avail, unit))
                + String.format("Swap:   %12s%12s%12s%n", fmt(0, unit), fmt(0, unit), fmt(0, unit));
    }

    private static String fmt(long kb, String unit) {
        switch (unit) {
            case "m":
                return Long.toString(kb / 1024);
            case "g":
                return Long.toString(kb / 1024 / 1024);
            case "h":
                return human(kb * 1024, "i");
            case "b":
                return Long.toString(kb * 1024);
            default:
                return Long.toString(kb);
        }
    }

    /** 1.5Gi / 931G style sizes; {@code suffix} "i" for free's binary units, "" for lsblk/df. */
    static String human(long bytes, String suffix) {
        String[] units = {"B", "K", "M", "G", "T", "P"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        String n = v >= 10 || u == 0 ? String.format("%.0f", v) : String.format("%.1f", v);
        return n + units[u] + (u == 0 ? "" : suffix);
    }

    static String lsblk(HostIdentity id, boolean json, boolean bytes) {
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            ArrayNode devs = root.putArray("blockdevices");
            for (Disk d : id.disks()) {
                ObjectNode n = devs.addObject();
                n.put("name", d.name());
                n.put("maj:min", "8:0");
                n.put("rm", false);
                if (bytes) {
                    n.put("size", d.sizeBytes());
                } else {
                    n.put("size", human(d.sizeBytes(), ""));
                }
                n.put("ro", false);
                n.put("type", "disk");
                n.putArray("mountpoints").addNull();
                n.put("model", d.model());
                n.put("rota", d.rotational());
            }
            return Json.write(root) + "\n";
        }
        StringBuilder b = new StringBuilder("NAME        MAJ:MIN RM   SIZE RO TYPE MOUNTPOINTS\n");
        int minor = 0;
        for (Disk d : id.disks()) {
            b.append(String.format("%-11s %3d:%-3d  0 %5s  0 disk %n", d.name(), 8, minor,
                    bytes ? Long.toString(d.sizeBytes()) : human(d.sizeBytes(), "")));
            minor += 16;
        }
        return b.toString();
    }

    static String ipAddr(HostIdentity id, boolean json) {
        if (json) {
            ArrayNode arr = Json.MAPPER.createArrayNode();
            ObjectNode lo = arr.addObject();
            lo.put("ifindex", 1).put("ifname", "lo").put("mtu", 65536).put("operstate", "UNKNOWN")
                    .put("link_type", "loopback").put("address", "00:00:00:00:00:00");
            lo.putArray("flags").add("LOOPBACK").add("UP").add("LOWER_UP");
            lo.putArray("addr_info").addObject().put("family", "inet").put("local", "127.0.0.1").put("prefixlen", 8)
                    .put("scope", "host").put("label", "lo");
            int idx = 2;
            for (Nic n : id.nics()) {
                ObjectNode o = arr.addObject();
                o.put("ifindex", idx++).put("ifname", n.name()).put("mtu", n.mtu()).put("operstate", "UP")
                        .put("link_type", "ether").put("address", n.mac()).put("broadcast", "ff:ff:ff:ff:ff:ff");
                o.putArray("flags").add("BROADCAST").add("MULTICAST").add("UP").add("LOWER_UP");
                o.putArray("addr_info").addObject().put("family", "inet").put("local", n.ipv4())
                        .put("prefixlen", n.prefix()).put("scope", "global").put("label", n.name());
            }
            return Json.write(arr) + "\n";
        }
        StringBuilder b = new StringBuilder();
        b.append("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n")
                .append("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n")
                .append("    inet 127.0.0.1/8 scope host lo\n")
                .append("       valid_lft forever preferred_lft forever\n");
        int idx = 2;
        for (Nic n : id.nics()) {
            b.append(idx++).append(": ").append(n.name()).append(": <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ")
                    .append(n.mtu()).append(" qdisc mq state UP group default qlen 1000\n")
                    .append("    link/ether ").append(n.mac()).append(" brd ff:ff:ff:ff:ff:ff\n")
                    .append("    inet ").append(n.ipv4()).append('/').append(n.prefix()).append(" scope global ")
                    .append(n.name()).append('\n')
                    .append("       valid_lft forever preferred_lft forever\n");
        }
        return b.toString();
    }

    static String df(HostIdentity id, boolean human, boolean full) {
        Disk root = id.disks().get(0);
        long sizeKb = root.sizeBytes() / 1024;
        long usedKb = full ? sizeKb : sizeKb * (12 + Math.floorMod(id.hostname().hashCode(), 30)) / 100;
        long availKb = sizeKb - usedKb;
        int pct = (int) Math.round(usedKb * 100.0 / sizeKb);
        String dev = "/dev/" + root.name() + (root.name().startsWith("nvme") ? "p2" : "2");
        StringBuilder b = new StringBuilder(human ? "Filesystem      Size  Used Avail Use% Mounted on\n"
                : "Filesystem     1K-blocks      Used Available Use% Mounted on\n");
        row(b, human, "tmpfs", id.memoryMb() * 1024 / 10, 1024, "/run");
        b.append(human ? String.format("%-15s %5s %5s %5s %3d%% %s%n", dev, human(sizeKb * 1024, ""),
                human(usedKb * 1024, ""), human(availKb * 1024, ""), pct, "/")
                : String.format("%-14s %10d %9d %9d %3d%% %s%n", dev, sizeKb, usedKb, availKb, pct, "/"));
        row(b, human, "tmpfs", id.memoryMb() * 1024 / 2, 0, "/dev/shm");
        return b.toString();
    }

    private static void row(StringBuilder b, boolean human, String fs, long sizeKb, long usedKb, String mount) {
        int pct = sizeKb == 0 ? 0 : (int) Math.ceil(usedKb * 100.0 / sizeKb);
        b.append(human ? String.format("%-15s %5s %5s %5s %3d%% %s%n", fs, human(sizeKb * 1024, ""),
                human(usedKb * 1024, ""), human((sizeKb - usedKb) * 1024, ""), pct, mount)
                : String.format("%-14s %10d %9d %9d %3d%% %s%n", fs, sizeKb, usedKb, sizeKb - usedKb, pct, mount));
    }
}
