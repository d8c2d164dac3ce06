package dev.underlay.lab.shell;

import java.util.List;
import java.util.Objects;

/**
 * What a simulated host says about itself: the facts that {@code hostname}, {@code uname}, {@code /etc/os-release},
 * {@code lsblk}, {@code ip addr} and friends print. Immutable and small, so a thousand of them cost little.
 *
 * @param os        the distribution (drives os-release, kernel version and the package family)
 * @param memoryMb  installed memory in MiB
 */
public record HostIdentity(String hostname, OsRelease os, int cpus, String cpuModel, long memoryMb, List<Disk> disks,
                           List<Nic> nics, long bootEpochSecond) {
    public HostIdentity {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(os, "os");
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
    }

    /** The same host booted at another time (after a lab reboot). */
    public HostIdentity withBoot(long epochSecond) {
        return new HostIdentity(hostname, os, cpus, cpuModel, memoryMb, disks, nics, epochSecond);
    }

    /** A block device; {@code sizeBytes} is what {@code lsblk -b} prints. */
    public record Disk(String name, long sizeBytes, String model, boolean rotational) {
    }

    /** A network interface with one IPv4 address in CIDR notation. */
    public record Nic(String name, String mac, String ipv4, int prefix, int mtu) {
    }

    /** The distributions the lab simulates, with what each prints. */
    public enum OsRelease {
        UBUNTU_2204("ubuntu", "Ubuntu", "22.04", "22.04.4 LTS (Jammy Jellyfish)", "Ubuntu 22.04.4 LTS", "debian",
                "5.15.0-105-generic"),
        UBUNTU_2404("ubuntu", "Ubuntu", "24.04", "24.04.1 LTS (Noble Numbat)", "Ubuntu 24.04.1 LTS", "debian",
                "6.8.0-45-generic"),
        DEBIAN_12("debian", "Debian GNU/Linux", "12", "12 (bookworm)", "Debian GNU/Linux 12 (bookworm)", "",
                "6.1.0-25-amd64"),
        ROCKY_9("rocky", "Rocky Linux", "9.4", "9.4 (Blue Onyx)", "Rocky Linux 9.4 (Blue Onyx)", "rhel centos fedora",
                "5.14.0-427.13.1.el9_4.x86_64");

        private final String id;
        private final String name;
        private final String versionId;
        private final String version;
        private final String prettyName;
        private final String idLike;
        private final String kernel;

        OsRelease(String id, String name, String versionId, String version, String prettyName, String idLike,
                  String kernel) {
            this.id = id;
            this.name = name;
            this.versionId = versionId;
            this.version = version;
            this.prettyName = prettyName;
            this.idLike = idLike;
            this.kernel = kernel;
        }

        public String id() { return id; }
        public String versionId() { return versionId; }
        public String prettyName() { return prettyName; }
        public String kernel() { return kernel; }

        /** The text of {@code /etc/os-release}. */
        public String osReleaseFile() {
            StringBuilder b = new StringBuilder();
            b.append("NAME=\"").append(name).append("\"\n");
            b.append("VERSION=\"").append(version).append("\"\n");
            b.append("ID=").append(id).append('\n');
            if (!idLike.isEmpty()) {
                b.append("ID_LIKE=\"").append(idLike).append("\"\n");
            }
            b.append("VERSION_ID=\"").append(versionId).append("\"\n");
            b.append("PRETTY_NAME=\"").append(prettyName).append("\"\n");
            b.append("HOME_URL=\"https://example.invalid/").append(id).append("\"\n");
            return b.toString();
        }

        /** Parses {@code ubuntu-22.04}, {@code rocky9}, {@code debian 12} and similar spellings. */
        public static OsRelease parse(String text) {
            String t = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.]", "");
            for (OsRelease o : values()) {
                if (t.equals(o.id + o.versionId) || t.equals(o.id + o.versionId.split("\\.")[0])) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown lab OS '" + text
                    + "' (expected ubuntu-22.04, ubuntu-24.04, debian-12 or rocky-9)");
        }
    }
}
