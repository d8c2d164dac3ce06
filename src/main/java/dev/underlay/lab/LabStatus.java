package dev.underlay.lab;

import java.nio.file.Path;

/**
 * A snapshot of a running lab for the console's Lab menu and {@code lab serve}.
 *
 * @param listening   ports accepting connections (hosts minus those with the refuse fault)
 * @param faultyHosts hosts with at least one fault
 * @param commands    exec/shell requests served since start
 * @param clientKey   the key the lab accepts, null when the lab is not running
 * @param knownHosts  the lab's known_hosts file, null when the lab is not running
 */
public record LabStatus(boolean running, int hosts, int firstPort, int lastPort, int listening, int sessions,
                        int faultyHosts, long commands, String faults, Path clientKey, Path knownHosts,
                        long startMillis) {
}
