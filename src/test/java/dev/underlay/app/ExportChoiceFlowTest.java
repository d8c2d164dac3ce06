package dev.underlay.app;

import static dev.underlay.app.ConsoleFx.fx;
import static dev.underlay.app.ConsoleFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.inventory.ui.ExportViewModel;
import dev.underlay.inventory.ui.InventoryFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;

/**
 * File > Export when the name says CSV and the filter JSON: the console asks which to write, the name's format is
 * the default button, and the file written has the chosen format under a matching name.
 */
class ExportChoiceFlowTest extends ConsoleFxTest {
    @Test
    void nameAndFilterThatDisagreeAreResolvedByTheTechniciansChoice() throws Exception {
        app = console.start(dir);
        ExportViewModel.Target t = ExportViewModel.target(dir.resolve("export.csv"), InventoryFormat.JSON);
        AtomicReference<Optional<ExportViewModel.Target>> chosen = new AtomicReference<>();
        Platform.runLater(() -> chosen.set(InventoryFiles.confirm(null, t)));
        waitFor(() -> fx(() -> console.robot.lookup("Write JSON to export.json").tryQuery().isPresent()));
        assertTrue(fx(() -> console.robot.lookup("Write CSV to export.csv").queryAs(Button.class).isDefaultButton()),
                "Enter writes what the name says");
        for (String button : java.util.List.of("Write JSON to export.json", "Write CSV to export.csv", "Cancel")) {
            assertEquals(button, fx(() -> ((javafx.scene.text.Text) console.robot.lookup(button).queryAs(Button.class)
                    .lookup(".text")).getText()), "the button's whole text, not cut to \"Write JSON to ex…\"");
        }
        console.robot.clickOn("Write JSON to export.json");
        waitFor(() -> chosen.get() != null);
        ExportViewModel.Target picked = chosen.get().orElseThrow();
        assertEquals(InventoryFormat.JSON, picked.format());
        Platform.runLater(() -> app.window().exportFile(picked));
        Path json = dir.resolve("export.json");
        waitFor(() -> Files.exists(json));
        assertTrue(Files.readString(json).startsWith("{\n  \"format\" : \"underlay-inventory\""));
        assertTrue(!Files.exists(dir.resolve("export.csv")), "no JSON under a .csv name");
    }
}
