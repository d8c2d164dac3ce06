package dev.underlay.lab;

import dev.underlay.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The console's handle on the simulated lab: at most one lab runs at a time. Methods are synchronous (binding
 * ports and writing keys is file and socket I/O): call them from a worker thread, never the FX thread.
 */
public final class LabService implements AutoCloseable {
    private Lab lab;

    /**
     * Starts a lab for the inventory's lab machines (tagged {@code lab}, addressed on 127.0.0.0/8).
     *
     * @param labFolder {@code <data folder>/lab}: client key, host-key secret and known_hosts live there
     * @throws IllegalStateException when a lab already runs (stop it first)
     * @throws IOException           naming the port when one is taken
     */
    public synchronized LabStatus start(Inventory inventory, Path labFolder, FaultSpec faults) throws IOException {
        if (lab != null && lab.running()) {
            throw new IllegalStateException("the lab is already running; stop it before starting it again");
        }
        lab = Lab.start(inventory, labFolder, faults);
        return lab.status();
    }

    /** Stops the lab if it runs; its hosts' files and service states are gone afterwards. */
    public synchronized void stop() {
        if (lab != null) {
            Lab l = lab;
            lab = null;
            l.close();
        }
    }

    /** The running lab's status, or a not-running status. */
    public synchronized LabStatus status() {
        if (lab == null) {
            return new LabStatus(false, 0, 0, 0, 0, 0, 0, 0, FaultSpec.NONE.toString(), null, null, 0);
        }
        return lab.status();
    }

    /**
     * Changes the faults of the running lab.
     *
     * @throws IllegalStateException when no lab runs
     */
    public synchronized void setFaults(FaultSpec faults) throws IOException {
        if (lab == null) {
            throw new IllegalStateException("the lab is not running; start it before injecting faults");
        }
        lab.setFaults(faults);
    }

    /** The running lab, for callers that need its hosts or known_hosts lines. */
    public synchronized Optional<Lab> current() {
        return Optional.ofNullable(lab);
    }

    @Override
    public void close() {
        stop();
    }
}
