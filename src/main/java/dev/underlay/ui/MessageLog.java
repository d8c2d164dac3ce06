package dev.underlay.ui;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every message the console showed in the status bar this session, newest last, so a long one (a refusal, why
 * the lab did not start) can be read whole and read again after others came. A message that reports a problem
 * is marked, so the status bar can show it as one. Bounded: the oldest go first past {@link #MAX}.
 */
public final class MessageLog {
    /** Messages kept. */
    public static final int MAX = 500;

    private static final List<String> PROBLEM_STARTS = List.of("could not", "cannot", "the lab did not",
            "faults not applied", "export failed", "import failed", "the command did not", "the key was not",
            "refused", "no machine matches");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** One message and when it came. */
    public record Entry(LocalTime at, String text, boolean problem) {
        @Override
        public String toString() {
            return TIME.format(at) + (problem ? "  (problem)  " : "  ") + text;
        }
    }

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();

    /**
     * The read-only view: one wrapper, kept. A new one a call is held by nothing but a weak listener, so a listener
     * added to it (the messages window's) stops hearing after a collection.
     */
    private final ObservableList<Entry> readOnly = FXCollections.unmodifiableObservableList(entries);

    /** Adds a message (FX thread); blank ones are not kept. */
    public Entry add(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Entry e = new Entry(LocalTime.now().withNano(0), text.strip(), isProblem(text));
        entries.add(e);
        if (entries.size() > MAX) {
            entries.remove(0, entries.size() - MAX);
        }
        return e;
    }

    public ObservableList<Entry> entries() {
        return readOnly;
    }

    /** True for a message that says something failed or was refused ("Could not delete ...: ..."). */
    public static boolean isProblem(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (String start : PROBLEM_STARTS) {
            if (t.startsWith(start)) {
                return true;
            }
        }
        return t.contains(" failed:") || t.contains(" did not start");
    }
}
