package dev.underlay.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A stream of live recolours becomes one repaint a gap, the last change never lost; on the real FX pulse. */
class LiveRepaintTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theFirstChangePaintsAtOnceTheRestOncePerGapAndTheLastIsNeverDropped() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        AtomicInteger paints = new AtomicInteger();
        LiveRepaint live = fx(() -> new LiveRepaint(200, paints::incrementAndGet, clock::get));
        fx(() -> {
            live.changed();
            return null;
        });
        assertEquals(1, paints.get(), "the first change is painted at once");
        fx(() -> {
            for (int i = 0; i < 50; i++) { // a burst within the gap
                clock.addAndGet(1_000_000L);
                live.changed();
            }
            return null;
        });
        assertEquals(1, paints.get(), "changes within the gap wait");
        assertTrue(fx(live::owed), "one repaint is owed");
        Thread.sleep(100); // pulses run: the gap is not over on this clock
        assertEquals(1, paints.get(), "nothing painted before the gap ends");
        clock.addAndGet(150_000_000L); // 200 ms since the first paint
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> paints.get() == 2);
        assertFalse(fx(live::owed), "the owed repaint was made on a pulse");
        Thread.sleep(100);
        assertEquals(2, paints.get(), "one repaint for the whole burst");
        clock.addAndGet(300_000_000L);
        fx(() -> {
            live.changed();
            return null;
        });
        assertEquals(3, paints.get(), "a change a gap after the last paint is painted at once");
    }
}
