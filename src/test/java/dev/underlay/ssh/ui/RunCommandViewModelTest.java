package dev.underlay.ssh.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.inventory.Machine;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.KnownHostsFileImport;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.ui.LabPorts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Run command" over the real demo lab, drained by hand as the view's pulse would. */
class RunCommandViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    List<Machine> machines;

    @BeforeEach
    void lab() throws Exception {
        ctx = AppContext.open(dir, true, Runnable::run);
        LabPorts.startOnFreePorts(ctx.inventory(), ports -> LabPorts.failureOf(
                () -> ctx.lab().start(ctx.inventory().inventory(), dir.resolve("lab"), FaultSpec.NONE)));
        var inv = ctx.inventory().inventory();
        var status = ctx.lab().status();
        KnownHostsFileImport.run(ctx.hostKeys(), status.knownHosts(),
                inv.machines().values().stream().map(m -> new Endpoint(m.address(), m.sshPort())).toList());
        machines = inv.machines().values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private RunCommandViewModel vm(List<Machine> on) {
        return new RunCommandViewModel(() -> new FanOut(ctx.ssh()), new CurrentThreadTaskRunner(),
                ctx.inventory().inventory(), on);
    }

    /** Drains until the run has ended and nothing is queued (bounded: 600 rounds of 100 ms). */
    private static void finish(RunCommandViewModel vm) throws InterruptedException {
        for (int i = 0; i < 600 && vm.active(); i++) {
            vm.drain();
            Thread.sleep(100);
        }
        vm.drain();
        assertFalse(vm.active(), "the run ended");
    }

    @Test
    void hostnameOnAllDemoMachinesGivesFortyOneOkAndOneLineEach() throws Exception {
        RunCommandViewModel vm = vm(machines);
        vm.commandProperty().set("hostname");
        assertTrue(vm.start());
        finish(vm);
        assertTrue(vm.progressProperty().get().matches("41/41 done, 41 ok, 0 failed in \\d+\\.\\d\\d s"),
                vm.progressProperty().get());
        assertTrue(vm.hosts().stream().allMatch(h -> h.state() == HostRun.State.OK));
        assertEquals("0", vm.hosts().get(0).exitProperty().get());
        assertEquals(41, vm.output().size());
        OutputLine line = vm.output().stream().filter(l -> l.host().equals(machines.get(0).name())).findFirst()
                .orElseThrow();
        assertEquals(machines.get(0).name() + ": " + line.text(), line.toString());
        assertFalse(line.stderr());
        assertEquals("41 of 41 hosts ok.", vm.summaryProperty().get().text());
    }

    @Test
    void failuresAreGroupedByCause() throws Exception {
        ctx.lab().setFaults(FaultSpec.parse("refuse:10%,fail=uname:5%"));
        RunCommandViewModel vm = vm(machines);
        vm.commandProperty().set("uname -a");
        vm.start();
        finish(vm);
        RunSummary s = vm.summaryProperty().get();
        assertNotNull(s);
        assertEquals(41, s.total());
        RunSummary.Group refused = s.groups().stream().filter(g -> g.cause().equals("connection refused"))
                .findFirst().orElseThrow(() -> new AssertionError(s.text()));
        assertEquals(4, refused.hosts().size(), s.text());
        RunSummary.Group exit1 = s.groups().stream().filter(g -> g.cause().equals("exit 1")).findFirst()
                .orElseThrow(() -> new AssertionError(s.text()));
        assertEquals(41 - 4 - s.ok(), exit1.hosts().size(), s.text());
        assertTrue(s.text().contains("connection refused (4): "), s.text());
        assertTrue(vm.progressProperty().get().startsWith("41/41 done, " + s.ok() + " ok, " + exit1.hosts().size()
                + " exited non-zero, 4 failed in "), vm.progressProperty().get());
        assertTrue(vm.hosts().stream().filter(h -> h.state() == HostRun.State.EXIT)
                .allMatch(h -> h.stateText().equals("exit 1")));
        assertTrue(vm.output().stream().anyMatch(OutputLine::stderr), "the simulated failure is on stderr");
    }

    @Test
    void cancelStopsQueuedAndRunningHosts() throws Exception {
        RunCommandViewModel vm = vm(machines);
        vm.commandProperty().set("sleep 30");
        vm.forksProperty().set(2);
        vm.start();
        vm.drain();
        assertEquals(HostRun.State.RUNNING, vm.hosts().get(0).state());
        assertEquals(HostRun.State.QUEUED, vm.hosts().get(5).state());
        vm.cancel();
        finish(vm);
        assertTrue(vm.hosts().stream().allMatch(h -> h.state() == HostRun.State.CANCELLED),
                vm.summaryProperty().get().text());
        assertTrue(vm.summaryProperty().get().text().contains("cancelled (41)"), vm.summaryProperty().get().text());
    }

    @Test
    void anEmptyCommandOrNoMachinesIsRefusedWithASentence() {
        RunCommandViewModel vm = vm(machines);
        vm.commandProperty().set("   ");
        assertFalse(vm.start());
        assertEquals("Type a command to run.", vm.errorProperty().get());
        RunCommandViewModel none = vm(List.of());
        none.commandProperty().set("uptime");
        assertFalse(none.start());
        assertTrue(none.errorProperty().get().startsWith("No machines to run on"));
    }

    @Test
    void aMachineWithoutAddressFailsWithItsReasonWithoutStoppingTheOthers() throws Exception {
        Machine bare = Machine.builder("no-address").build();
        RunCommandViewModel vm = vm(List.of(machines.get(0), bare));
        vm.commandProperty().set("true");
        vm.start();
        finish(vm);
        assertEquals(HostRun.State.OK, vm.hosts().get(0).state());
        assertEquals(HostRun.State.FAILED, vm.hosts().get(1).state());
        assertTrue(vm.summaryProperty().get().text().contains("target invalid (1): no-address"),
                vm.summaryProperty().get().text());
    }

    @Test
    void theTargetIsAnEditableQueryWithItsHostCount() {
        RunCommandViewModel vm = new RunCommandViewModel(() -> new FanOut(ctx.ssh()), new CurrentThreadTaskRunner(),
                ctx.inventory().inventory(), "rack:fra1-r01");
        assertEquals("rack:fra1-r01", vm.targetProperty().get());
        int inRack = vm.hosts().size();
        assertTrue(inRack > 1 && vm.targetInfoProperty().get().equals(inRack + " hosts"),
                vm.targetInfoProperty().get());
        vm.targetProperty().set("fra1-k8s-w[01-03]");
        assertEquals(List.of("fra1-k8s-w01", "fra1-k8s-w02", "fra1-k8s-w03"),
                vm.hosts().stream().map(HostRun::host).toList());
        assertEquals("3 hosts", vm.targetInfoProperty().get());
        vm.targetProperty().set("rack:r1");
        assertFalse(vm.targetValidProperty().get());
        assertTrue(vm.targetInfoProperty().get().startsWith("No machine matches: no rack is named r1"),
                vm.targetInfoProperty().get());
        vm.commandProperty().set("true");
        assertFalse(vm.start());
        vm.targetProperty().set("status:faild");
        assertTrue(vm.targetInfoProperty().get().startsWith("Bad query: 'faild'"), vm.targetInfoProperty().get());
        vm.targetProperty().set("all");
        assertEquals(41, vm.hosts().size());
        assertEquals(64, vm.forksProperty().get(), "the CLI's default");
        assertEquals(0, vm.timeoutSecondsProperty().get(), "no timeout, as the CLI");
    }

    @Test
    void choosingAHostShowsItsOutputAlone() throws Exception {
        RunCommandViewModel vm = vm(machines);
        vm.commandProperty().set("hostname");
        vm.start();
        finish(vm);
        String host = machines.get(3).name();
        vm.outputHostProperty().set(host);
        assertEquals(1, vm.shownOutput().size());
        assertEquals(host, vm.shownOutput().get(0).host());
        vm.outputHostProperty().set(null);
        assertEquals(41, vm.shownOutput().size());
    }

    @Test
    void sortingByStatePutsFailuresFirst() {
        List<HostRun.State> sorted = java.util.Arrays.stream(HostRun.State.values())
                .sorted(java.util.Comparator.comparingInt(HostRun.State::severity)).toList();
        assertEquals(List.of(HostRun.State.FAILED, HostRun.State.EXIT, HostRun.State.CANCELLED,
                HostRun.State.RUNNING, HostRun.State.QUEUED, HostRun.State.OK), sorted);
    }
}
