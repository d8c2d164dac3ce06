package dev.underlay.inventory.ui;

import atlantafx.base.theme.Styles;
import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.ui.UiStyles;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The dry-run preview of an import: what would be added, changed and left alone, or the problems that refuse
 * it. Nothing is written until Apply, which is enabled only for a plan without problems.
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
        Label formatLabel = new Label("Format");
        formatLabel.getStyleClass().add(UiStyles.MUTED);

        Label summary = new Label();
        summary.setId("import-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.textProperty().bind(vm.summaryProperty());

        TextArea preview = new TextArea();
        preview.setId("import-preview");
        preview.setEditable(false);
        preview.setWrapText(true); // a problem's message is at the end of a long file:line: field: prefix
        preview.getStyleClass().add(UiStyles.PLAN_TEXT);
        preview.textProperty().bind(vm.previewProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);

        HBox top = new HBox(8, formatLabel, format);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox content = new VBox(10, top, summary, preview);
        content.setPrefSize(720, 460);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(APPLY, ButtonType.CANCEL);

        Button apply = (Button) getDialogPane().lookupButton(APPLY);
        apply.setId("import-apply");
        apply.disableProperty().bind(vm.canApplyBinding().not());
        apply.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // close only once the write has succeeded
            vm.apply(() -> {
                setResult(APPLY);
                close();
            });
        });
    }
}
