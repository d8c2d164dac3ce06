package dev.underlay.ui;

import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Machine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Moves the demo's lab machines (ports 22001-22041) to a free port range, so UI tests do not collide with other
 * test runs on the same machine that start the demo lab on its default ports.
 */
public final class LabPorts {
    private LabPorts() {
    }

    /** Re-ports every machine tagged {@code lab}, in name order, from a free base port; returns that base. */
    public static int moveLabMachines(InventoryService inventory) throws IOException {
        List<Machine> lab = inventory.inventory().machines().values().stream()
                .filter(m -> m.tags().contains("lab")).sorted((a, b) -> a.name().compareTo(b.name())).toList();
        int base = freeRange(lab.size());
        InventoryChanges ch = new InventoryChanges();
        for (int i = 0; i < lab.size(); i++) {
            ch.machines.add(lab.get(i).toBuilder().sshPort(base + i).build());
        }
        inventory.apply(ch);
        return base;
    }

    private static int freeRange(int n) throws IOException {
        for (int attempt = 0; attempt < 30; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(30_000, 60_000 - n);
            if (allFree(base, n)) {
                return base;
            }
        }
        throw new IOException("no free range of " + n + " ports found on 127.0.0.1");
    }

    private static boolean allFree(int base, int n) {
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int p = base; p < base + n; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, lo)) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
