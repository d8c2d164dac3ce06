package dev.underlay.inventory.ui;

import dev.underlay.inventory.io.InventoryFormat;
import java.io.File;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The file choosers of File > Import and File > Export. Import shows every file it reads by default; export offers
 * only what it writes (JSON and CSV), and the chosen name and filter must agree on the format
 * ({@link ExportViewModel#target}).
 */
public final class InventoryFiles {
    private InventoryFiles() {
    }

    /** Opens on all files Underlay imports (JSON, CSV, Ansible INI and YAML); one filter per format besides. */
    public static FileChooser importChooser(File directory) {
        FileChooser c = chooser("Import inventory", directory);
        FileChooser.ExtensionFilter all = new FileChooser.ExtensionFilter(
                "Inventory files (*.json, *.csv, *.ini, *.yml, *.yaml, hosts)", "*.json", "*.csv", "*.ini", "*.yml",
                "*.yaml", "hosts", "*hosts");
        c.getExtensionFilters().addAll(all,
                new FileChooser.ExtensionFilter("JSON inventory (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("CSV machines (*.csv)", "*.csv"),
                new FileChooser.ExtensionFilter("Ansible inventory (*.ini, *.yml, *.yaml, hosts)", "*.ini", "*.yml",
                        "*.yaml", "hosts"),
                new FileChooser.ExtensionFilter("All files", "*"));
        c.setSelectedExtensionFilter(all);
        return c;
    }

    /** Offers JSON (selected, with {@code inventory.json}) and CSV, the formats the README lists for export. */
    public static FileChooser exportChooser(File directory) {
        FileChooser c = chooser("Export inventory", directory);
        for (InventoryFormat f : ExportViewModel.FORMATS) {
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(f == InventoryFormat.JSON
                    ? "JSON inventory, everything (*.json)" : "CSV machines (*.csv)", "*." + f.id()));
        }
        c.setSelectedExtensionFilter(c.getExtensionFilters().get(0));
        c.setInitialFileName("inventory.json");
        return c;
    }

    /** The format of the filter selected in an {@link #exportChooser}, or null. */
    public static InventoryFormat selectedFormat(FileChooser c) {
        int i = c.getSelectedExtensionFilter() == null ? -1
                : c.getExtensionFilters().indexOf(c.getSelectedExtensionFilter());
        return i < 0 || i >= ExportViewModel.FORMATS.size() ? null : ExportViewModel.FORMATS.get(i);
    }

    /**
     * The target to write; when name and filter disagree, asks which wins (the name's format is the default
     * button). Empty when the technician cancels.
     */
    public static Optional<ExportViewModel.Target> confirm(Window owner, ExportViewModel.Target t) {
        if (t.other() == null) {
            return Optional.of(t);
        }
        ButtonType byName = new ButtonType(t.action(), ButtonBar.ButtonData.OK_DONE);
        ButtonType byFilter = new ButtonType(t.other().action(), ButtonBar.ButtonData.OTHER);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, t.question(), byName, byFilter, ButtonType.CANCEL);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("Export format");
        a.setHeaderText("The file name and the filter disagree");
        a.getDialogPane().setPrefWidth(560);
        dev.underlay.ui.Dialogs.wholeButtons(a);
        return a.showAndWait().map(b -> b == byName ? t : b == byFilter ? t.other() : null);
    }

    private static FileChooser chooser(String title, File directory) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        if (directory != null && directory.isDirectory()) {
            c.setInitialDirectory(directory);
        }
        return c;
    }
}
