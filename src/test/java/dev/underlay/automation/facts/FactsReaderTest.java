package dev.underlay.automation.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts pack's output as a real Debian host prints it: partitions, loopback and IPv6 included. */
class FactsReaderTest {
    static final List<String> OUTPUT = List.of(
            "### hostname", "db01",
            "### kernel", "6.1.0-18-amd64",
            "### os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"", "NAME=\"Debian GNU/Linux\"",
            "VERSION_ID=\"12\"", "ID=debian",
            "### nproc", "16",
            "### lscpu", "Architecture:            x86_64", "CPU(s):                  16",
            "Model name:              AMD EPYC 7302P 16-Core Processor",
            "### free", "               total        used        free      shared  buff/cache   available",
            "Mem:     67303108608  4012345344 60000000000    12345678  3290763264 63290763264",
            "Swap:              0           0           0",
            "### lsblk", "NAME        MAJ:MIN RM          SIZE RO TYPE MOUNTPOINTS",
            "nvme0n1     259:0    0 1000204886016  0 disk ",
            "├─nvme0n1p1 259:1    0     536870912  0 part /boot/efi",
            "└─nvme0n1p2 259:2    0  999666466816  0 part /",
            "sda           8:0    0 4000787030016  0 disk ",
            "### ip", "[{\"ifindex\":1,\"ifname\":\"lo\",\"mtu\":65536,\"link_type\":\"loopback\",\"address\":"
                    + "\"00:00:00:00:00:00\",\"addr_info\":[{\"family\":\"inet\",\"local\":\"127.0.0.1\",\"prefixlen\":8}]},",
            "{\"ifindex\":2,\"ifname\":\"eno1\",\"mtu\":9000,\"link_type\":\"ether\",\"address\":\"3c:ec:ef:00:11:22\","
                    + "\"addr_info\":[{\"family\":\"inet\",\"local\":\"10.1.2.3\",\"prefixlen\":24},"
                    + "{\"family\":\"inet6\",\"local\":\"fe80::3eec:efff:fe00:1122\",\"prefixlen\":64}]}]");

    @Test
    void readsEverySectionOfARealHost() {
        Instant at = Instant.parse("2026-12-02T04:00:00Z");
        MachineFacts f = FactsReader.read("fra1-db01", 3L, at, OUTPUT);
        assertEquals(new MachineFacts("fra1-db01", 3L, at, "db01", "Debian GNU/Linux 12 (bookworm)", "debian",
                "6.1.0-18-amd64", 16, "AMD EPYC 7302P 16-Core Processor", 67_303_108_608L,
                List.of(new MachineFacts.Disk("nvme0n1", 1_000_204_886_016L),
                        new MachineFacts.Disk("sda", 4_000_787_030_016L)),
                List.of(new MachineFacts.Nic("eno1", "3c:ec:ef:00:11:22", 9000,
                        List.of("10.1.2.3/24", "fe80::3eec:efff:fe00:1122/64")))), f);
    }

    @Test
    void aMissingOrGarbledSectionLeavesOnlyItsFactsEmpty() {
        MachineFacts f = FactsReader.read("m", null, Instant.EPOCH, List.of("### kernel", "6.1.0",
                "### nproc", "lots", "### ip", "not json"));
        assertEquals("6.1.0", f.kernel());
        assertEquals(-1, f.cpus());
        assertEquals(-1, f.memoryBytes());
        assertEquals("", f.os());
        assertEquals(List.of(), f.nics());
    }
}
