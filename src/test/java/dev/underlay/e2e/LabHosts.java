package dev.underlay.e2e;

import dev.underlay.app.AppContext;
import dev.underlay.inventory.Machine;
import java.io.IOException;
import java.util.List;

/** A simulated lab, in this JVM ({@link LabWorld}) or in one of its own ({@link LabProcess}). */
public interface LabHosts extends AutoCloseable {
    /** Imports the lab's machines and host keys into the data folder, as the documented CLI flow does. */
    void enrol(AppContext ctx) throws IOException;

    /** lab0001... in name order, each with the port its host listens on. */
    List<Machine> machines();

    @Override
    void close();
}
