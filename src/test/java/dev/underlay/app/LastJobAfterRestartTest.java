package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.inventory.Inventory;
import dev.underlay.racks.JobResultColouring;
import dev.underlay.racks.LegendEntry;
import dev.underlay.racks.MachineColouring;
import dev.underlay.racks.Rect;
import dev.underlay.racks.ui.RackElevationCanvas;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;

/**
 * The racks coloured by last job result after the console restarts: a machine a stored job left ok is drawn ok
 * when the data folder is opened again, read from the database, not "no job yet" until the next job runs.
 */
class LastJobAfterRestartTest extends ConsoleFxTest {
    private RackElevationCanvas canvas() {
        return app.window().racksView().canvas();
    }

    private LegendEntry colourOf(MachineColouring c, String machine) {
        Inventory inv = app.context().inventory().inventory();
        return c.entryFor(inv.machines().get(machine), inv);
    }

    private static boolean greenish(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return g > r + 30 && g > b + 20;
    }

    private int pixelOf(String machine) throws Exception {
        Rect r = fx(() -> app.window().racksView().canvasGeometry()).boxesOf(machine).get(0).bounds();
        return fx(() -> {
            Point2D local = canvas().screenToLocal(canvas().screenPoint(r.x() + 6, r.centerY()));
            return canvas().snapshot(null, null).getPixelReader().getArgb((int) local.getX(), (int) local.getY())
                    & 0xFFFFFF;
        });
    }

    @Test
    void aMachineAStoredJobLeftOkIsDrawnOkAfterTheFolderIsOpenedAgain() throws Exception {
        app = console.start(dir);
        waitFor(() -> app.context() != null);
        // a real job, stored by the engine: a dry run renders every step and connects nowhere
        var handle = app.context().jobs().start("command:uptime", JobTarget.query("name:fra1-web01,fra1-web02"),
                JobOptions.DEFAULTS.withDryRun(true), null);
        assertEquals(JobState.SUCCEEDED, handle.done().get(60, TimeUnit.SECONDS));
        console.stop(app);

        app = console.start(dir);
        console.robot.clickOn("#nav-racks");
        waitFor(() -> fx(() -> app.window().racksView().canvasGeometry() != null
                && !app.window().racksView().canvasGeometry().frames().isEmpty()));
        console.robot.clickOn("#rack-fit");
        MachineColouring lastJob = fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<MachineColouring> box = console.robot.lookup("#rack-colouring").queryAs(ComboBox.class);
            MachineColouring c = box.getItems().stream().filter(x -> x.id().equals("last-job")).findFirst()
                    .orElseThrow();
            box.setValue(c);
            return c;
        });
        waitFor(() -> colourOf(lastJob, "fra1-web01") == JobResultColouring.OK);
        assertEquals(JobResultColouring.OK, colourOf(lastJob, "fra1-web02"));
        assertEquals(JobResultColouring.NO_JOB, colourOf(lastJob, "fra1-db01"), "not in the stored job");
        waitFor(() -> greenish(pixelOf("fra1-web01")));
        assertTrue(fx(() -> app.window().topologyView().viewModel().colourings().contains(lastJob)),
                "the topology offers the same colouring");
    }
}
