package dev.underlay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reboot} on a lab host: sessions drop, the port refuses, then the host is back on it with a new boot. */
class LabRebootTest {
    @TempDir
    static Path dir;
    static Lab lab;
    static LabClient client;

    @BeforeAll
    static void startLab() throws Exception {
        Path folder = dir.resolve("lab");
        InventoryChanges demo = DemoInventory.changes(folder.resolve(LabKeys.CLIENT_KEY));
        Inventory inv = Inventory.builder().machines(demo.machines).build();
        List<LabHost> hosts = LabHost.fromInventory(inv, 1_700_000_000L).stream().limit(2)
                .map(h -> h.withPort(0)).toList();
        lab = Lab.start(hosts, folder, FaultSpec.NONE);
        lab.rebootDowntime(Duration.ofMillis(400));
        client = new LabClient(lab);
    }

    @AfterAll
    static void stopLab() throws Exception {
        client.close();
        lab.close();
    }

    @Test
    void rebootDropsSessionsRefusesThenComesBackOnTheSamePortWithTheSameKeyAndANewBootId() throws Exception {
        int port = lab.hosts().get(0).port();
        int other = lab.hosts().get(1).port();
        String bootBefore;
        PublicKey keyBefore;
        try (ClientSession s = client.connect(port)) {
            keyBefore = s.getServerKey();
            bootBefore = LabClient.exec(s, "cat /proc/sys/kernel/random/boot_id", null).out().strip();
            assertTrue(uptimeSeconds(s) > 3600, "the host has been up since its inventory boot time");
            LabClient.Result r = LabClient.exec(s, "reboot", null);
            assertEquals(0, r.exit(), "reboot answers before the session drops: " + r);
            assertThrows(IOException.class, () -> client.connect(port).close(), "the port refuses at once");
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (s.isOpen() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertFalse(s.isOpen(), "the rebooting host dropped the session");
        }
        assertEquals("ok", client.exec(other, "echo ok").out().strip(), "the other host is not affected");

        ClientSession back = waitUntilBack(port);
        try (back) {
            assertEquals(port, lab.hosts().get(0).port(), "same port, so the inventory stays valid");
            assertEquals(keyBefore, back.getServerKey(), "same host key (known_hosts verified it too)");
            String bootAfter = LabClient.exec(back, "cat /proc/sys/kernel/random/boot_id", null).out().strip();
            assertTrue(bootAfter.matches("[0-9a-f-]{36}"), bootAfter);
            assertNotEquals(bootBefore, bootAfter, "a new boot id");
            assertTrue(uptimeSeconds(back) < 60, "uptime starts again");
            assertEquals("1", LabClient.exec(back, "cat /var/lib/lab/reboots", null).out().strip(),
                    "the disk survives the reboot");
        }
    }

    @Test
    void aFaultChangeDuringTheDowntimeDoesNotBringTheHostUpEarly() throws Exception {
        String name = lab.hosts().get(1).name();
        int port = lab.hosts().get(1).port();
        lab.reboot(name);
        lab.setFaults(FaultSpec.NONE);
        assertThrows(IOException.class, () -> client.connect(port).close());
        waitUntilBack(port).close();
    }

    static ClientSession waitUntilBack(int port) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return client.connect(port);
            } catch (IOException e) {
                if (System.nanoTime() > until) {
                    throw new AssertionError("the host on port " + port + " did not come back", e);
                }
                Thread.sleep(50);
            }
        }
    }

    static double uptimeSeconds(ClientSession s) throws IOException {
        return Double.parseDouble(LabClient.exec(s, "cat /proc/uptime", null).out().split(" ")[0]);
    }
}
