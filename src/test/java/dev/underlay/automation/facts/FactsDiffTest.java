package dev.underlay.automation.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What changed between two facts runs: each fact, disks and NICs one by one, older value first. */
class FactsDiffTest {
    static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-12-02T10:00:00Z");

    static MachineFacts run(Instant at, String kernel, long memGib, List<MachineFacts.Disk> disks,
                            List<MachineFacts.Nic> nics) {
        return new MachineFacts("w01", 1L, at, "w01", "Debian GNU/Linux 12 (bookworm)", "debian", kernel, 8,
                "AMD EPYC 7313P", memGib << 30, disks, nics);
    }

    static MachineFacts.Nic eth0(String address, int mtu) {
        return new MachineFacts.Nic("eth0", "52:54:00:00:00:01", mtu, List.of(address));
    }

    @Test
    void theSameFactsAtAnotherTimeHaveNoChanges() {
        MachineFacts a = run(T1, "6.1.0-17-amd64", 16, List.of(new MachineFacts.Disk("sda", 480L << 30)),
                List.of(eth0("10.0.0.5/24", 1500)));
        assertEquals(List.of(), FactsDiff.between(a, a.of("w01", 2L, T2)));
    }

    @Test
    void eachChangedFactIsOneLineWithItsOldAndNewValue() {
        MachineFacts was = run(T1, "6.1.0-17-amd64", 16,
                List.of(new MachineFacts.Disk("sda", 480L << 30), new MachineFacts.Disk("sdb", 960L << 30)),
                List.of(eth0("10.0.0.5/24", 1500)));
        MachineFacts now = run(T2, "6.1.0-18-amd64", 32,
                List.of(new MachineFacts.Disk("sda", 480L << 30), new MachineFacts.Disk("nvme0n1", 1920L << 30)),
                List.of(eth0("10.0.0.6/24", 9000), new MachineFacts.Nic("eth1", "52:54:00:00:00:02", 1500,
                        List.of())));
        List<String> lines = FactsDiff.between(was, now).stream().map(FactsDiff.Change::toString).toList();
        assertEquals(List.of(
                "Kernel: 6.1.0-17-amd64 -> 6.1.0-18-amd64",
                "Memory: 16.0 GiB -> 32.0 GiB",
                "Disk nvme0n1: absent -> 1920.0 GiB",
                "Disk sdb: 960.0 GiB -> absent",
                "NIC eth0: 52:54:00:00:00:01 10.0.0.5/24 mtu 1500 -> 52:54:00:00:00:01 10.0.0.6/24 mtu 9000",
                "NIC eth1: absent -> 52:54:00:00:00:02 mtu 1500"), lines);
        assertEquals(List.of("Kernel", "Memory", "Disks", "Disks", "NICs", "NICs"),
                FactsDiff.between(was, now).stream().map(FactsDiff.Change::row).toList(),
                "each change names the machine form's row that shows it");
    }

    @Test
    void aFactOneRunDidNotReportSaysSo() {
        MachineFacts was = run(T1, "", 16, List.of(), List.of());
        MachineFacts now = run(T2, "6.1.0-18-amd64", 16, List.of(), List.of());
        assertEquals("Kernel: (not reported) -> 6.1.0-18-amd64", FactsDiff.between(was, now).get(0).toString());
    }
}
