package dev.underlay.lab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.inventory.Machine;
import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.KnownHostKey;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.ui.LabPorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lab menu's view model on the demo inventory with a real lab on loopback. */
class LabViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    LabViewModel vm;
    final List<String> messages = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        ctx = AppContext.open(dir, true, Runnable::run);
        vm = new LabViewModel(ctx.lab(), ctx.hostKeys(), ctx.inventory()::inventory, dir.resolve("lab"),
                new CurrentThreadTaskRunner(), messages::add);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    /**
     * Starts the lab through the view model on free ports, running {@code before} with the machines' new ports
     * first; the machines move again when a port was taken meanwhile.
     */
    private Map<String, Integer> start(Consumer<Map<String, Integer>> before) throws Exception {
        return LabPorts.startOnFreePorts(ctx.inventory(), ports -> {
            before.accept(ports);
            vm.start();
            return vm.running() ? "" : messages.get(messages.size() - 1);
        });
    }

    @Test
    void startServesTheLabMachinesAndTrustsTheirHostKeys() throws Exception {
        assertEquals("Lab stopped", vm.statusTextProperty().get());
        Map<String, Integer> ports = start(p -> { });
        assertTrue(vm.running(), messages.toString());
        int first = ports.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int last = ports.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertEquals("Lab: 41 hosts on ports " + first + "-" + last + ", no faults", vm.statusTextProperty().get());
        assertEquals(41, ctx.hostKeys().all().size());
        assertTrue(messages.get(messages.size() - 1).contains("41 host keys trusted"), messages.toString());
        vm.stop();
        assertEquals("Lab stopped", vm.statusTextProperty().get());
        assertFalse(vm.running());
    }

    @Test
    void aStoredKeyThatDiffersIsKeptAndReportedAsConflict() throws Exception {
        var other = org.apache.sshd.common.config.keys.KeyUtils.generateKeyPair("ssh-ed25519", 256).getPublic();
        Endpoint[] at = new Endpoint[1];
        String[] planted = new String[1];
        Map<String, Integer> ports = start(p -> {
            if (at[0] != null) {
                ctx.hostKeys().forget(at[0]); // the machines moved: the planted key moves with the first one
            }
            at[0] = new Endpoint("127.0.0.1", p.values().iterator().next());
            ctx.hostKeys().trust(at[0], other, "test");
            planted[0] = ctx.hostKeys().keys(at[0]).get(0).fingerprint();
        });
        Endpoint ep = at[0];
        Machine first = ctx.inventory().inventory().machines().get(ports.keySet().iterator().next());
        String stored = planted[0];

        assertEquals(1, vm.conflictsProperty().get().size(), vm.conflictsProperty().get().toString());
        assertTrue(vm.conflictsProperty().get().get(0).contains(ep.toString()));
        List<KnownHostKey> after = ctx.hostKeys().keys(ep);
        assertEquals(1, after.size(), "nothing added for " + first.name());
        assertEquals(stored, after.get(0).fingerprint(), "the stored key was not overwritten");
        assertTrue(messages.get(messages.size() - 1).contains("1 differ from stored keys (kept)"));
    }

    @Test
    void faultSpecErrorsShowBesideTheFieldAndValidSpecsApplyLive() throws Exception {
        vm.faultTextProperty().set("refuse:200%");
        assertFalse(vm.faultErrorProperty().get().isEmpty());
        assertFalse(vm.applyFaults());

        vm.usePreset(LabViewModel.PRESETS.get(0));
        assertEquals("", vm.faultErrorProperty().get());
        assertFalse(vm.applyFaults(), "no lab runs yet");
        assertTrue(vm.faultErrorProperty().get().contains("not running"));

        start(p -> { });
        vm.faultTextProperty().set("refuse:10%");
        assertTrue(vm.applyFaults());
        assertTrue(vm.statusTextProperty().get().endsWith("faults refuse:10%"), vm.statusTextProperty().get());
        assertEquals(37, ctx.lab().status().listening());

        vm.usePreset(LabViewModel.PRESETS.get(LabViewModel.PRESETS.size() - 1));
        assertTrue(vm.applyFaults());
        assertTrue(vm.statusTextProperty().get().endsWith("no faults"), vm.statusTextProperty().get());
        assertEquals(41, ctx.lab().status().listening());
    }

    @Test
    void eachFaultSaysWhichLabHostsItHitsAsAFoldedNodeSet() {
        vm.faultTextProperty().set("refuse:10%, slow=300ms:fra1-gpu0[3-4]|fra1-db*, fail=uname:fra1-nothing*");
        List<LabViewModel.FaultHit> hits = vm.faultHitsProperty().get();
        assertEquals(3, hits.size(), hits.toString());
        assertEquals(4, hits.get(0).hosts().size(), "10% of 41 lab hosts, rounded");
        assertEquals(41, hits.get(0).labHosts());
        assertEquals("slow=300ms:fra1-gpu0[3-4]|fra1-db*", hits.get(1).fault());
        assertEquals(List.of("fra1-db01", "fra1-db02", "fra1-db03", "fra1-gpu03", "fra1-gpu04"), hits.get(1).hosts());
        assertEquals("fra1-db[01-03],fra1-gpu[03-04]", hits.get(1).folded());
        assertEquals(List.of(), hits.get(2).hosts(), "a pattern that names no lab host hits none");

        vm.removeFault(1);
        assertEquals("refuse:10%, fail=uname:fra1-nothing*", vm.faultTextProperty().get());
        vm.usePreset(LabViewModel.PRESETS.get(1));
        assertEquals("refuse:10%, fail=uname:fra1-nothing*, slow=500ms:5%", vm.faultTextProperty().get(),
                "a preset adds to the spec");
        assertEquals(3, vm.faultHitsProperty().get().size());

        vm.faultTextProperty().set("refuse:200%");
        assertEquals(List.of(), vm.faultHitsProperty().get(), "nothing hit while the spec does not parse");
    }
}
