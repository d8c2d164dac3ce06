package dev.underlay.ssh.ui;

import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FailureKind;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One host's row in the run view: its state, exit, duration and sentence, updated as the run goes. */
public final class HostRun {
    /** Where a host is in the run. */
    public enum State {
        QUEUED, RUNNING, OK, EXIT, FAILED, CANCELLED;

        /** Sort order of the State column: what needs a look first (failed, exit non-zero), ok last. */
        public int severity() {
            return switch (this) {
                case FAILED -> 0;
                case EXIT -> 1;
                case CANCELLED -> 2;
                case RUNNING -> 3;
                case QUEUED -> 4;
                case OK -> 5;
            };
        }

        /** The CSS id: {@code :run-ok}, {@code :run-failed}... */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String host;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.QUEUED);
    private final ReadOnlyStringWrapper exit = new ReadOnlyStringWrapper(this, "exit", "");
    private final ReadOnlyStringWrapper duration = new ReadOnlyStringWrapper(this, "duration", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private ExecResult result;

    public HostRun(String host) {
        this.host = host;
    }

    public String host() {
        return host;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** "0", "1", "KILL" or "" while running or when the host failed. */
    public ReadOnlyStringProperty exitProperty() {
        return exit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The result once finished, else null. */
    public ExecResult result() {
        return result;
    }

    /** What the state column shows: "ok", "exit 2", "failed"... */
    public String stateText() {
        return state.get() == State.EXIT ? "exit " + exit.get() : state.get().id();
    }

    private static String lines(long n) {
        return n == 1 ? "1 line" : n + " lines";
    }

    void running() {
        if (state.get() == State.QUEUED) {
            state.set(State.RUNNING);
        }
    }

    void finish(ExecResult r) {
        result = r;
        if (r.failure() == FailureKind.CANCELLED) {
            state.set(State.CANCELLED);
        } else if (r.failed()) {
            state.set(State.FAILED);
        } else {
            exit.set(r.exitSignal().isEmpty() ? String.valueOf(r.exitStatus()) : r.exitSignal());
            state.set(r.succeeded() ? State.OK : State.EXIT);
        }
        duration.set(String.format(Locale.ROOT, "%.2f s", r.duration().toMillis() / 1000.0));
        message.set(r.failed() ? Sentences.withoutTarget(host, r.message()) : lines(r.stdoutLines() + r.stderrLines())
                + (r.stderrLines() > 0 ? ", " + r.stderrLines() + " on stderr" : ""));
    }
}
