package dev.underlay.automation.ui.jobs;

import java.time.Instant;
import javafx.scene.canvas.GraphicsContext;

/**
 * The timeline (Gantt) of a job: each host's steps as bars from their start to their end (or now, while they
 * run), coloured by state, on one time axis from the job's start. Rows in sight only.
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
        return NAME + Math.max(0, ms) / spanMillis() * (width - NAME - 8);
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
        g.fillText("Host", 6, HEADER / 2);
        double span = spanMillis();
        for (int i = 0; i <= 4; i++) {
            double px = NAME + i / 4.0 * (width - NAME - 8);
            g.setStroke(colours.line());
            g.strokeLine(px + 0.5, HEADER - 6, px + 0.5, HEADER);
            g.fillText(Durations.text(java.time.Duration.ofMillis((long) (span * i / 4))), px + 2, HEADER / 2);
        }
    }
}
