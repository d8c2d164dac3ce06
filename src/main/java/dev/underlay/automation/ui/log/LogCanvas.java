package dev.underlay.automation.ui.log;

import java.util.List;
import java.util.stream.IntStream;
import javafx.geometry.Orientation;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The log's rows painted on one {@link Canvas} (decision 0025): only the rows in sight are drawn, once a pulse at
 * most, and no node exists per row, so the cost of a pulse does not grow with the log. Scroll bars, the mouse
 * wheel, a selection (click, shift-click, drag) that Copy uses, keys (arrows, PgUp/PgDn, Home, End, Ctrl+A,
 * Ctrl+C), the tail followed unless the person moved away from it, and the focused line as accessible text.
 */
final class LogCanvas extends Region {
    static final double ROW = 18;
    private final JobLogViewModel vm;
    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final LogPalette palette = new LogPalette();
    private final LogPainter painter = new LogPainter(palette);
    private final RowSelection selection = new RowSelection();
    private int top;
    private int columns;
    private int lastMatches;
    private boolean programmatic;
    private boolean dirty = true;

    LogCanvas(JobLogViewModel vm) {
        this.vm = vm;
        getStyleClass().add("log-canvas");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.TEXT);
        setAccessibleRoleDescription("job log");
        vbar.setOrientation(Orientation.VERTICAL);
        hbar.setOrientation(Orientation.HORIZONTAL);
        hbar.setVisible(false);
        vbar.valueProperty().addListener((o, a, b) -> {
            if (!programmatic) {
                top = (int) Math.round(b.doubleValue());
                invalidate();
                userMoved();
            }
        });
        hbar.valueProperty().addListener((o, a, b) -> invalidate());
        getChildren().addAll(canvas, vbar, hbar);
        getChildren().addAll(palette.nodes());
        palette.onChange(this::invalidate);
        vm.revisionProperty().addListener((o, a, b) -> invalidate());
        vm.queryProperty().addListener((o, a, b) -> invalidate());
        vm.rowsProperty().addListener((o, a, b) -> { // a new filter: rows mean other lines now
            selection.clear();
            columns = 0;
            hbar.setVisible(false);
            hbar.setValue(0);
            invalidate();
        });
        vm.jumpProperty().addListener((o, a, j) -> {
            if (j != null && j.row() < vm.rowCount()) {
                reveal(j.row());
                selection.select(j.row());
                focusedLineChanged();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            syncTail();
            userMoved();
        });
        addEventHandler(ScrollEvent.SCROLL, this::wheel);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        setMinSize(120, 3 * ROW);
    }

    /** Rows fully in sight. */
    int visibleRows() {
        return Math.max(1, (int) Math.floor(viewHeight() / ROW));
    }

    int firstVisibleRow() {
        return vm.rowCount() == 0 ? -1 : top;
    }

    /** The last row fully in sight, or -1 without rows. */
    int lastVisibleRow() {
        return vm.rowCount() == 0 ? -1 : Math.min(vm.rowCount() - 1, top + visibleRows() - 1);
    }

    RowSelection selection() {
        return selection;
    }

    /** Matches the last paint highlighted. */
    int paintedMatches() {
        return lastMatches;
    }

    /** The text Copy puts on the clipboard: "host: text" per selected row (empty without a selection). */
    String selectedText() {
        if (selection.isEmpty() || selection.to() >= vm.rowCount()) {
            return "";
        }
        List<Integer> rows = IntStream.rangeClosed(selection.from(), selection.to()).boxed().toList();
        return vm.copy(rows);
    }

    void copySelection() {
        String s = selectedText();
        if (!s.isEmpty()) {
            ClipboardContent c = new ClipboardContent();
            c.putString(s);
            Clipboard.getSystemClipboard().setContent(c);
        }
    }

    /** Paints at the next pulse (several changes in one pulse paint once). */
    void invalidate() {
        dirty = true;
        requestLayout();
    }

    private double viewHeight() {
        return Math.max(0, getHeight() - (hbar.isVisible() ? hbar.prefHeight(-1) : 0));
    }

    @Override
    protected void layoutChildren() {
        double sw = vbar.prefWidth(-1);
        double sh = hbar.isVisible() ? hbar.prefHeight(-1) : 0;
        double w = Math.max(0, getWidth() - sw);
        double h = viewHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        vbar.resizeRelocate(w, 0, sw, h);
        hbar.resizeRelocate(0, h, w, sh);
        int rows = vm.rowCount();
        int shown = visibleRows();
        int last = Math.max(0, rows - shown);
        top = vm.followingProperty().get() ? last : Math.min(top, last);
        programmatic = true;
        try {
            vbar.setMax(last);
            vbar.setVisibleAmount(Math.max(1, Math.min(shown, rows)));
            vbar.setUnitIncrement(1);
            vbar.setBlockIncrement(Math.max(1, shown - 1));
            vbar.setValue(top);
        } finally {
            programmatic = false;
        }
        if (dirty) {
            dirty = false;
            if (paint(w, h, rows)) {
                dirty = true;
                layoutChildren(); // once: the horizontal bar only turns visible here, never back
            }
        }
    }

    /** Paints the rows in sight; true if the horizontal bar has just become needed (lay out and paint again). */
    private boolean paint(double w, double h, int rows) {
        int count = Math.max(0, Math.min(rows - top, (int) Math.ceil(h / ROW)));
        LogPainter.Painted p = painter.paint(canvas.getGraphicsContext2D(), vm, top, count, ROW, w, h,
                hbar.getValue(), selection, vm.queryProperty().get());
        lastMatches = p.matches();
        columns = Math.max(columns, p.columns());
        double content = columns * palette.charWidth() + 2 * LogPainter.PAD;
        hbar.setMax(Math.max(0, content - w));
        hbar.setVisibleAmount(w);
        hbar.setUnitIncrement(palette.charWidth() * 4);
        hbar.setBlockIncrement(Math.max(1, w - 40));
        if (content > w && !hbar.isVisible()) {
            hbar.setVisible(true); // stays until the filter changes, so the view does not jump as rows pass
            return true;
        }
        return false;
    }

    /** Scrolls so that {@code row} is in sight, a few rows below the top. */
    private void reveal(int row) {
        if (row < top || row > lastVisibleRow()) {
            top = Math.max(0, row - 3);
        }
        invalidate();
    }

    private void scrollByUser(int rows) {
        syncTail();
        top = Math.max(0, Math.min(Math.max(0, vm.rowCount() - visibleRows()), top + rows));
        invalidate();
        userMoved();
    }

    /** After the person's wheel, drag, scroll bar or key: follow again only if the end is in sight. */
    private void userMoved() {
        vm.userScrolled(lastVisibleRow());
    }

    /** While following, the view is at the end even if rows came after the last layout. */
    private void syncTail() {
        if (vm.followingProperty().get()) {
            top = Math.max(0, vm.rowCount() - visibleRows());
        }
    }

    private int rowAt(double y) {
        int r = top + (int) Math.floor(Math.max(0, y) / ROW);
        return Math.min(r, vm.rowCount() - 1);
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        int r = rowAt(e.getY());
        if (r < 0) {
            selection.clear();
        } else if (e.isShiftDown()) {
            selection.extendTo(r);
        } else {
            selection.select(r);
        }
        focusedLineChanged();
        invalidate();
    }

    private void dragged(MouseEvent e) {
        if (e.getY() < 0) {
            scrollByUser(-1); // dragging past an edge scrolls a row a drag event
        } else if (e.getY() > canvas.getHeight()) {
            scrollByUser(1);
        }
        int r = rowAt(Math.min(e.getY(), canvas.getHeight() - 1));
        if (r >= 0) {
            selection.extendTo(r);
            focusedLineChanged();
            invalidate();
        }
    }

    private void wheel(ScrollEvent e) {
        if (e.getDeltaX() != 0 || e.isShiftDown()) {
            double dx = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            hbar.setValue(Math.max(0, Math.min(hbar.getMax(), hbar.getValue() - dx)));
        }
        if (e.getDeltaY() != 0 && !e.isShiftDown()) {
            double lines = e.getTextDeltaYUnits() == ScrollEvent.VerticalTextScrollUnits.LINES ? e.getTextDeltaY()
                    : e.getDeltaY() / ROW;
            int n = (int) Math.round(-lines);
            scrollByUser(n == 0 ? (lines > 0 ? -1 : 1) : n);
        }
        e.consume();
    }

    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        boolean shortcut = e.isShortcutDown();
        if (shortcut && k == KeyCode.C) {
            copySelection();
        } else if (shortcut && k == KeyCode.A) {
            selection.selectAll(vm.rowCount());
            focusedLineChanged();
            invalidate();
        } else if (k == KeyCode.PAGE_UP) {
            scrollByUser(-(visibleRows() - 1));
        } else if (k == KeyCode.PAGE_DOWN) {
            scrollByUser(visibleRows() - 1);
        } else if (k == KeyCode.UP) {
            scrollByUser(-1);
        } else if (k == KeyCode.DOWN) {
            scrollByUser(1);
        } else if (k == KeyCode.HOME) {
            scrollByUser(-top);
        } else if (k == KeyCode.END) {
            vm.followTail();
        } else {
            return;
        }
        e.consume();
    }

    /** The focused line, for a screen reader: cheap (one row), said when the selection moves. */
    private void focusedLineChanged() {
        int r = selection.lead();
        if (r < 0 || r >= vm.rowCount()) {
            setAccessibleText(null);
        } else {
            LogLine l = vm.row(r);
            setAccessibleText("row " + (r + 1) + ", " + l.host() + ": " + l.text());
        }
    }
}
