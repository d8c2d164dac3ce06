package dev.underlay.inventory.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogViewModelsTest {
    @TempDir
    Path dir;
    DemoFixture fx;

    @BeforeEach
    void open() {
        fx = new DemoFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void profileShowsItsIncludesUsersAndParams() {
        ProfilesViewModel vm = new ProfilesViewModel(fx.model);
        assertEquals(List.of("baseline", "cloud-euc1", "global", "gpu", "k8s-node"), vm.names());
        vm.select("k8s-node");
        assertTrue(vm.detailsProperty().get().contains("Includes baseline; used directly by 15 machines"),
                vm.detailsProperty().get());
        assertEquals(List.of("pod_cidr", "container_runtime"), vm.params().stream().map(ParamRow::name).toList());
        assertEquals("containerd", vm.params().get(1).value());
    }

    @Test
    void clusterListsMembersWithRoleAndFollowsStatusChanges() {
        ClustersViewModel vm = new ClustersViewModel(fx.model);
        vm.select("fra1-k8s");
        assertEquals(15, vm.members().size());
        assertEquals(new ClustersViewModel.MemberRow("fra1-k8s-cp01", "control-plane", "in-use", "fra1-r01 U40"),
                vm.members().get(0));
        Machine m = fx.context.inventory().inventory().machines().get("fra1-k8s-cp01");
        fx.context.inventory().updateMachine(m, m.toBuilder().status(MachineStatus.MAINTENANCE).build());
        assertEquals("maintenance", vm.members().get(0).status());
    }
}
