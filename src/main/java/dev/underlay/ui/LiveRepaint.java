package dev.underlay.ui;

import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;

/**
 * Spaces out the repaints that live state asks for (a job's hosts changing colour in the racks or the topology):
 * the first at once, the rest at most one per {@code gapMillis}, the last one always painted. A user's own action
 * (a click, a drag, a zoom) repaints at once as before; only the stream of recolours is spaced. Why: a full canvas
 * of a thousand machines redrawn every pulse cost the render thread up to 100 ms a frame on the software pipeline,
 * and the FX thread waits for the last frame before it starts a new one (issue 14's live job benchmark). FX thread.
 */
public final class LiveRepaint {
    private final Runnable repaint;
    private final long gapNanos;
    private final LongSupplier clock;
    private long last = Long.MIN_VALUE;
    private boolean owed;
    private final AnimationTimer later = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (owed && clock.getAsLong() - last >= gapNanos) {
                fire();
            }
        }
    };

    /** Spaced by {@code gapMillis} on {@link System#nanoTime()}. */
    public LiveRepaint(long gapMillis, Runnable repaint) {
        this(gapMillis, repaint, System::nanoTime);
    }

    /** With a clock of nanoseconds (tests). */
    public LiveRepaint(long gapMillis, Runnable repaint, LongSupplier clock) {
        this.repaint = repaint;
        this.gapNanos = gapMillis * 1_000_000L;
        this.clock = clock;
    }

    /** Live state changed: repaints now if the last live repaint is a gap ago, else once the gap is over. */
    public void changed() {
        if (last == Long.MIN_VALUE || clock.getAsLong() - last >= gapNanos) {
            fire();
        } else if (!owed) {
            owed = true;
            later.start();
        }
    }

    /** Whether a repaint is waiting for its gap to end. */
    public boolean owed() {
        return owed;
    }

    private void fire() {
        owed = false;
        later.stop();
        last = clock.getAsLong();
        repaint.run();
    }
}
