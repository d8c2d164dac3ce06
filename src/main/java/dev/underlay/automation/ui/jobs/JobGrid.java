package dev.underlay.automation.ui.jobs;

import dev.underlay.ssh.StepState;
import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;

/**
 * The hosts x steps grid: one cell per host and step, filled with its state's colour; a click on a cell chooses
 * that host at that step, on a host's name every step of it. Drawn on a canvas, rows in sight only.
 */
final class JobGrid extends HostRowsCanvas {
    private BiConsumer<String, Integer> onChoose = (h, s) -> { };
    private int chosenHost = -1;
    private int chosenStep = -1;

    JobGrid(CanvasColours colours) {
        super(colours);
        setId("job-grid");
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY || progress == null) {
                return;
            }
            int h = hostAt(e.getY());
            if (h < 0) {
                return;
            }
            int step = e.getX() < NAME ? -1 : (int) Math.floor((e.getX() - NAME) / column());
            if (step >= progress.steps().size()) {
                return;
            }
            choose(h, step);
        });
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

    private double column() {
        int n = Math.max(1, progress.steps().size());
        return Math.max(26, Math.min(200, (canvas.getWidth() - NAME - 4) / n));
    }

    @Override
    protected void paintRow(GraphicsContext g, int host, double y, double width) {
        double c = column();
        for (int k = 0; k < progress.steps().size(); k++) {
            StepState s = progress.cell(host, k);
            g.setFill(colours.state(s));
            g.fillRect(NAME + k * c + 1, y + 2, c - 2, ROW - 4);
        }
        if (host == chosenHost) {
            g.setStroke(colours.accent());
            g.setLineWidth(2);
            if (chosenStep < 0) {
                g.strokeRect(1, y + 1, NAME + progress.steps().size() * c - 2, ROW - 2);
            } else {
                g.strokeRect(NAME + chosenStep * c + 1, y + 1, c - 2, ROW - 2);
            }
            g.setLineWidth(1);
        }
    }

    @Override
    protected void paintHeader(GraphicsContext g, double width) {
        double c = column();
        g.setFill(colours.muted());
        g.fillText("Host", 6, HEADER / 2);
        for (int k = 0; k < progress.steps().size(); k++) {
            g.fillText(clip((k + 1) + " " + progress.steps().get(k), c - 4), NAME + k * c + 2, HEADER / 2);
        }
    }

    /** Where the cell of {@code host} at {@code step} is, in this grid's coordinates (scrolled into sight). */
    Point2D cellCentre(String host, int step) {
        int h = progress == null ? -1 : progress.hostIndex(host);
        if (h < 0) {
            throw new IllegalArgumentException("host " + host + " is not in the job");
        }
        double y = reveal(h);
        return new Point2D(NAME + (step + 0.5) * column(), y);
    }
}
