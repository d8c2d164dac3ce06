package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * Found by walking the menus as a new user: the View menu had no way to the Jobs area, Edit offered "Delete
 * selected machines…" with none selected, and the tool windows did not close from the keyboard.
 */
class WindowKeysFlowTest extends ConsoleFxTest {
    private MenuItem menuItem(String menu, String item) throws Exception {
        return fx(() -> {
            MenuBar bar = (MenuBar) console.robot.lookup("#menu-bar").query();
            Menu m = bar.getMenus().stream().filter(x -> x.getText().replace("_", "").equals(menu)).findFirst()
                    .orElseThrow();
            return m.getItems().stream().filter(i -> item.equals(i.getText())).findFirst().orElseThrow();
        });
    }

    private long windowsTitled(String prefix) throws Exception {
        return fx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w instanceof Stage s
                && s.getTitle() != null && s.getTitle().startsWith(prefix)).count());
    }

    @Test
    void theViewMenuOpensTheJobsArea() throws Exception {
        app = console.start(dir);
        MenuItem jobs = menuItem("View", "Jobs"); // not the sidebar's "Jobs": the menu's own item
        fx(() -> {
            jobs.fire();
            return null;
        });
        waitFor(() -> fx(() -> "jobs".equals(app.window().root().shown())));
    }

    @Test
    void deleteIsOfferedOnlyWithMachinesSelected() throws Exception {
        app = console.start(dir);
        console.robot.clickOn("Edit");
        waitFor(() -> menuItem("Edit", "Delete selected machines…").isDisable());
        console.robot.type(KeyCode.ESCAPE);
        waitFor(() -> !menuItem("Edit", "Delete selected machines…").isDisable()); // the key is not blocked
        console.clickCell("fra1-k8s-w01");
        console.robot.clickOn("Edit");
        assertFalse(menuItem("Edit", "Delete selected machines…").isDisable(), "one machine is selected");
        console.robot.type(KeyCode.ESCAPE);
    }

    @Test
    void ctrlWClosesAToolWindowAndEscapeClosesAbout() throws Exception {
        app = console.start(dir);
        console.robot.clickOn("Machines").clickOn("Run command…");
        waitFor(() -> windowsTitled("Run command") == 1);
        console.robot.clickOn("#run-command");
        console.robot.push(KeyCode.CONTROL, KeyCode.W);
        waitFor(() -> windowsTitled("Run command") == 0);
        assertTrue(fx(() -> app.window().root().getScene().getWindow().isShowing()), "the console stays open");

        console.robot.clickOn("Help").clickOn("About Underlay");
        waitFor(() -> fx(() -> console.robot.lookup("#about-dialog").tryQuery().isPresent()));
        console.robot.type(KeyCode.ESCAPE);
        waitFor(() -> fx(() -> console.robot.lookup("#about-dialog").tryQuery().isEmpty()));
        assertEquals(0, windowsTitled("About"));
    }

    @Test
    void everyAreaShowsItsLabelsWhole() throws Exception {
        app = console.start(dir);
        console.clickCell("fra1-k8s-w01"); // the machine form beside the table too
        java.util.Map<String, java.util.List<String>> cut = new java.util.TreeMap<>();
        for (String area : java.util.List.of("machines", "racks", "topology", "sites", "rack-list", "credentials",
                "params", "profiles", "clusters", "jobs")) {
            fx(() -> {
                app.window().root().show(area);
                return null;
            });
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            java.util.List<String> here = fx(() -> ConsoleFx.clipped(app.window().root()));
            if (!here.isEmpty()) {
                cut.put(area, here);
            }
        }
        assertEquals(java.util.Map.of(), cut, "labels cut short, by area");
    }
}
