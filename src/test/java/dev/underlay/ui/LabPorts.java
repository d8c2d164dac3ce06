package dev.underlay.ui;

import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Machine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Moves the demo's lab machines off their ports (22001-22041, which the console's own lab or a {@code lab serve}
 * may hold) to ports the system reports free, and starts the lab there, moving them again when one was taken
 * between the two. No test chooses a port number: the system does, and a start that loses a race is retried a
 * bounded number of times.
 */
public final class LabPorts {
    /** Starts tried before a test gives up; each loses only if another process takes one of 41 ports meanwhile. */
    public static final int ATTEMPTS = 5;

    /** One try at starting the lab on the machines' new ports. */
    @FunctionalInterface
    public interface Start {
        /**
         * @param ports each lab machine's new port, by name
         * @return why the lab did not start (the sentence the user would see), or "" when it runs
         */
        String attempt(Map<String, Integer> ports) throws Exception;
    }

    private LabPorts() {
    }

    /**
     * Moves the lab machines to free ports and starts the lab with {@code start}; again on other ports while it
     * fails because a port is in use.
     *
     * @return each lab machine's port, by name
     * @throws AssertionError when the lab fails for another reason, or {@value #ATTEMPTS} times in a row
     */
    public static Map<String, Integer> startOnFreePorts(InventoryService inventory, Start start) throws Exception {
        String why = "";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, Integer> ports = moveLabMachines(inventory);
            why = start.attempt(ports);
            if (why.isEmpty()) {
                return ports;
            }
            if (!why.contains("already in use")) {
                throw new AssertionError("the lab did not start: " + why);
            }
        }
        throw new AssertionError("the lab's ports were taken " + ATTEMPTS + " times in a row: " + why);
    }

    /** Runs a start that throws on failure as a {@link Start}: "" when it returned, else the failure's message. */
    public static String failureOf(Callable<?> start) throws Exception {
        try {
            start.call();
            return "";
        } catch (IOException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** Re-ports every machine tagged {@code lab} to a port the system reports free; returns them by name. */
    public static Map<String, Integer> moveLabMachines(InventoryService inventory) throws IOException {
        List<Machine> lab = inventory.inventory().machines().values().stream()
                .filter(m -> m.tags().contains("lab")).sorted((a, b) -> a.name().compareTo(b.name())).toList();
        List<Integer> free = freePorts(lab.size());
        Map<String, Integer> ports = new LinkedHashMap<>();
        InventoryChanges ch = new InventoryChanges();
        for (int i = 0; i < lab.size(); i++) {
            ch.machines.add(lab.get(i).toBuilder().sshPort(free.get(i)).build());
            ports.put(lab.get(i).name(), free.get(i));
        }
        inventory.apply(ch);
        return ports;
    }

    /** n distinct ports the system gave out as free (all held at once, so no two are the same), released. */
    private static List<Integer> freePorts(int n) throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, lo);
                held.add(s);
                ports.add(s.getLocalPort());
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }
}
