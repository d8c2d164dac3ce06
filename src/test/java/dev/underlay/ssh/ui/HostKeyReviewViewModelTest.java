package dev.underlay.ssh.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.inventory.Machine;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.HostKeyReview;
import dev.underlay.ssh.HostKeyStatus;
import dev.underlay.ssh.KnownHostsFileImport;
import dev.underlay.ssh.KnownHostsImport;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.ui.LabPorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host key review over the real lab: scan, accept the new keys, see a replaced key, forget it. */
class HostKeyReviewViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    List<Machine> machines;
    final List<String> messages = new ArrayList<>();

    @BeforeEach
    void lab() throws Exception {
        ctx = AppContext.open(dir, true, Runnable::run);
        LabPorts.startOnFreePorts(ctx.inventory(), ports -> LabPorts.failureOf(
                () -> ctx.lab().start(ctx.inventory().inventory(), dir.resolve("lab"), FaultSpec.NONE)));
        machines = ctx.inventory().inventory().machines().values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private HostKeyReviewViewModel vm(List<Machine> on) {
        return new HostKeyReviewViewModel(ctx::ssh, ctx.hostKeys(), new CurrentThreadTaskRunner(),
                ctx.inventory().inventory(), on, messages::add);
    }

    private static long count(HostKeyReviewViewModel vm, HostKeyStatus s) {
        return vm.rows().stream().filter(r -> r.status() == s).count();
    }

    @Test
    void newKeysAreAcceptedTogetherAndThenKnown() {
        HostKeyReviewViewModel vm = vm(machines);
        vm.scan();
        assertEquals(41, vm.rows().size());
        assertEquals(41, vm.newCountProperty().get(), vm.summaryProperty().get());
        assertEquals(machines.get(0).name(), vm.rows().get(0).name());
        assertTrue(vm.rows().get(0).fingerprint().startsWith("SHA256:"));
        assertEquals("41 machines: 41 new", vm.summaryProperty().get());

        vm.acceptNew();
        assertEquals("Trusted 41 new host keys.", messages.get(messages.size() - 1));
        assertEquals(41, count(vm, HostKeyStatus.KNOWN), vm.summaryProperty().get());
        assertEquals(0, vm.newCountProperty().get());
        assertEquals(41, ctx.hostKeys().all().size());
    }

    @Test
    void aReplacedKeyShowsChangedIsNeverAcceptedAndCanBeForgotten() throws Exception {
        HostKeyReviewViewModel vm = vm(machines);
        vm.scan();
        vm.acceptNew();
        String victim = machines.get(2).name();
        ctx.lab().setFaults(FaultSpec.parse("hostkey:" + victim + "|" + machines.get(3).name()));
        vm.scan();
        assertEquals(2, count(vm, HostKeyStatus.CHANGED), vm.summaryProperty().get());
        HostKeyReview changed = vm.rows().get(2);
        assertEquals(HostKeyStatus.CHANGED, changed.status());
        assertEquals(0, vm.newCountProperty().get());
        vm.acceptNew();
        assertEquals(2, count(vm, HostKeyStatus.CHANGED), "CHANGED keys are not accepted by Accept");

        String question = HostKeyReviewViewModel.forgetQuestion(changed);
        assertTrue(question.contains(changed.fingerprint()), question);
        assertTrue(question.contains(changed.knownFingerprints().get(0)), question);

        vm.forget(changed);
        assertTrue(messages.get(messages.size() - 1).startsWith("Forgot 1 stored host key of " + victim));
        assertEquals(HostKeyStatus.NEW, vm.rows().get(2).status());
        assertEquals(1, vm.newCountProperty().get());
        assertEquals(HostKeyStatus.CHANGED, vm.rows().get(3).status());
    }

    @Test
    void machinesWithoutATargetAndDownHostsShowFailedWithTheSentence() throws Exception {
        ctx.lab().setFaults(FaultSpec.parse("refuse:" + machines.get(1).name()));
        Machine bare = Machine.builder("no-address").build();
        HostKeyReviewViewModel vm = vm(List.of(machines.get(0), bare, machines.get(1)));
        vm.scan();
        assertEquals(List.of(HostKeyStatus.NEW, HostKeyStatus.FAILED, HostKeyStatus.FAILED),
                vm.rows().stream().map(HostKeyReview::status).toList());
        assertTrue(vm.rows().get(1).message().contains("no-address"), vm.rows().get(1).message());
        assertTrue(vm.rows().get(2).message().contains(machines.get(1).name()), vm.rows().get(2).message());
        assertEquals("3 machines: 1 new, 2 failed", vm.summaryProperty().get());
    }

    @Test
    void aRevokedKeyShowsRevokedAndIsNeitherAcceptedNorForgotten() throws Exception {
        HostKeyReviewViewModel vm = vm(machines.subList(0, 3));
        vm.scan();
        vm.acceptNew();
        String victim = machines.get(1).name();
        Path file = dir.resolve("revoked");
        java.nio.file.Files.writeString(file, "@revoked " + ctx.lab().current().orElseThrow().knownHostsLine(victim)
                + "\n");
        KnownHostsImport.Report r = KnownHostsFileImport.run(ctx.hostKeys(), file, List.of(
                new Endpoint(machines.get(1).address(), machines.get(1).sshPort())));
        assertEquals(1, r.revoked(), r.toString());

        vm.scan();
        HostKeyReview row = vm.rows().get(1);
        assertEquals(HostKeyStatus.REVOKED, row.status(), row.message());
        assertTrue(row.message().contains("revoked host key " + row.keyType() + " " + row.fingerprint()),
                row.message());
        assertEquals("3 machines: 2 known, 1 revoked", vm.summaryProperty().get());
        assertEquals(0, vm.newCountProperty().get(), "nothing to accept: Accept stays disabled");
        int before = messages.size();
        vm.acceptNew();
        vm.forget(row);
        assertEquals(before, messages.size(), "neither accept nor forget acts on a revoked row");
        assertTrue(ctx.hostKeys().keys(row.endpoint()).stream().allMatch(k -> k.revoked()));
        vm.scan();
        assertEquals(HostKeyStatus.REVOKED, vm.rows().get(1).status());
    }
}
