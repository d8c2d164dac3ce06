package dev.underlay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every lab host keeps a port of its own, refusing ones too: a refusing host's first free port was let go before
 * the next host asked for one, so the system could hand the same port out twice (LabFaultTest saw lab0058 answer as
 * lab0063, and 99 of 100 hosts listening after the faults were lifted).
 */
class LabPortsTest {
    @TempDir
    Path dir;

    @Test
    void refusingHostsKeepTheirOwnPortsAndListenOnThemWhenLifted() throws Exception {
        try (Lab lab = Lab.start(LabFixtures.hosts(400), dir.resolve("lab"), FaultSpec.parse("refuse:50%"))) {
            Set<Integer> ports = new HashSet<>();
            lab.hosts().forEach(h -> ports.add(h.port()));
            assertEquals(400, ports.size(), "every host has its own port");
            assertEquals(200, lab.status().listening());
            lab.setFaults(FaultSpec.parse(""));
            assertEquals(400, lab.status().listening(), "every refusing host listens on its own port again");
        }
    }
}
