package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Inventory;
import dev.underlay.racks.ElevationGeometry;
import dev.underlay.racks.JobResultColouring;
import dev.underlay.racks.LegendEntry;
import dev.underlay.racks.MachineColouring;
import dev.underlay.racks.RackFrame;
import dev.underlay.racks.Rect;
import dev.underlay.racks.SideBySideLayout;
import dev.underlay.racks.ui.RackElevationCanvas;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The job flow started from the rack, as issue 14 names it: a range of U dragged along rack 1's U numbers selects
 * four lab workers, the health workflow runs on them from the rack's context menu, the rack coloured by last job
 * result recolours live while it runs and ends green but for the host given a full disk, whose log opens from its
 * red cell in the job window, and whose failure group is rerun until the rack is all green.
 */
class RackJobFlowTest extends JobFlowFixture {
    private static final Set<String> WORKERS = Set.of("fra1-k8s-w01", "fra1-k8s-w02", "fra1-k8s-w03",
            "fra1-k8s-w04");

    private RackElevationCanvas canvas() {
        return app.window().racksView().canvas();
    }

    private ElevationGeometry geometry() throws Exception {
        return fx(() -> app.window().racksView().canvasGeometry());
    }

    private Point2D gutterAt(String rack, int u) throws Exception {
        RackFrame f = geometry().frame(rack);
        return fx(() -> canvas().screenPoint(f.gutter().centerX(), f.yOfU(u) + SideBySideLayout.U_PX / 2));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<MachineColouring> colouringBox() {
        return console.robot.lookup("#rack-colouring").queryAs(ComboBox.class);
    }

    private LegendEntry colourOf(MachineColouring c, String machine) {
        Inventory inv = app.context().inventory().inventory();
        return c.entryFor(inv.machines().get(machine), inv);
    }

    /** The colour the canvas shows in the middle of {@code machine}'s box, as 0xRRGGBB. */
    private int pixelOf(String machine) throws Exception {
        Rect r = geometry().boxesOf(machine).get(0).bounds();
        return fx(() -> {
            Point2D local = canvas().screenToLocal(canvas().screenPoint(r.x() + 6, r.centerY()));
            return canvas().snapshot(null, null).getPixelReader().getArgb((int) local.getX(), (int) local.getY())
                    & 0xFFFFFF;
        });
    }

    private static boolean greenish(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return g > r + 30 && g > b + 20;
    }

    private static boolean reddish(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return r > g + 60 && r > b + 60;
    }

    @Test
    void selectARangeOfUInTheRackRunHealthFromItsMenuWatchTheRackRecolourOpenTheFailedCellAndRerun()
            throws Exception {
        openWithFaultyLab();
        console.robot.clickOn("#nav-racks");
        waitFor(() -> geometry() != null && !geometry().frames().isEmpty());
        console.robot.clickOn("#rack-fit");
        waitFor(() -> fx(() -> canvas().getWidth() > 0));
        MachineColouring lastJob = fx(() -> colouringBox().getItems().stream()
                .filter(c -> c.id().equals("last-job")).findFirst().orElseThrow());
        fx(() -> {
            colouringBox().setValue(lastJob);
            return null;
        });
        assertEquals(JobResultColouring.NO_JOB, colourOf(lastJob, "fra1-k8s-w01"), "no job has run yet");
        // every colour w01 takes, as the engine reports it (on I/O threads), to see it change while the job runs
        List<LegendEntry> seen = new CopyOnWriteArrayList<>();
        lastJob.onChange(() -> seen.add(colourOf(lastJob, "fra1-k8s-w01")));

        // rack 1 holds w01..w06 from U1 up, 2U each: U1 to U8 is w01..w04
        console.robot.drag(gutterAt("fra1-r01", 8), MouseButton.PRIMARY).moveTo(gutterAt("fra1-r01", 1)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> fx(() -> app.window().racksView().selection().equals(WORKERS)));

        Rect w03 = geometry().boxesOf("fra1-k8s-w03").get(0).bounds();
        Point2D onW03 = fx(() -> canvas().screenPoint(w03.centerX(), w03.centerY()));
        contextMenuOn(canvas(), () -> {
            Point2D local = canvas().screenToLocal(onW03);
            canvas().fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(),
                    local.getY(), onW03.getX(), onW03.getY(), false, null));
        });
        assertEquals(WORKERS, fx(() -> app.window().racksView().selection()), "the selection stays");
        startHealthFromTheMenu("fra1-k8s-w[01-04]", 4);

        var window = awaitFailed();
        assertEquals("0 queued, 0 running, 3 ok, 1 failed, 0 skipped, 0 cancelled", newest("job-counts"));
        waitFor(() -> colourOf(lastJob, "fra1-k8s-w01") == JobResultColouring.OK);
        assertTrue(seen.contains(JobResultColouring.RUNNING), "w01 was drawn running before it was ok: " + seen);
        assertEquals(JobResultColouring.FAILED, colourOf(lastJob, FAULTY));
        // the canvas redrew at a pulse: the boxes themselves are green and red
        waitFor(() -> greenish(pixelOf("fra1-k8s-w01")) && greenish(pixelOf("fra1-k8s-w04")));
        assertTrue(reddish(pixelOf(FAULTY)), Integer.toHexString(pixelOf(FAULTY)));
        assertEquals(JobResultColouring.NO_JOB, colourOf(lastJob, "fra1-k8s-w05"), "not in the job");
        shootScene(fx(() -> canvas().getScene()), "racks-last-job.png");

        openFaultyCell(window);
        rerunTheFailedGroup();
        waitFor(() -> colourOf(lastJob, FAULTY) == JobResultColouring.OK);
        waitFor(() -> greenish(pixelOf(FAULTY)));
    }
}
