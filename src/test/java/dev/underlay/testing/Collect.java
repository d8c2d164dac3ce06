package dev.underlay.testing;

import java.lang.ref.WeakReference;

/** Full collections until a weakly held object is gone: what only a weak reference held is gone too. */
public final class Collect {
    private Collect() {
    }

    /** Collects (at most 50 tries); false if the canary survived every one (a JVM that ignores System.gc). */
    public static boolean weaklyHeld() throws InterruptedException {
        WeakReference<Object> canary = new WeakReference<>(new Object());
        for (int i = 0; i < 50 && canary.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        return canary.get() == null;
    }
}
