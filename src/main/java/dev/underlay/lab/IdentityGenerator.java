package dev.underlay.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineKind;
import dev.underlay.lab.shell.HostIdentity;
import dev.underlay.lab.shell.HostIdentity.Disk;
import dev.underlay.lab.shell.HostIdentity.Nic;
import dev.underlay.lab.shell.HostIdentity.OsRelease;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws a host identity from an inventory machine. Seeded by the machine name (SHA-256, so the same name gives the
 * same host on every JVM); params {@code os}, {@code cpus}/{@code cpu}, {@code memory_gb}/{@code memory} override.
 */
final class IdentityGenerator {
    private static final int[] CPUS = {4, 8, 16, 32, 48, 64};
    private static final int[] MEMORY_GB = {16, 32, 64, 128, 256, 512};
    private static final String[] CPU_MODELS = {"Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz",
        "Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz", "AMD EPYC 7543 32-Core Processor",
        "AMD EPYC 9354 32-Core Processor"};

    private IdentityGenerator() {
    }

    static HostIdentity identity(Machine m, long bootBase) {
        SplittableRandom r = new SplittableRandom(seed(m.name()));
        OsRelease[] oses = OsRelease.values();
        OsRelease os = oses[r.nextInt(oses.length)];
        int cpus = CPUS[r.nextInt(CPUS.length)];
        long memoryGb = MEMORY_GB[r.nextInt(MEMORY_GB.length)];
        String model = CPU_MODELS[r.nextInt(CPU_MODELS.length)];
        boolean cloud = m.kind() == MachineKind.CLOUD;
        if (cloud) {
            String type = text(m, "instance_type", "m6i.large");
            cpus = type.contains("2xlarge") ? 8 : type.contains("xlarge") ? 4 : 2;
            memoryGb = type.startsWith("c") ? cpus * 2L : cpus * 4L;
        }
        String osParam = text(m, "os", "");
        if (!osParam.isEmpty()) {
            os = OsRelease.parse(osParam);
        }
        cpus = (int) number(m, cpus, "cpus", "cpu");
        memoryGb = number(m, memoryGb, "memory_gb", "memory");

        List<Disk> disks = new ArrayList<>();
        List<Nic> nics = new ArrayList<>();
        int a = r.nextInt(1, 255);
        int b = r.nextInt(1, 255);
        if (cloud) {
            disks.add(new Disk("nvme0n1", 50L << 30, "Amazon Elastic Block Store", false));
            nics.add(new Nic("ens5", mac(r), "172.31." + a + "." + b, 20, 9001));
        } else {
            long nvme = (r.nextBoolean() ? 960L : 1920L) * 1_000_000_000L;
            disks.add(new Disk("nvme0n1", nvme, "SAMSUNG MZQL2960HCJR-00A07", false));
            boolean storage = m.tags().contains("storage") || m.tags().contains("ceph");
            int hdds = storage ? 4 : r.nextInt(0, 2);
            for (int i = 0; i < hdds; i++) {
                disks.add(new Disk("sd" + (char) ('a' + i), 8_000_000_000_000L, "ST8000NM017B", true));
            }
            nics.add(new Nic("eno1", mac(r), "10.20." + a + "." + b, 24, 1500));
            nics.add(new Nic("eno2", mac(r), "10.40." + a + "." + b, 24, 9000));
        }
        long boot = bootBase - r.nextLong(3_600, 200L * 86_400);
        return new HostIdentity(m.name(), os, Math.max(1, cpus), model, Math.max(1, memoryGb) * 1024, disks, nics,
                boot);
    }

    private static String mac(SplittableRandom r) {
        return String.format("52:54:00:%02x:%02x:%02x", r.nextInt(256), r.nextInt(256), r.nextInt(256));
    }

    private static String text(Machine m, String key, String fallback) {
        JsonNode n = m.params().get(key);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    private static long number(Machine m, long fallback, String... keys) {
        for (String k : keys) {
            JsonNode n = m.params().get(k);
            if (n != null && n.isNumber()) {
                return n.asLong();
            }
            if (n != null && n.isTextual() && n.asText().matches("\\d+")) {
                return Long.parseLong(n.asText());
            }
        }
        return fallback;
    }

    static long seed(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long s = 0;
            for (int i = 0; i < 8; i++) {
                s = (s << 8) | (d[i] & 0xFF);
            }
            return s;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
