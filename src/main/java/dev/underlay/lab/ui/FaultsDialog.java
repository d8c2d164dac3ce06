package dev.underlay.lab.ui;

import atlantafx.base.theme.Styles;
import dev.underlay.ui.UiStyles;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Lab > Faults…: the fault spec as text with presets; the parse error shows under the field as it is typed, and
 * Apply changes the running lab at once (the dialog stays open to try another spec).
 */
public final class FaultsDialog extends Dialog<Void> {
    public static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.APPLY);

    public FaultsDialog(Window owner, LabViewModel vm) {
        initOwner(owner);
        setTitle("Lab faults");
        setHeaderText("Faults injected into the running lab");
        TextField spec = new TextField();
        spec.setId("fault-spec");
        spec.setPromptText("e.g. refuse:10%, slow=300ms:lab[0001-0020], fail=uname:5%");
        spec.textProperty().bindBidirectional(vm.faultTextProperty());
        Label error = new Label();
        error.setId("fault-error");
        error.getStyleClass().addAll(UiStyles.FIELD_ERROR, Styles.TEXT_SMALL);
        error.setWrapText(true);
        error.textProperty().bind(vm.faultErrorProperty());
        error.visibleProperty().bind(vm.faultErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        vm.faultErrorProperty().addListener((o, a, b) -> spec.pseudoClassStateChanged(Styles.STATE_DANGER,
                !b.isEmpty()));
        FlowPane presets = new FlowPane(6, 6);
        for (LabViewModel.Preset p : LabViewModel.PRESETS) {
            Button b = new Button(p.label());
            b.getStyleClass().add(Styles.SMALL);
            b.setOnAction(e -> vm.usePreset(p));
            presets.getChildren().add(b);
        }
        Label help = new Label("Kinds: refuse, slow=DURATION, auth, hostkey, disconnect, fail=COMMAND, diskfull. "
                + "Selector after ':' is all, a share (10%) or host patterns (lab[0001-0010]|fra1-db*); "
                + "items are separated by commas. Empty clears all faults.");
        help.setWrapText(true);
        help.getStyleClass().addAll(UiStyles.MUTED, Styles.TEXT_SMALL);
        Label presetsTitle = new Label("Presets");
        presetsTitle.getStyleClass().add(UiStyles.SECTION);
        VBox content = new VBox(8, spec, error, help, presetsTitle, presets);
        getDialogPane().setContent(content);
        getDialogPane().setPrefWidth(560);
        getDialogPane().getButtonTypes().addAll(APPLY, ButtonType.CLOSE);
        Button apply = (Button) getDialogPane().lookupButton(APPLY);
        apply.setId("fault-apply");
        apply.disableProperty().bind(vm.faultErrorProperty().isNotEmpty());
        apply.addEventFilter(ActionEvent.ACTION, e -> {
            vm.applyFaults();
            e.consume(); // keep the dialog open
        });
        setOnShown(e -> spec.requestFocus());
    }
}
