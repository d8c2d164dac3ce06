package dev.underlay.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Cell;

/**
 * Records every change to the style classes of the cells under a root while it watches. A cell that removes and
 * adds a style class in {@code updateItem} has JavaFX restyle it and its children from scratch on every update
 * (the job window's output groups did, many times a second while a job ran: JFR, issue 14); a pseudo-class says
 * the same for a fraction of the work. FX thread.
 */
final class StyleClassChurn implements AutoCloseable {
    private final List<String> changes = new ArrayList<>();
    private final List<Runnable> undo = new ArrayList<>();

    private StyleClassChurn() {
    }

    /** Watches the cells under {@code root} now (the ones a virtualized control has made so far). */
    static StyleClassChurn watch(Node root) {
        StyleClassChurn c = new StyleClassChurn();
        for (Node n : root.lookupAll(".cell")) {
            if (n instanceof Cell<?> cell) {
                ListChangeListener<String> l = ch -> {
                    while (ch.next()) {
                        c.changes.add(String.format(Locale.ROOT, "%s in %s: %s%s", cell.getClass().getName(),
                                owner(cell), ch.getRemoved().isEmpty() ? "" : "-" + ch.getRemoved() + " ",
                                ch.getAddedSubList().isEmpty() ? "" : "+" + ch.getAddedSubList()));
                    }
                };
                cell.getStyleClass().addListener(l);
                c.undo.add(() -> cell.getStyleClass().removeListener(l));
            }
        }
        if (c.undo.isEmpty()) {
            throw new IllegalStateException("no cells under " + root + " to watch");
        }
        return c;
    }

    private static String owner(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getId() != null && p instanceof javafx.scene.control.Control && !(p instanceof Cell<?>)) {
                return "#" + p.getId();
            }
        }
        return "?";
    }

    /** How many cells are watched. */
    int cells() {
        return undo.size();
    }

    /** The changes seen, one line each (the first 12; empty when none). */
    List<String> changes() {
        return List.copyOf(changes.subList(0, Math.min(12, changes.size())));
    }

    @Override
    public void close() {
        undo.forEach(Runnable::run);
    }
}
