package dev.underlay.automation.facts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A machine's facts as one facts job gathered them. Text that was not reported is "", numbers -1.
 *
 * @param job the job that gathered them, or null (imported, tests)
 */
public record MachineFacts(String machine, Long job, Instant gathered, String hostname, String os, String osId,
                           String kernel, int cpus, String cpuModel, long memoryBytes, List<Disk> disks,
                           List<Nic> nics) {
    public MachineFacts {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(gathered, "gathered");
        hostname = hostname == null ? "" : hostname;
        os = os == null ? "" : os;
        osId = osId == null ? "" : osId;
        kernel = kernel == null ? "" : kernel;
        cpuModel = cpuModel == null ? "" : cpuModel;
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
    }

    /** A whole disk (partitions are not facts of the machine). */
    public record Disk(String name, long sizeBytes) {
    }

    /** A network interface with its addresses ({@code 10.0.0.5/24}). */
    public record Nic(String name, String mac, int mtu, List<String> addresses) {
        public Nic {
            addresses = List.copyOf(addresses);
        }
    }

    /** The same facts from another machine, job and time (a reader fills in the facts, the service the rest). */
    public MachineFacts of(String machineName, Long jobId, Instant at) {
        return new MachineFacts(machineName, jobId, at, hostname, os, osId, kernel, cpus, cpuModel, memoryBytes,
                disks, nics);
    }
}
