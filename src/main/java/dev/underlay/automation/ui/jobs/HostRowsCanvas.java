package dev.underlay.automation.ui.jobs;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A canvas of a job's hosts, one row each, grouped by wave under a header row per wave, with scroll bars: only
 * the rows in sight are drawn, so a thousand hosts cost what forty do. The host names stay in a column on the left
 * (frozen, as a spreadsheet's first column) while what is right of it scrolls sideways when it is wider than the
 * view (the grid's steps): the horizontal bar, shift+wheel or a touchpad's sideways swipe. The grid and the
 * timeline draw their cells; {@link #xOffset()} is the sideways scroll to draw and hit-test with.
 */
abstract class HostRowsCanvas extends Region {
    static final double ROW = 18;
    static final double HEADER = 24;
    /** The host column's width, where the window is wide enough; narrower windows give it less. */
    static final double NAME = 170;
    static final double MIN_NAME = 90;
    protected final Canvas canvas = new Canvas();
    protected final ScrollBar scroll = new ScrollBar();
    protected final ScrollBar hscroll = new ScrollBar();
    protected final CanvasColours colours;
    protected final Font font = Font.font(12);
    protected JobProgress progress;
    /** Row r shows host rows[r], or the header of wave -rows[r]-1 when negative. */
    protected int[] rows = new int[0];
    /** The host column's width now (see {@link #nameWidth(double)}). */
    protected double name = NAME;

    HostRowsCanvas(CanvasColours colours) {
        this.colours = colours;
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.valueProperty().addListener((o, a, b) -> redraw());
        hscroll.setOrientation(Orientation.HORIZONTAL);
        hscroll.valueProperty().addListener((o, a, b) -> redraw());
        hscroll.setVisible(false);
        getChildren().add(canvas);
        getChildren().addAll(scroll, hscroll);
        getChildren().addAll(colours.hiddenSwatches());
        setOnScroll(e -> {
            double dx = e.getDeltaX();
            double dy = e.getDeltaY();
            if (e.isShiftDown() && dx == 0) { // a mouse wheel with shift held scrolls sideways
                dx = dy;
                dy = 0;
            }
            scrollBy(scroll, -dy);
            if (hscroll.isVisible()) {
                scrollBy(hscroll, -dx);
            }
        });
        setMinSize(200, 120);
    }

    private static void scrollBy(ScrollBar bar, double delta) {
        if (delta != 0) {
            bar.setValue(Math.max(bar.getMin(), Math.min(bar.getMax(), bar.getValue() + delta)));
        }
    }

    /** What a right click on a host's row (the grid's cells, the timeline's bars) asks for. */
    interface HostMenu {
        void show(String host, javafx.scene.Node anchor, double screenX, double screenY);
    }

    /** Asks {@code menu} for a host's context menu when one is requested over that host's row. */
    void setOnHostMenu(HostMenu menu) {
        canvas.setOnContextMenuRequested(e -> {
            int h = progress == null ? -1 : hostAt(e.getY());
            if (h >= 0) {
                menu.show(progress.hosts().get(h), canvas, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    void show(JobProgress p) {
        if (p != progress) {
            progress = p;
            rows = rowsOf(p);
            requestLayout();
        }
        redraw();
    }

    static int[] rowsOf(JobProgress p) {
        List<Integer> out = new ArrayList<>();
        List<List<Integer>> byWave = new ArrayList<>();
        for (int w = 0; w < p.waves(); w++) {
            byWave.add(new ArrayList<>());
        }
        for (int h = 0; h < p.hosts().size(); h++) {
            byWave.get(p.wave(h)).add(h);
        }
        for (int w = 0; w < byWave.size(); w++) {
            if (byWave.get(w).isEmpty()) {
                continue;
            }
            if (p.waves() > 1) {
                out.add(-w - 1);
            }
            out.addAll(byWave.get(w));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    protected void layoutChildren() {
        double sw = scroll.prefWidth(-1);
        double w = Math.max(0, getWidth() - sw);
        name = nameWidth(w);
        double view = Math.max(0, w - name);
        double wide = progress == null ? 0 : contentWidth(view);
        boolean sideways = wide > view + 0.5;
        double sh = sideways ? hscroll.prefHeight(-1) : 0;
        double h = Math.max(0, getHeight() - sh);
        canvas.setWidth(w);
        canvas.setHeight(h);
        scroll.resizeRelocate(w, 0, sw, h);
        hscroll.setVisible(sideways);
        hscroll.resizeRelocate(name, h, view, sh);
        hscroll.setMax(sideways ? wide - view : 0);
        hscroll.setVisibleAmount(view);
        hscroll.setUnitIncrement(ROW * 2);
        hscroll.setBlockIncrement(Math.max(ROW, view - ROW));
        hscroll.setValue(Math.min(hscroll.getValue(), hscroll.getMax()));
        double content = rows.length * ROW;
        double rowsView = Math.max(0, h - HEADER);
        scroll.setMax(Math.max(0, content - rowsView));
        scroll.setVisibleAmount(rowsView);
        scroll.setUnitIncrement(ROW);
        scroll.setBlockIncrement(Math.max(ROW, rowsView - ROW));
        scroll.setValue(Math.min(scroll.getValue(), scroll.getMax()));
        redraw();
    }

    /** The host column's width in a canvas {@code width} wide: 170 px, but never more than 40% of a narrow one. */
    static double nameWidth(double width) {
        return Math.max(MIN_NAME, Math.min(NAME, Math.floor(width * 0.4)));
    }

    /** How wide what is right of the host column is, for a view of {@code view} px: more than it scrolls. */
    protected abstract double contentWidth(double view);

    /** How far what is right of the host column is scrolled sideways, in px. */
    final double xOffset() {
        return hscroll.isVisible() ? hscroll.getValue() : 0;
    }

    /** Draws the rows in sight, their host names over them in the frozen column, and the header. */
    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(colours.background());
        g.fillRect(0, 0, w, h);
        if (progress == null) {
            return;
        }
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        int first = Math.max(0, (int) Math.floor(scroll.getValue() / ROW));
        int last = Math.min(rows.length, (int) Math.ceil((scroll.getValue() + h - HEADER) / ROW) + 1);
        for (int r = first; r < last; r++) {
            if (rows[r] >= 0) {
                paintRow(g, rows[r], HEADER + r * ROW - scroll.getValue(), w);
            }
        }
        // the frozen column, over whatever scrolled under it
        g.setFill(colours.background());
        g.fillRect(0, HEADER, name, h - HEADER);
        for (int r = first; r < last; r++) {
            double y = HEADER + r * ROW - scroll.getValue();
            if (rows[r] < 0) {
                g.setFill(colours.muted());
                g.fillText("Wave " + (-rows[r]), 6, y + ROW / 2);
                g.setStroke(colours.line());
                g.strokeLine(0, y + 0.5, w, y + 0.5);
            } else {
                g.setFill(colours.text());
                g.fillText(clip(progress.hosts().get(rows[r]), name - 10), 6, y + ROW / 2);
                paintRowOver(g, rows[r], y);
            }
        }
        g.setStroke(colours.line());
        g.strokeLine(name - 0.5, HEADER, name - 0.5, h);
        g.setFill(colours.background());
        g.fillRect(0, 0, w, HEADER);
        paintHeader(g, w);
        g.setFill(colours.background());
        g.fillRect(0, 0, name, HEADER);
        g.setFill(colours.muted());
        g.fillText("Host", 6, HEADER / 2);
        g.setStroke(colours.line());
        g.strokeLine(0, HEADER - 0.5, w, HEADER - 0.5);
    }

    /** Paints a host's row right of the host column, shifted left by {@link #xOffset()}; the names go over it. */
    protected abstract void paintRow(GraphicsContext g, int host, double y, double width);

    /** Paints over a host's row once its name is drawn (a mark that spans the frozen column); nothing by default. */
    protected void paintRowOver(GraphicsContext g, int host, double y) {
    }

    /** Paints the header right of the host column, shifted left by {@link #xOffset()}. */
    protected abstract void paintHeader(GraphicsContext g, double width);

    /** The host at a y in the canvas, or -1 (a wave header, the header, below the last row). */
    int hostAt(double y) {
        if (y < HEADER) {
            return -1;
        }
        int r = (int) Math.floor((y - HEADER + scroll.getValue()) / ROW);
        return r >= 0 && r < rows.length ? rows[r] : -1;
    }

    /** Scrolls so that the host's row is in sight; its row's centre y in the canvas, or NaN. */
    double reveal(int host) {
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == host) {
                double top = r * ROW;
                double view = Math.max(ROW, canvas.getHeight() - HEADER);
                if (top < scroll.getValue() || top + ROW > scroll.getValue() + view) {
                    scroll.setValue(Math.min(scroll.getMax(), Math.max(0, top - view / 2)));
                }
                return HEADER + top - scroll.getValue() + ROW / 2;
            }
        }
        return Double.NaN;
    }

    /** Text cut to fit about {@code width} pixels (7 px a character at 12 px). */
    static String clip(String s, double width) {
        int max = Math.max(1, (int) (width / 7));
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "\u2026";
    }
}
