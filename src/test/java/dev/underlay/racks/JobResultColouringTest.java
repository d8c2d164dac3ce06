package dev.underlay.racks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The last-job colouring filled from the stored jobs on open: a live state that came first is newer and stays. */
class JobResultColouringTest {
    private static final Inventory EMPTY = Inventory.builder().build();

    private static LegendEntry of(JobResultColouring c, String name) {
        return c.entryFor(Machine.builder(name).build(), EMPTY);
    }

    @Test
    void storedStatesFillOnlyTheMachinesNoLiveEventReached() {
        JobResultColouring c = new JobResultColouring();
        AtomicInteger told = new AtomicInteger();
        c.onChange(told::incrementAndGet);
        c.update("web01", "active"); // a job started while the stored states were read
        c.fill(Map.of("web01", "failed", "web02", "done", "db01", "interrupted"));
        assertEquals(JobResultColouring.RUNNING, of(c, "web01"), "the live state is newer than the stored one");
        assertEquals(JobResultColouring.OK, of(c, "web02"));
        assertEquals(JobResultColouring.CANCELLED, of(c, "db01"));
        assertEquals(JobResultColouring.NO_JOB, of(c, "web03"));
        assertEquals(2, told.get(), "one redraw for the update, one for the whole fill");
        c.fill(Map.of("web02", "failed"));
        assertEquals(2, told.get(), "nothing new: no redraw");
        assertEquals(JobResultColouring.OK, of(c, "web02"));
    }
}
