package dev.underlay.automation.ui.jobs;

import dev.underlay.ssh.StepState;
import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.util.Duration;

/**
 * The hosts x steps grid: one cell per host and step, filled with its state's colour; a click on a cell chooses
 * that host at that step, on a host's name every step of it. Steps that do not fit scroll sideways under the
 * frozen host column; a hovered cell or step header says the step's whole name. Drawn on a canvas, the rows and
 * columns in sight only.
 */
final class JobGrid extends HostRowsCanvas {
    static final double MIN_COLUMN = 26;
    static final double MAX_COLUMN = 200;
    private BiConsumer<String, Integer> onChoose = (h, s) -> { };
    private int chosenHost = -1;
    private int chosenStep = -1;
    private final Tooltip tip = new Tooltip();

    JobGrid(CanvasColours colours) {
        super(colours);
        setId("job-grid");
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY || progress == null) {
                return;
            }
            int h = hostAt(e.getY());
            int step = stepAt(e.getX());
            if (h < 0 || step == Integer.MIN_VALUE) {
                return;
            }
            choose(h, step);
        });
        tip.setShowDelay(Duration.millis(400));
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> tip.setText(tipAt(e.getX(), e.getY())));
    }

    void setOnChoose(BiConsumer<String, Integer> c) {
        onChoose = c;
    }

    void choose(int host, int step) {
        chosenHost = host;
        chosenStep = step;
        redraw();
        onChoose.accept(progress.hosts().get(host), step);
    }

    /** The step whose column is at x in the canvas (scroll included), -1 on the host column, MIN_VALUE past them. */
    int stepAt(double x) {
        if (x < name) {
            return -1;
        }
        int step = (int) Math.floor((x - name + xOffset()) / column());
        return step < progress.steps().size() ? step : Integer.MIN_VALUE;
    }

    private String tipAt(double x, double y) {
        if (progress == null) {
            return null;
        }
        int step = stepAt(x);
        int h = hostAt(y);
        if (step < 0) {
            return h < 0 ? null : progress.hosts().get(h);
        }
        String label = "step " + (step + 1) + " " + progress.steps().get(step);
        return h < 0 ? label : progress.hosts().get(h) + " at " + label + ": " + progress.cell(h, step).id();
    }

    private double column() {
        int n = Math.max(1, progress.steps().size());
        return Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, (canvas.getWidth() - name - 4) / n));
    }

    @Override
    protected double contentWidth(double view) {
        int n = Math.max(1, progress.steps().size());
        return n * Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, (view - 4) / n)) + 4;
    }

    /** The first and past-the-last step whose columns are in sight. */
    private int[] columnsInSight(double c, double width) {
        int from = Math.max(0, (int) Math.floor(xOffset() / c));
        int to = Math.min(progress.steps().size(), (int) Math.ceil((xOffset() + width - name) / c));
        return new int[] {from, to};
    }

    private double left(int step, double c) {
        return name + step * c - xOffset();
    }

    @Override
    protected void paintRow(GraphicsContext g, int host, double y, double width) {
        double c = column();
        int[] in = columnsInSight(c, width);
        for (int k = in[0]; k < in[1]; k++) {
            StepState s = progress.cell(host, k);
            g.setFill(colours.state(s));
            g.fillRect(left(k, c) + 1, y + 2, c - 2, ROW - 4);
        }
        if (host == chosenHost && chosenStep >= 0) {
            g.setStroke(colours.accent());
            g.setLineWidth(2);
            g.strokeRect(left(chosenStep, c) + 1, y + 1, c - 2, ROW - 2);
            g.setLineWidth(1);
        }
    }

    @Override
    protected void paintRowOver(GraphicsContext g, int host, double y) {
        if (host == chosenHost && chosenStep < 0) {
            g.setStroke(colours.accent());
            g.setLineWidth(2);
            g.strokeRect(1, y + 1, Math.min(canvas.getWidth(), left(progress.steps().size(), column())) - 2, ROW - 2);
            g.setLineWidth(1);
        }
    }

    @Override
    protected void paintHeader(GraphicsContext g, double width) {
        double c = column();
        int[] in = columnsInSight(c, width);
        g.setFill(colours.muted());
        for (int k = in[0]; k < in[1]; k++) {
            g.fillText(clip((k + 1) + " " + progress.steps().get(k), c - 4), left(k, c) + 2, HEADER / 2);
        }
    }

    /** Scrolls sideways so that the step's column is in sight; its centre x in the canvas. */
    double revealStep(int step) {
        double c = column();
        double x = step * c;
        double view = Math.max(c, canvas.getWidth() - name);
        if (hscroll.isVisible() && (x < hscroll.getValue() || x + c > hscroll.getValue() + view)) {
            hscroll.setValue(Math.min(hscroll.getMax(), Math.max(0, x + c / 2 - view / 2)));
        }
        return left(step, c) + c / 2;
    }

    /** Where the cell of {@code host} at {@code step} is, in this grid's coordinates (scrolled into sight). */
    Point2D cellCentre(String host, int step) {
        int h = progress == null ? -1 : progress.hostIndex(host);
        if (h < 0) {
            throw new IllegalArgumentException("host " + host + " is not in the job");
        }
        double y = reveal(h);
        double x = step < 0 ? name / 2 : revealStep(step);
        return new Point2D(x, y);
    }
}
