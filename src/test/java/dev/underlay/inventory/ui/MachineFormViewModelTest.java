package dev.underlay.inventory.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.ResolvedParam;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineFormViewModelTest {
    @TempDir
    Path dir;
    DemoFixture fx;
    MachineFormViewModel vm;
    final List<String> saved = new ArrayList<>();

    @BeforeEach
    void open() {
        fx = new DemoFixture(dir);
        vm = new MachineFormViewModel(fx.model, fx.tasks, fx.messages::add, saved::add);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Machine stored(String name) {
        return fx.context.inventory().inventory().machines().get(name);
    }

    private void edit(String name) {
        vm.edit(stored(name));
    }

    @Test
    void savingAnEditWritesItAndReportsTheName() {
        edit("fra1-web01");
        vm.field("address").set("10.20.1.31");
        vm.field("tags").set("lab, web, canary");
        assertTrue(vm.dirtyProperty().get());
        vm.save();
        assertEquals("10.20.1.31", stored("fra1-web01").address());
        assertEquals(List.of("lab", "web", "canary"), stored("fra1-web01").tags());
        assertFalse(vm.dirtyProperty().get());
        assertEquals(List.of("fra1-web01"), saved);
        assertEquals("Saved machine fra1-web01.", fx.lastMessage());
    }

    @Test
    void nonNumericPortIsShownBesideThePortAndNothingIsWritten() {
        edit("fra1-web01");
        vm.field("port").set("ssh");
        vm.field("address").set("10.9.9.9");
        vm.save();
        assertTrue(vm.error("port").get().contains("whole number"), vm.error("port").get());
        assertEquals("", vm.error("address").get());
        assertEquals("127.0.0.1", stored("fra1-web01").address(), "nothing written");
        assertEquals("ssh", vm.field("port").get(), "typed value kept");
        assertEquals("10.9.9.9", vm.field("address").get(), "typed value kept");
    }

    @Test
    void overlappingUIsShownBesideUAndTypedValuesAreKept() {
        edit("fra1-web01");
        vm.field("u").set("31"); // fra1-web02 sits at U31 on the front
        vm.field("address").set("10.1.2.3");
        vm.save();
        String u = vm.error("u").get();
        assertTrue(u.contains("overlaps") && u.contains("U31"), u);
        assertEquals("", vm.error("address").get());
        assertEquals("31", vm.field("u").get());
        assertEquals("10.1.2.3", vm.field("address").get());
        assertTrue(vm.dirtyProperty().get(), "a refused save leaves the form dirty");
        assertEquals(30, stored("fra1-web01").uPosition());
    }

    @Test
    void unknownProfileAndBadTagAreShownBesideTheirFields() {
        edit("fra1-web01");
        vm.field("profiles").set("baseline, nosuch");
        vm.field("tags").set("web, a:b"); // ':' is allowed, so only the profile is wrong
        vm.save();
        assertTrue(vm.error("profiles").get().contains("'nosuch'"), vm.error("profiles").get());
        assertEquals("", vm.error("tags").get());
        vm.field("profiles").set("baseline");
        vm.save();
        assertEquals("", vm.error("profiles").get(), "errors clear on the next save");
        assertEquals(List.of("web", "a:b"), stored("fra1-web01").tags());
    }

    @Test
    void renameKeepsClusterMembershipAndSelectsTheNewName() {
        edit("fra1-k8s-w01");
        vm.field("name").set("fra1-k8s-w01b");
        vm.save();
        assertTrue(stored("fra1-k8s-w01") == null);
        assertTrue(stored("fra1-k8s-w01b") != null);
        assertEquals("fra1-k8s (worker)", vm.clustersProperty().get());
        assertEquals(List.of("fra1-k8s-w01b"), saved);
    }

    @Test
    void createNeedsANameAndThenWritesTheMachine() {
        vm.create();
        vm.save();
        assertEquals("A machine needs a name.", vm.error("name").get());
        vm.field("name").set("fra1-new01");
        vm.field("site").set("fra1");
        vm.field("rack").set("fra1-r03");
        vm.field("u").set("41");
        vm.save();
        Machine m = stored("fra1-new01");
        assertEquals(41, m.uPosition());
        assertEquals(MachineFormViewModel.Mode.EDIT, vm.modeProperty().get());
        assertEquals("Created machine fra1-new01.", fx.lastMessage());
    }

    @Test
    void forbiddenStatusChangeIsShownBesideStatus() {
        Machine m = stored("fra1-ci01");
        fx.context.inventory().updateMachine(m, m.toBuilder().status(MachineStatus.RETIRED).build());
        edit("fra1-ci01");
        vm.statusProperty().set(MachineStatus.READY);
        vm.save();
        assertTrue(vm.error("status").get().contains("cannot become ready"), vm.error("status").get());
    }

    @Test
    void resolvedParamsNameTheirSourceAndMaskSecureValues() {
        Profile global = fx.model.inventory().profiles().get(Profile.GLOBAL);
        Map<String, com.fasterxml.jackson.databind.JsonNode> p = new LinkedHashMap<>(global.params());
        p.put("bmc_password", TextNode.valueOf("hunter2"));
        InventoryChanges ch = new InventoryChanges();
        ch.profiles.add(new Profile(global.name(), global.description(), global.includes(), p));
        fx.context.inventory().apply(ch);
        edit("fra1-gpu01");
        Map<String, ParamRow> rows = new LinkedHashMap<>();
        vm.params().forEach(r -> rows.put(r.name(), r));
        assertEquals("12.4", rows.get("cuda_version").value());
        assertEquals("profile gpu", rows.get("cuda_version").source());
        assertEquals("profile baseline (via gpu)", rows.get("ntp_servers").source());
        assertEquals("machine fra1-gpu01", rows.get("bmc_address").source());
        assertEquals(ResolvedParam.MASK, rows.get("bmc_password").value());
        assertEquals("1.30.4", rows.get("k8s_version").value());
        assertEquals("default", rows.get("k8s_version").source());
    }

    @Test
    void formFollowsOutsideChangesUnlessSomethingWasTyped() {
        edit("fra1-web01");
        Machine m = stored("fra1-web01");
        fx.context.inventory().updateMachine(m, m.toBuilder().address("10.0.0.1").build());
        assertEquals("10.0.0.1", vm.field("address").get(), "not dirty: follows the new snapshot");
        vm.field("user").set("admin");
        m = stored("fra1-web01");
        fx.context.inventory().updateMachine(m, m.toBuilder().address("10.0.0.2").build());
        assertEquals("10.0.0.1", vm.field("address").get(), "dirty: what was typed stays");
        assertEquals("admin", vm.field("user").get());
    }

    @Test
    void revertPutsTheStoredValuesBack() {
        edit("fra1-web01");
        vm.field("address").set("nowhere");
        vm.revert();
        assertEquals("127.0.0.1", vm.field("address").get());
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void ownParamsAreEditedInTheFormAndCheckedByTheirSchema() {
        edit("fra1-k8s-w01");
        assertEquals("serial = CZ25663808\nbmc_address = 10.30.1.1", vm.field("params").get());
        vm.field("params").set("serial = CZ25663808\nbmc_address = 10.30.1.1\nk8s_version = 131");
        vm.save();
        assertEquals("machine fra1-k8s-w01: param k8s_version value 131 is refused by its schema: must be a string, "
                + "not an integer", vm.error("params").get());
        vm.field("params").set("serial = CZ25663808\nbmc_address = 10.30.1.1\nk8s_version = 1.31.0\nbmc_password = "
                + "hunter2");
        vm.save();
        assertEquals("", vm.formErrorProperty().get());
        Machine m = stored("fra1-k8s-w01");
        assertEquals(TextNode.valueOf("1.31.0"), m.params().get("k8s_version"));
        assertEquals(ResolvedParam.MASK, m.params().get("bmc_password").asText(), "a secure value is sealed");
        assertTrue(vm.field("params").get().endsWith("bmc_password = ********"), vm.field("params").get());
        ParamRow row = vm.params().stream().filter(r -> r.name().equals("k8s_version")).findFirst().orElseThrow();
        assertEquals("machine fra1-k8s-w01", row.source());
        assertEquals("1.31.0", row.value());

        vm.field("address").set("10.20.1.99"); // the sealed line is kept as it was
        vm.save();
        assertEquals("10.20.1.99", stored("fra1-k8s-w01").address());
        vm.field("params").set(vm.field("params").get().replace("serial = CZ25663808", "serial = CZ1")); // re-read
        vm.save();
        assertEquals("CZ1", stored("fra1-k8s-w01").params().get("serial").asText());
        assertEquals("hunter2", fx.context.inventory().paramValues().reveal(fx.context.inventory().inventory(),
                stored("fra1-k8s-w01")).text("bmc_password"));
    }

    @Test
    void aCloudInstanceHasNoPlacementAndLeavesAnyItHad() {
        edit("euc1-web01");
        assertFalse(vm.placementProperty().get());
        edit("fra1-ci01");
        assertTrue(vm.placementProperty().get());
        vm.kindProperty().set(dev.underlay.inventory.MachineKind.CLOUD);
        assertFalse(vm.placementProperty().get());
        vm.field("site").set("aws-euc1");
        vm.save();
        assertEquals("", vm.formErrorProperty().get());
        Machine m = stored("fra1-ci01");
        assertEquals("", m.rack());
        assertEquals(null, m.uPosition());
    }
}
