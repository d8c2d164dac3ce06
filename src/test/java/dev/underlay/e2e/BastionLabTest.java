package dev.underlay.e2e;

import static dev.underlay.e2e.EnrolledLab.resultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FailureKind;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.InventoryTargets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lab hosts reached through another lab host named by the ssh_bastion param, as OpenSSH's ProxyJump. */
class BastionLabTest {
    @TempDir
    static Path dir;
    static EnrolledLab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = EnrolledLab.start(4, dir, FaultSpec.NONE);
        for (String inner : List.of("lab0002", "lab0003")) {
            Machine m = lab.ctx().inventory().inventory().machines().get(inner);
            lab.ctx().inventory().updateMachine(m, m.toBuilder()
                    .params(Map.of(InventoryTargets.BASTION_PARAM, TextNode.valueOf("lab0001"))).build());
        }
        // a machine behind the bastion on a port that is no lab host's: the bastion must refuse the tunnel
        LabWorld world = lab.world();
        Machine outside = world.machines.get(3).toBuilder().name("outside").sshPort(world.portOfNoHost())
                .params(Map.of(InventoryTargets.BASTION_PARAM, TextNode.valueOf("lab0001"))).build();
        lab.ctx().inventory().createMachine(outside);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private List<ExecResult> run(FanOutLabTest.Collector sink) throws Exception {
        Inventory inv = lab.ctx().inventory().inventory();
        List<Machine> ms = inv.machines().values().stream().sorted(Comparator.comparing(Machine::name)).toList();
        return new FanOut(lab.ctx().ssh()).start(InventoryTargets.plan(inv, ms), "hostname", 8, null, sink, r -> { })
                .results().get(60, TimeUnit.SECONDS);
    }

    @Test
    void hostsBehindALabBastionAnswerAndOnlyLabHostsCanBeTunnelledTo() throws Exception {
        FanOutLabTest.Collector sink = new FanOutLabTest.Collector();
        List<ExecResult> rs = run(sink);
        for (String h : List.of("lab0001", "lab0002", "lab0003", "lab0004")) {
            assertTrue(resultOf(rs, h).succeeded(), resultOf(rs, h).message());
            assertEquals(List.of(h), sink.out.get(h), "each host answers with its own name");
        }
        ExecResult outside = resultOf(rs, "outside");
        assertEquals(FailureKind.BASTION_FAILED, outside.failure(), outside.message());
        assertTrue(outside.message().startsWith("outside ("), outside.message());
    }

    @Test
    void aBastionThatRefusesLoginFailsTheHostsBehindItOnly() throws Exception {
        lab.world().lab.setFaults(FaultSpec.parse("auth:lab0001"));
        try {
            List<ExecResult> rs = run(new FanOutLabTest.Collector());
            assertEquals(FailureKind.AUTH_FAILED, resultOf(rs, "lab0001").failure(), resultOf(rs, "lab0001").message());
            for (String inner : List.of("lab0002", "lab0003")) {
                ExecResult r = resultOf(rs, inner);
                assertEquals(FailureKind.BASTION_FAILED, r.failure(), r.message());
                assertTrue(r.message().contains("lab0001"), "names the bastion: " + r.message());
            }
            assertTrue(resultOf(rs, "lab0004").succeeded(), resultOf(rs, "lab0004").message());
        } finally {
            lab.world().lab.setFaults(FaultSpec.NONE);
        }
    }
}
