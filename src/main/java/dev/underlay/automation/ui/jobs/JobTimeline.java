package dev.underlay.automation.ui.jobs;

import java.time.Instant;
import javafx.scene.canvas.GraphicsContext;

/**
 * The timeline (Gantt) of a job: each host's steps as bars from their start to their end (or now, while they
 * run), coloured by state, on one time axis from the job's start that fits the view's width (however many steps:
 * it never scrolls sideways, and a narrow view gets fewer ticks). Rows in sight only.
 */
final class JobTimeline extends HostRowsCanvas {
    private Instant now = Instant.now();

    JobTimeline(CanvasColours colours) {
        super(colours);
        setId("job-timeline");
    }

    void show(JobProgress p, Instant at) {
        now = at;
        show(p);
    }

    private double spanMillis() {
        return Math.max(1000, progress.elapsed(now).toMillis());
    }

    private double x(Instant t, double width) {
        double ms = t.toEpochMilli() - progress.summary().created().toEpochMilli();
        return name + Math.max(0, ms) / spanMillis() * Math.max(1, width - name - 8);
    }

    /** The time axis always fits the view: nothing scrolls sideways. */
    @Override
    protected double contentWidth(double view) {
        return view;
    }

    @Override
    protected void paintRow(GraphicsContext g, int host, double y, double width) {
        Instant end = progress.state().isFinal() ? progress.summary().created().plus(progress.elapsed(now)) : now;
        for (int k = 0; k < progress.steps().size(); k++) {
            Instant s = progress.cellStarted(host, k);
            if (s == null) {
                continue;
            }
            Instant e = progress.cellEnded(host, k);
            double x0 = x(s, width);
            double x1 = Math.max(x0 + 2, x(e == null ? end : e, width));
            g.setFill(colours.state(progress.cell(host, k)));
            g.fillRect(x0, y + 3, x1 - x0, ROW - 6);
        }
    }

    @Override
    protected void paintHeader(GraphicsContext g, double width) {
        g.setFill(colours.muted());
        double span = spanMillis();
        double axis = Math.max(1, width - name - 8);
        int ticks = Math.max(1, Math.min(4, (int) (axis / 70))); // a label needs about 70 px
        for (int i = 0; i <= ticks; i++) {
            double px = name + (double) i / ticks * axis;
            g.setStroke(colours.line());
            g.strokeLine(px + 0.5, HEADER - 6, px + 0.5, HEADER);
            String t = Durations.text(java.time.Duration.ofMillis((long) (span * i / ticks)));
            if (i == ticks) { // the last tick's label ends at it, inside the canvas
                g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
                g.fillText(t, px - 2, HEADER / 2);
                g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
            } else {
                g.fillText(t, px + 2, HEADER / 2);
            }
        }
    }
}
