package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Machine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The machines table as a technician scrolls it: the Name column stays in view when the table scrolls sideways,
 * rows scroll and select together on both sides, Tags and Profiles are as wide as their text, cloud instances show
 * no face. Saves {@code target/screenshots/machines-scrolled.png}.
 */
class MachineTableColumnsTest extends ConsoleFxTest {
    @Test
    void nameColumnStaysInViewWhenTheTableScrollsSideways() throws Exception {
        app = console.start(dir);
        fx(() -> {
            app.window().machinesView().setDividerPositions(0.45); // narrow: the table must scroll sideways
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        ScrollBar hbar = fx(() -> horizontalBar(table()));
        assertNotNull(hbar);
        waitFor(() -> fx(() -> hbar.isVisible() && hbar.getMax() > 0));
        fx(() -> {
            hbar.setValue(hbar.getMax());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> main = table();
        assertFalse(fx(() -> main.getColumns().stream().anyMatch(c -> "Name".equals(c.getText()))),
                "the Name column is not one of the scrolling columns");
        Node cell = fx(() -> nameCell("euc1-api01"));
        assertNotNull(cell, "the first machine's name is still shown after scrolling right");
        Bounds tableBounds = fx(() -> main.localToScene(main.getLayoutBounds()));
        Bounds cellBounds = fx(() -> cell.localToScene(cell.getLayoutBounds()));
        assertTrue(cellBounds.getMaxX() <= tableBounds.getMinX() + 1 && cellBounds.getMinX() >= 0,
                "the name is left of the scrolled columns, in the window: " + cellBounds + " vs " + tableBounds);
        Node tags = fx(() -> header(main, "Tags"));
        assertTrue(fx(() -> tags.localToScene(tags.getLayoutBounds()).getMinX() >= tableBounds.getMinX()),
                "the last columns are in view");
        save("machines-scrolled.png");

        console.clickCell("fra1-k8s-w04");
        waitFor(() -> fx(() -> main.getSelectionModel().getSelectedItems().size() == 1));
        assertEquals("fra1-k8s-w04", fx(() -> ((Machine) main.getSelectionModel().getSelectedItem()).name()),
                "a click on a name selects the machine's row");
        fx(() -> {
            main.getSelectionModel().clearAndSelect(2);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> names = nameTable();
        assertEquals(List.of(2), fx(() -> List.copyOf(names.getSelectionModel().getSelectedIndices())),
                "a row selected in the table is selected beside it");

        fx(() -> {
            flow(main).setPosition(1.0);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, fx(() -> flow(names).getPosition()), 1e-9, "the names scroll with the rows");
    }

    @Test
    void tagsAndProfilesAreAsWideAsTheirTextAndCloudInstancesShowNoFace() throws Exception {
        app = console.start(dir);
        TableView<?> main = table();
        Text probe = new Text("lab, k8s, control-plane");
        probe.setFont(Font.font(13));
        double tagsText = probe.getLayoutBounds().getWidth();
        assertTrue(fx(() -> column(main, "Tags").getWidth()) >= tagsText,
                "Tags fits 'lab, k8s, control-plane' (" + tagsText + " px)");
        probe.setText("cloud-euc1, baseline");
        double profilesText = probe.getLayoutBounds().getWidth();
        assertTrue(fx(() -> column(main, "Profiles").getWidth()) >= profilesText,
                "Profiles fits 'cloud-euc1, baseline' (" + profilesText + " px)");
        int cloudRow = fx(() -> indexOf(main, "euc1-api01"));
        @SuppressWarnings("unchecked")
        TableColumn<Object, ?> face = (TableColumn<Object, ?>) fx(() -> column(main, "Face"));
        assertEquals("", fx(() -> face.getCellData(cloudRow)), "a cloud instance has no face");
        int rackRow = fx(() -> indexOf(main, "fra1-db01"));
        assertEquals("full-depth", fx(() -> face.getCellData(rackRow)));
    }

    private TableView<?> nameTable() {
        return console.robot.lookup("#machine-table-frozen").queryAs(TableView.class);
    }

    private Node nameCell(String name) {
        for (Node n : nameTable().lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && name.equals(c.getText()) && c.isVisible() && c.getParent() != null) {
                return n;
            }
        }
        return null;
    }

    private static int indexOf(TableView<?> t, String name) {
        for (int i = 0; i < t.getItems().size(); i++) {
            if (((Machine) t.getItems().get(i)).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no row " + name);
    }

    private static TableColumn<?, ?> column(TableView<?> t, String title) {
        return t.getColumns().stream().filter(c -> title.equals(c.getText())).findFirst().orElseThrow();
    }

    private static Node header(TableView<?> t, String title) {
        for (Node n : t.lookupAll(".column-header")) {
            if (n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null
                    && title.equals(h.getTableColumn().getText())) {
                return n;
            }
        }
        throw new AssertionError("no header " + title);
    }

    private static VirtualFlow<?> flow(TableView<?> t) {
        return (VirtualFlow<?>) t.lookup(".virtual-flow");
    }

    private static ScrollBar horizontalBar(TableView<?> t) {
        for (Node n : flow(t).getChildrenUnmodifiable()) {
            if (n instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL) {
                return s;
            }
        }
        return null;
    }

    private void save(String file) throws Exception {
        Path d = Files.createDirectories(Path.of(System.getProperty("underlay.screenshot.dir",
                "target/screenshots")));
        var image = fx(() -> table().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", d.resolve(file).toFile());
    }
}
