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
import dev.underlay.ssh.TargetAlgorithms;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine's ssh_kex param changes what one host is offered; the others keep the transport's algorithms. */
class TargetAlgorithmsLabTest {
    @TempDir
    static Path dir;
    static EnrolledLab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = EnrolledLab.start(3, dir, FaultSpec.NONE);
        param("lab0002", "ecdh-sha2-nistp256");
        param("lab0003", "curve25519-sha999, ecdh-sha2-nistp256");
    }

    private static void param(String machine, String kex) {
        Machine m = lab.ctx().inventory().inventory().machines().get(machine);
        lab.ctx().inventory().updateMachine(m, m.toBuilder()
                .params(Map.of(TargetAlgorithms.KEX, TextNode.valueOf(kex))).build());
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void eachHostIsOfferedItsOwnKeyExchangesAndAnUnknownNameStopsOnlyThatHost() throws Exception {
        Inventory inv = lab.ctx().inventory().inventory();
        List<Machine> ms = inv.machines().values().stream().sorted(Comparator.comparing(Machine::name)).toList();
        List<ExecResult> rs = new FanOut(lab.ctx().ssh()).start(InventoryTargets.plan(inv, ms), "hostname", 8, null,
                (h, s, at, l) -> { }, r -> { }).results().get(60, TimeUnit.SECONDS);
        ExecResult plain = resultOf(rs, "lab0001");
        assertTrue(plain.succeeded(), plain.message());
        assertEquals("curve25519-sha256", plain.keyExchange());
        ExecResult own = resultOf(rs, "lab0002");
        assertTrue(own.succeeded(), own.message());
        assertEquals("ecdh-sha2-nistp256", own.keyExchange());
        ExecResult bad = resultOf(rs, "lab0003");
        assertEquals(FailureKind.TARGET_INVALID, bad.failure(), bad.message());
        assertTrue(bad.message().startsWith("machine lab0003: param ssh_kex: unknown SSH key exchange "
                + "'curve25519-sha999' (known: "), bad.message());
    }

}
