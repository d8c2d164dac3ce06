package dev.underlay.inventory.ui;

import atlantafx.base.theme.Styles;
import dev.underlay.inventory.io.ImportMode;
import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.ui.UiStyles;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The dry-run preview of an import: what would be added, each changed record's fields with their old and new
 * values, a warning for whatever would be removed, and the problems that refuse it. The technician chooses to merge
 * into or replace existing records (merge by default). Nothing is written until Apply, which is enabled only for a
 * plan without problems; the dialog then says what was done.
 */
public final class ImportDialog extends Dialog<ButtonType> {
    /** The dialog's Apply button. */
    public static final ButtonType APPLY = new ButtonType("Apply import", ButtonBar.ButtonData.OK_DONE);

    public ImportDialog(Window owner, ImportViewModel vm) {
        initOwner(owner);
        setTitle("Import " + vm.file().getFileName());
        setHeaderText("Import " + vm.file());
        setResizable(true);

        ComboBox<InventoryFormat> format = new ComboBox<>();
        format.setId("import-format");
        format.getItems().setAll(InventoryFormat.values());
        format.valueProperty().bindBidirectional(vm.formatProperty());
        format.disableProperty().bind(vm.appliedProperty());
        Label formatLabel = muted("Format");

        ToggleGroup modes = new ToggleGroup();
        RadioButton merge = mode(modes, ImportMode.MERGE, "Merge into existing records (default)", "import-merge");
        RadioButton replace = mode(modes, ImportMode.REPLACE, "Replace existing records", "import-replace");
        modes.selectToggle(vm.modeProperty().get() == ImportMode.REPLACE ? replace : merge);
        modes.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n != null) {
                vm.modeProperty().set((ImportMode) n.getUserData());
            }
        });
        merge.disableProperty().bind(vm.appliedProperty());
        replace.disableProperty().bind(vm.appliedProperty());

        Label summary = new Label();
        summary.setId("import-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.textProperty().bind(vm.summaryProperty());

        Label warnings = new Label();
        warnings.setId("import-warnings");
        warnings.setWrapText(true);
        warnings.getStyleClass().add(Styles.WARNING);
        warnings.textProperty().bind(vm.warningsProperty());
        warnings.visibleProperty().bind(vm.warningsProperty().isNotEmpty());
        warnings.managedProperty().bind(warnings.visibleProperty());

        TextArea preview = new TextArea();
        preview.setId("import-preview");
        preview.setEditable(false);
        preview.setWrapText(true); // a problem's message is at the end of a long file:line: field: prefix
        preview.getStyleClass().add(UiStyles.PLAN_TEXT);
        preview.textProperty().bind(vm.previewProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);

        GridPane choices = new GridPane();
        choices.setHgap(12);
        choices.setVgap(8);
        choices.addRow(0, keep(formatLabel), format);
        choices.addRow(1, keep(muted("Existing records")), row(merge, replace));
        VBox content = new VBox(10, choices, summary, warnings, preview);
        content.setPrefSize(820, 540);
        content.setMinWidth(640);
        getDialogPane().setContent(content);
        getDialogPane().setPrefWidth(860);
        getDialogPane().getButtonTypes().setAll(APPLY, ButtonType.CANCEL);

        Button apply = (Button) getDialogPane().lookupButton(APPLY);
        apply.setId("import-apply");
        apply.disableProperty().bind(vm.canApplyBinding().not());
        apply.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // stays open: once written, the dialog says what was done
            vm.apply(() -> { });
        });
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("import-cancel");
        cancel.textProperty().bind(vm.appliedProperty().map(a -> a ? "Close" : "Cancel"));
        vm.appliedProperty().addListener((obs, o, n) -> {
            if (n) {
                cancel.setDefaultButton(true);
                cancel.requestFocus();
            }
        });
        setResultConverter(b -> vm.appliedProperty().get() ? APPLY : b); // Close after Apply reports it applied
    }

    private static RadioButton mode(ToggleGroup group, ImportMode mode, String text, String id) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setUserData(mode);
        b.setToggleGroup(group);
        b.setTooltip(new Tooltip(mode.label()));
        return b;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(UiStyles.MUTED);
        return l;
    }

    /** Keeps a control's whole text: a squeezed label shows "...". */
    private static <T extends Region> T keep(T r) {
        r.setMinWidth(Region.USE_PREF_SIZE);
        return r;
    }

    private static HBox row(Region... nodes) {
        for (Region n : nodes) {
            keep(n);
        }
        HBox h = new HBox(16, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }
}
