package dev.underlay.automation.ui.log;

import dev.underlay.automation.jobs.log.Ansi;
import dev.underlay.automation.jobs.log.LogSearch;
import dev.underlay.automation.jobs.log.LogStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One row: time, host, step, a stderr or system mark, then the text in its ANSI colours, with the search's
 * matches highlighted behind it. Built from the view model when the row comes into view, never kept for rows out
 * of view (the ListView recycles a screenful of these).
 */
final class LogCell extends ListCell<Integer> {
    static final String ROW = "log-row";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private final JobLogViewModel vm;
    private final Supplier<String> query;
    private final Line line = new Line();

    LogCell(JobLogViewModel vm, Supplier<String> query) {
        this.vm = vm;
        this.query = query;
        getStyleClass().add(ROW);
        setText(null);
    }

    @Override
    protected void updateItem(Integer row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null || row >= vm.rowCount()) {
            setGraphic(null);
            return;
        }
        line.show(vm.row(row), query.get(), vm.hosts().size() > 1);
        setGraphic(line);
    }

    /** The text of a row and the highlight of its matches (drawn once the flow is laid out). */
    private static final class Line extends Pane {
        private final TextFlow flow = new TextFlow();
        private final Path marks = new Path();
        private int textStart;
        private int[] matches = new int[0];

        Line() {
            marks.getStyleClass().add("log-match");
            marks.setManaged(false);
            getChildren().addAll(marks, flow);
        }

        void show(LogLine l, String query, boolean withHost) {
            List<Node> parts = new ArrayList<>();
            StringBuilder prefix = new StringBuilder();
            parts.add(text(TIME.format(l.at()) + " ", "log-time"));
            prefix.append(TIME.format(l.at())).append(' ');
            if (withHost) {
                parts.add(text(l.host() + " ", "log-host"));
                prefix.append(l.host()).append(' ');
            }
            String step = "[" + (l.step() + 1) + "] ";
            parts.add(text(step, "log-step"));
            prefix.append(step);
            if (l.stream() != LogStream.STDOUT) {
                String mark = l.stream() == LogStream.STDERR ? "err " : "--- ";
                parts.add(text(mark, l.stream() == LogStream.STDERR ? "log-stderr" : "log-system"));
                prefix.append(mark);
            }
            textStart = prefix.length();
            addRuns(parts, l);
            reuse(parts);
            matches = LogSearch.ranges(l.text(), query);
            marks.getElements().clear();
            requestLayout();
        }

        private static void addRuns(List<Node> parts, LogLine l) {
            String t = l.text();
            String base = l.stream() == LogStream.SYSTEM ? "log-system" : l.stream() == LogStream.STDERR
                    ? "log-stderr-text" : "log-text";
            int[] r = l.runs();
            if (r == null) {
                parts.add(text(t, base));
                return;
            }
            if (r[0] > 0) {
                parts.add(text(t.substring(0, Math.min(r[0], t.length())), base));
            }
            for (int i = 0; i < r.length; i += 2) {
                int from = Math.min(r[i], t.length());
                int to = i + 2 < r.length ? Math.min(r[i + 2], t.length()) : t.length();
                if (to <= from) {
                    continue;
                }
                Text piece = text(t.substring(from, to), base);
                int colour = Ansi.colour(r[i + 1]);
                if (colour >= 0) {
                    piece.getStyleClass().add("ansi-" + colour);
                }
                if (Ansi.bold(r[i + 1])) {
                    piece.getStyleClass().add("ansi-bold");
                }
                parts.add(piece);
            }
        }

        /** Keeps the flow's Text nodes and changes only their text and classes: no new nodes, less CSS a pulse. */
        private void reuse(List<Node> parts) {
            List<Node> have = flow.getChildren();
            for (int i = 0; i < parts.size(); i++) {
                Text want = (Text) parts.get(i);
                if (i < have.size()) {
                    Text t = (Text) have.get(i);
                    if (!t.getText().equals(want.getText())) {
                        t.setText(want.getText());
                    }
                    if (!t.getStyleClass().equals(want.getStyleClass())) {
                        t.getStyleClass().setAll(want.getStyleClass());
                    }
                } else {
                    have.add(want);
                }
            }
            if (have.size() > parts.size()) {
                have.subList(parts.size(), have.size()).clear();
            }
        }

        private static Text text(String s, String style) {
            Text t = new Text(s);
            t.getStyleClass().add(style);
            return t;
        }

        @Override
        protected void layoutChildren() {
            flow.resizeRelocate(0, 0, Math.max(getWidth(), flow.prefWidth(-1)), getHeight());
            flow.layout();
            marks.getElements().clear();
            for (int i = 0; i < matches.length; i += 2) {
                PathElement[] shape = flow.rangeShape(textStart + matches[i], textStart + matches[i + 1]);
                marks.getElements().addAll(shape);
            }
        }

        @Override
        protected double computePrefWidth(double height) {
            return flow.prefWidth(height);
        }

        @Override
        protected double computePrefHeight(double width) {
            return flow.prefHeight(-1);
        }
    }
}
