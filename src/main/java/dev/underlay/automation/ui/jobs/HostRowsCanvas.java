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
 * A canvas of a job's hosts, one row each, grouped by wave under a header row per wave, with a scroll bar: only
 * the rows in sight are drawn, so a thousand hosts cost what forty do. The grid and the timeline draw their cells.
 */
abstract class HostRowsCanvas extends Region {
    static final double ROW = 18;
    static final double HEADER = 24;
    static final double NAME = 170;
    protected final Canvas canvas = new Canvas();
    protected final ScrollBar scroll = new ScrollBar();
    protected final CanvasColours colours;
    protected final Font font = Font.font(12);
    protected JobProgress progress;
    /** Row r shows host rows[r], or the header of wave -rows[r]-1 when negative. */
    protected int[] rows = new int[0];

    HostRowsCanvas(CanvasColours colours) {
        this.colours = colours;
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.valueProperty().addListener((o, a, b) -> redraw());
        getChildren().add(canvas);
        getChildren().add(scroll);
        getChildren().addAll(colours.hiddenSwatches());
        setOnScroll(e -> scroll.setValue(Math.max(scroll.getMin(), Math.min(scroll.getMax(),
                scroll.getValue() - e.getDeltaY()))));
        setMinSize(200, 120);
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
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        scroll.resizeRelocate(w, 0, sw, h);
        double content = rows.length * ROW;
        double view = Math.max(0, h - HEADER);
        scroll.setMax(Math.max(0, content - view));
        scroll.setVisibleAmount(view);
        scroll.setUnitIncrement(ROW);
        scroll.setBlockIncrement(Math.max(ROW, view - ROW));
        redraw();
    }

    /** Draws the rows in sight and the header. */
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
        int first = (int) Math.floor(scroll.getValue() / ROW);
        for (int r = Math.max(0, first); r < rows.length; r++) {
            double y = HEADER + r * ROW - scroll.getValue();
            if (y > h) {
                break;
            }
            if (rows[r] < 0) {
                int wave = -rows[r] - 1;
                g.setFill(colours.muted());
                g.fillText("Wave " + (wave + 1), 6, y + ROW / 2);
                g.setStroke(colours.line());
                g.strokeLine(0, y + 0.5, w, y + 0.5);
            } else {
                g.setFill(colours.text());
                g.fillText(clip(progress.hosts().get(rows[r]), NAME - 10), 6, y + ROW / 2);
                paintRow(g, rows[r], y, w);
            }
        }
        g.setFill(colours.background());
        g.fillRect(0, 0, w, HEADER);
        g.setStroke(colours.line());
        g.strokeLine(0, HEADER - 0.5, w, HEADER - 0.5);
        paintHeader(g, w);
    }

    protected abstract void paintRow(GraphicsContext g, int host, double y, double width);

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
