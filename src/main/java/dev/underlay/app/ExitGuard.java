package dev.underlay.app;

import dev.underlay.db.Database;
import java.io.PrintStream;
import sun.misc.Signal;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What a stop by Ctrl-C or SIGTERM does to an open data folder: new writes are refused, a write in flight is let
 * finish (it is one transaction, and H2 rolls back an unfinished one on the next open anyway), and one line says
 * which of the two the folder now holds. A command that ended normally has closed its folder, so nothing is said.
 */
final class ExitGuard {
    /** How long a write in flight may take to finish after the signal (a 100,000-machine import takes ~3 s). */
    static final long WAIT_MILLIS = 60_000;

    private final AtomicReference<AppContext> open = new AtomicReference<>();
    private final AtomicInteger opening = new AtomicInteger();
    private final AtomicReference<Database.ExitState> closed = new AtomicReference<>();
    private volatile String signal;
    private final PrintStream err;

    private ExitGuard(PrintStream err) {
        this.err = err;
    }

    /**
     * A guard whose shutdown hook is registered with the JVM, with handlers for SIGINT and SIGTERM that exit as the
     * JVM's own do (status 128 + the signal's number) after noting which signal it was: a shutdown hook alone
     * cannot tell a stop from a command's normal end.
     */
    static ExitGuard install(PrintStream err) {
        ExitGuard g = new ExitGuard(err);
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    g.signal = "SIG" + s.getName();
                    Thread t = new Thread(() -> System.exit(128 + s.getNumber()), "underlay-sig" + s.getName());
                    t.setDaemon(true);
                    t.start();
                });
            } catch (IllegalArgumentException e) {
                // the signal was ignored when the JVM started (nohup, a background job): it stays ignored
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(g::onStop, "underlay-stop"));
        return g;
    }

    /** Opens a data folder with {@code opener} and watches it until it is closed. */
    AppContext watch(Supplier<AppContext> opener) {
        opening.incrementAndGet();
        try {
            AppContext ctx = opener.get();
            ctx.onClose(() -> {
                closed.set(ctx.database().stopWrites(0));
                open.compareAndSet(ctx, null);
            });
            open.set(ctx);
            return ctx;
        } finally {
            opening.decrementAndGet();
        }
    }

    private void onStop() {
        if (signal == null) {
            return; // the command ended by itself (or died of an error it has reported)
        }
        AppContext ctx = open.get();
        Database.ExitState state;
        if (ctx != null) {
            state = ctx.database().stopWrites(WAIT_MILLIS);
        } else if (closed.get() != null) {
            state = closed.get(); // the command had finished its work; only its exit was cut short
        } else if (opening.get() > 0) {
            // Database.open creates and migrates beside the real file and moves it into place at the end
            state = Database.ExitState.NOTHING_WRITTEN;
        } else {
            return; // no data folder was touched
        }
        err.println(sentence(state).replace("underlay: stopped", "underlay: stopped by " + signal));
        err.flush();
    }

    /** The one line for each outcome. */
    static String sentence(Database.ExitState state) {
        return switch (state) {
            case NOTHING_WRITTEN -> "underlay: stopped before anything was written; the data folder is unchanged";
            case ALL_SAVED -> "underlay: stopped; every change made was already saved";
            case WRITES_FINISHED -> "underlay: stopped; the change in progress was finished and saved first";
            case STILL_WRITING -> "underlay: stopped while a change was still being written after "
                    + WAIT_MILLIS / 1000 + " s; the next start rolls it back, leaving the data folder as it was";
        };
    }
}
