package dev.underlay.automation.facts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where facts and health are kept, every run a new row (implemented in {@code automation.repository}). */
public interface FactsStore {
    /** Stores facts of several machines in one transaction. */
    void addFacts(List<MachineFacts> facts);

    /** Stores health of several machines in one transaction. */
    void addHealth(List<MachineHealth> health);

    /** The newest facts of every machine that has any, by machine name. */
    Map<String, MachineFacts> latestFacts();

    /** The machine's facts, newest first, at most {@code limit}. */
    List<MachineFacts> factsHistory(String machine, int limit);

    /** The newest health of every machine that has any, by machine name. */
    Map<String, MachineHealth> latestHealth();

    /** The machine's health, newest first, at most {@code limit}. */
    List<MachineHealth> healthHistory(String machine, int limit);

    /** The newest facts of one machine. */
    default Optional<MachineFacts> latestFacts(String machine) {
        List<MachineFacts> h = factsHistory(machine, 1);
        return h.isEmpty() ? Optional.empty() : Optional.of(h.get(0));
    }
}
