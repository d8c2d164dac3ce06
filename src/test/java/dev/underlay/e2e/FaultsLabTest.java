package dev.underlay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Machine;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FailureKind;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in 10 of 100 lab hosts: each faulty host fails (or answers) as its fault says, with a sentence naming it,
 * and the 90 others are not affected.
 */
class FaultsLabTest {
    private static final String FAULTS = "refuse:lab[0001-0002],auth:lab[0011-0012],hostkey:lab[0021-0022],"
            + "disconnect:lab[0031-0032],fail=uname:lab0041,slow=300ms:lab0051";
    /** What each faulty host must report. */
    private static final Map<String, FailureKind> EXPECTED = Map.of(
            "lab0001", FailureKind.CONNECTION_REFUSED, "lab0002", FailureKind.CONNECTION_REFUSED,
            "lab0011", FailureKind.AUTH_FAILED, "lab0012", FailureKind.AUTH_FAILED,
            "lab0021", FailureKind.HOST_KEY_CHANGED, "lab0022", FailureKind.HOST_KEY_CHANGED,
            "lab0031", FailureKind.DISCONNECTED, "lab0032", FailureKind.DISCONNECTED);

    @TempDir
    static Path dir;
    static EnrolledLab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = EnrolledLab.start(100, dir, FaultSpec.parse(FAULTS));
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void eachFaultyHostFailsAsItsFaultSaysAndTheOtherNinetyRunNormally() throws Exception {
        List<Machine> machines = lab.ctx().inventory().inventory().machines().values().stream()
                .sorted(Comparator.comparing(Machine::name)).toList();
        FanOutLabTest.Collector sink = new FanOutLabTest.Collector();
        List<ExecResult> results = lab.fanOut().start(lab.plan(machines), "uname -s", 64, null, sink, r -> { })
                .results().get(120, TimeUnit.SECONDS);

        int healthy = 0;
        for (ExecResult r : results) {
            String host = r.host();
            FailureKind expected = EXPECTED.get(host);
            if (expected != null) {
                assertEquals(expected, r.failure(), r.message());
                assertTrue(r.message().startsWith(host + " (root@"), "the sentence names the host: "
                        + r.message());
            } else if (host.equals("lab0041")) {
                assertEquals(FailureKind.NONE, r.failure(), r.message());
                assertEquals(1, r.exitStatus(), "fail=uname makes uname exit 1");
                assertEquals(List.of("uname: simulated failure (lab fault)"), sink.err.get(host));
            } else {
                assertTrue(r.succeeded(), r.message());
                assertEquals(List.of("Linux"), sink.out.get(host), host);
                healthy++;
                if (host.equals("lab0051")) {
                    assertTrue(r.duration().toMillis() >= 300, "slow host answered in " + r.duration());
                }
            }
        }
        assertEquals(91, healthy, "the 90 hosts without faults and the slow one succeed");
        assertTrue(results.get(20).message().contains("host key changed"), results.get(20).message());
        assertTrue(results.get(0).message().contains("connection refused"), results.get(0).message());
    }
}
