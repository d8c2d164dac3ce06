package dev.underlay.ui;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Keeps the size a window was shown with. JavaFX 21 on GTK under some window managers (openbox, seen here) lets
 * the window manager's first configure event shrink a window that was just shown: the main window asked for
 * 1440x900 opened at 898x535, a dialog's buttons read "Write JSON to ex…". For a short while after a window is
 * shown, a shrink that nobody asked for (the window is neither maximized, iconified nor full-screen) is undone,
 * a bounded number of times; after that the window is the user's to resize.
 */
public final class WindowSizeKeeper {
    /** How long after showing a shrink is undone. */
    static final long WATCH_NANOS = 2_000_000_000L;
    /** How many shrinks are undone at most per showing. */
    static final int MAX_RESTORES = 4;
    private static final String KEY = WindowSizeKeeper.class.getName();
    private static boolean installed;

    private WindowSizeKeeper() {
    }

    /** Watches every window the application opens from now on, and those open already. Call on the FX thread. */
    public static void install() {
        if (installed) {
            return;
        }
        installed = true;
        Window.getWindows().forEach(WindowSizeKeeper::keep);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(WindowSizeKeeper::keep);
            }
        });
    }

    /** Watches one window: each time it is shown, the size it was shown with is kept for a moment. */
    public static void keep(Window window) {
        if (window.getProperties().containsKey(KEY)) {
            return;
        }
        Watch watch = new Watch(window);
        window.getProperties().put(KEY, watch);
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> watch.start());
        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> watch.stop());
        if (window.isShowing()) {
            watch.start();
        }
    }

    /**
     * Says that the code itself gave {@code window} this size (a remembered placement applied after showing):
     * that is the size to keep from now on.
     */
    public static void want(Window window, double width, double height) {
        if (window.getProperties().get(KEY) instanceof Watch watch) {
            watch.wantWidth = width;
            watch.wantHeight = height;
        }
    }

    /** How many shrinks were undone since {@code window} was last shown (for tests). */
    static int restores(Window window) {
        return window.getProperties().get(KEY) instanceof Watch watch ? watch.restores : 0;
    }

    private static final class Watch {
        private final Window window;
        private final ChangeListener<Number> resized = (o, was, now) -> check();
        private double wantWidth;
        private double wantHeight;
        private long until;
        private int restores;
        private boolean watching;
        private boolean pending;

        Watch(Window window) {
            this.window = window;
        }

        void start() {
            wantWidth = window.getWidth();
            wantHeight = window.getHeight();
            until = System.nanoTime() + WATCH_NANOS;
            restores = 0;
            if (!watching) {
                watching = true;
                window.widthProperty().addListener(resized);
                window.heightProperty().addListener(resized);
            }
        }

        void stop() {
            if (watching) {
                watching = false;
                window.widthProperty().removeListener(resized);
                window.heightProperty().removeListener(resized);
            }
        }

        private void check() {
            if (System.nanoTime() - until > 0 || restores >= MAX_RESTORES) {
                stop();
                return;
            }
            if (window instanceof Stage s && (s.isMaximized() || s.isIconified() || s.isFullScreen())) {
                return;
            }
            if (!smaller()) {
                // grown (a dialog sizing to its content): that size is kept from now on
                wantWidth = Math.max(wantWidth, window.getWidth());
                wantHeight = Math.max(wantHeight, window.getHeight());
                return;
            }
            // one window manager configure arrives as several width and height changes (200x900, 200x200,
            // 202x225...): one restore for them all, after they are handled, not inside them; the wanted size is
            // read then, so that code which sets a size and then calls want() is not undone
            if (!pending) {
                pending = true;
                Platform.runLater(this::restore);
            }
        }

        private boolean smaller() {
            return window.getWidth() < wantWidth - 1 || window.getHeight() < wantHeight - 1;
        }

        private void restore() {
            pending = false;
            if (!watching || !window.isShowing() || !smaller()) {
                return;
            }
            restores++;
            if (window.getWidth() < wantWidth - 1) {
                window.setWidth(wantWidth);
            }
            if (window.getHeight() < wantHeight - 1) {
                window.setHeight(wantHeight);
            }
        }
    }
}
