package dev.underlay.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a stop (Ctrl-C, SIGTERM) reports depends on what was running when it came, not on what ran before. */
class WriteGateTest {
    @Test
    void aStopBeforeAnyWriteSaysNothingWasWritten() {
        assertEquals(WriteGate.Drained.NOTHING_WRITTEN, new WriteGate().drain(100));
    }

    @Test
    void aStopAfterFinishedWritesSaysTheyWereSavedNotThatOneWasRunning() {
        WriteGate gate = new WriteGate();
        gate.enter().close();
        assertEquals(WriteGate.Drained.ALL_SAVED, gate.drain(100));
    }

    @Test
    void aStopDuringAWriteLetsItFinishThenRefusesNewOnes() throws Exception {
        WriteGate gate = new WriteGate();
        CountDownLatch inside = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (Database.WritePermit p = gate.enter()) {
                inside.countDown();
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        assertEquals(true, inside.await(10, TimeUnit.SECONDS));
        assertEquals(WriteGate.Drained.WRITES_FINISHED, gate.drain(10_000));
        writer.join(10_000);
        assertThrows(DatabaseException.class, gate::enter);
    }

    @Test
    void aWriteLongerThanTheWaitIsReportedStillRunning() throws Exception {
        WriteGate gate = new WriteGate();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (Database.WritePermit p = gate.enter()) {
                inside.countDown();
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        assertEquals(true, inside.await(10, TimeUnit.SECONDS));
        assertEquals(WriteGate.Drained.STILL_WRITING, gate.drain(50));
        release.countDown();
        writer.join(10_000);
    }
}
