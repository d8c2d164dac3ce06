package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.underlay.inventory.Credential;
import dev.underlay.inventory.CredentialKind;
import dev.underlay.inventory.Machine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshTargetsTest {
    @Test
    void mapsAMachineWithAKeyCredentialUsingTheMachinesUserFirst() {
        Machine m = Machine.builder("web-01").address("10.0.0.5").sshPort(2222).sshUser("deploy").credential("ops")
                .build();
        Credential c = new Credential("ops", CredentialKind.KEY, "root", "/keys/id_ed25519", "");
        SshTarget t = SshTargets.of(m, c, List.of());
        assertEquals(new SshTarget("web-01", "10.0.0.5", 2222, "deploy",
                new SshAuth.KeyFile(Path.of("/keys/id_ed25519"), "ops"), List.of()), t);
    }

    @Test
    void mapsAPasswordCredentialAndFallsBackToItsUser() {
        Machine m = Machine.builder("db-01").address("db.lab").credential("pw").build();
        SshTarget t = SshTargets.of(m, new Credential("pw", CredentialKind.PASSWORD, "admin", "", ""), List.of());
        assertEquals("admin", t.user());
        assertEquals(22, t.port());
        assertEquals(new SshAuth.Password("pw"), t.auth());
    }

    @Test
    void refusesAMachineWithoutAddressOrUserWithASentence() {
        Credential c = new Credential("pw", CredentialKind.PASSWORD, "", "", "");
        IllegalArgumentException noAddress = assertThrows(IllegalArgumentException.class,
                () -> SshTargets.of(Machine.builder("x").build(), c, List.of()));
        assertEquals("machine x has no address to connect to", noAddress.getMessage());
        IllegalArgumentException noUser = assertThrows(IllegalArgumentException.class,
                () -> SshTargets.of(Machine.builder("x").address("1.2.3.4").build(), c, List.of()));
        assertEquals("machine x has no SSH user (set one on the machine or on credential pw)", noUser.getMessage());
    }
}
