package dev.underlay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSshLabTest {
    @TempDir
    Path dir;

    /** The files as bench/lab-up.sh (the shared rig's lab-up.sh) writes them. */
    private void labFiles(String inventory, String pids) throws IOException {
        Files.writeString(dir.resolve("inventory.ini"), inventory);
        Files.writeString(dir.resolve("pids"), pids);
        Files.writeString(dir.resolve("client_ed25519"), "key");
        Files.writeString(dir.resolve("known_hosts"), "[127.1.0.1]:2222 ssh-ed25519 AAAA\n");
    }

    @Test
    void readsHostsUserAndServerPidsOfALabUpInventory() throws IOException {
        labFiles("""
                # Ansible INI inventory for the loopback SSH lab (2 hosts)
                [lab]
                host001 ansible_host=127.1.0.1 ansible_port=2222
                host002 ansible_host=127.1.0.2 ansible_port=2222

                [lab:vars]
                ansible_user=root
                ansible_ssh_private_key_file=/tmp/underlay-lab/client_ed25519
                ansible_ssh_common_args='-F /tmp/underlay-lab/ssh_config'
                """, "101\n102\n");
        OpenSshLab lab = OpenSshLab.load(dir);
        assertEquals(List.of(new OpenSshLab.Host("host001", "127.1.0.1", 2222),
                new OpenSshLab.Host("host002", "127.1.0.2", 2222)), lab.hosts());
        assertEquals("root", lab.user());
        assertEquals(List.of(101L, 102L), lab.pids());
        assertEquals(dir.resolve("known_hosts"), lab.knownHosts());
    }

    @Test
    void aFolderWithoutALabIsRefusedNamingTheMissingFile() {
        IOException e = assertThrows(IOException.class, () -> OpenSshLab.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve("inventory.ini").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no running OpenSSH lab"), e.getMessage());
    }

    @Test
    void aBadPidLineIsRefusedWithItsLineNumber() throws IOException {
        labFiles("[lab]\nhost001 ansible_host=127.1.0.1 ansible_port=2222\n", "101\nsshd\n");
        IOException e = assertThrows(IOException.class, () -> OpenSshLab.load(dir));
        assertEquals(dir.resolve("pids") + " line 2: 'sshd' is not a process id", e.getMessage());
    }
}
