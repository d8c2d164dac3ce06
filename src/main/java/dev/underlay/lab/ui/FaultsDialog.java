package dev.underlay.lab.ui;

import atlantafx.base.theme.Styles;
import dev.underlay.ui.UiStyles;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Lab > Faults…: the fault spec as text, with presets that add to it; under it each fault with the lab hosts it
 * hits (a node set and a count) and a button that removes it. The parse error shows under the field as it is
 * typed, and Apply changes the running lab at once (the dialog stays open to try another spec).
 */
public final class FaultsDialog extends Dialog<Void> {
    public static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.APPLY);
    /** The syntax, one line per part, shown whole (wrapped, never cut). */
    static final String HELP = "Kinds: refuse, slow=DURATION (300ms, 2s), auth, hostkey, disconnect, "
            + "fail=COMMAND, diskfull.\n"
            + "Selector after ':': all (the default), a share of the hosts (10%), or host patterns "
            + "(lab[0001-0010]|fra1-db*).\n"
            + "Items are separated by commas; an empty spec clears all faults.";
    private static final double WIDTH = 600;

    private final LabViewModel vm;
    private final VBox hits = new VBox(4);

    public FaultsDialog(Window owner, LabViewModel vm) {
        this.vm = vm;
        initOwner(owner);
        setTitle("Lab faults");
        setHeaderText("Faults injected into the running lab");
        setResizable(true);
        TextField spec = new TextField();
        spec.setId("fault-spec");
        spec.setPromptText("e.g. refuse:10%, slow=300ms:lab[0001-0020], fail=uname:5%");
        spec.textProperty().bindBidirectional(vm.faultTextProperty());
        Label error = new Label();
        error.setId("fault-error");
        error.getStyleClass().addAll(UiStyles.FIELD_ERROR, Styles.TEXT_SMALL);
        wrapWhole(error);
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
        Label help = new Label(HELP);
        help.setId("fault-help");
        wrapWhole(help);
        help.getStyleClass().addAll(UiStyles.MUTED, Styles.TEXT_SMALL);
        Label presetsNote = new Label("A preset adds its fault; one of the same kind is replaced.");
        presetsNote.getStyleClass().addAll(UiStyles.MUTED, Styles.TEXT_SMALL);
        hits.setId("fault-hits");
        vm.faultHitsProperty().addListener((o, a, b) -> showHits(b));
        vm.refreshHits();
        showHits(vm.faultHitsProperty().get());
        ScrollPane hitsScroll = new ScrollPane(hits);
        hitsScroll.setFitToWidth(true);
        hitsScroll.setPrefViewportHeight(150);
        hitsScroll.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(8, spec, error, help, section("Presets"), presets, presetsNote,
                section("Hosts each fault hits"), hitsScroll);
        content.setPrefWidth(WIDTH);
        getDialogPane().setContent(content);
        getDialogPane().setPrefWidth(WIDTH + 40);
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

    private void showHits(List<LabViewModel.FaultHit> list) {
        hits.getChildren().clear();
        if (list.isEmpty()) {
            Label none = new Label(vm.faultErrorProperty().get().isEmpty() ? "No faults: every lab host answers."
                    : "Correct the spec to see the hosts its faults hit.");
            none.getStyleClass().addAll(UiStyles.MUTED, Styles.TEXT_SMALL);
            hits.getChildren().add(none);
            return;
        }
        for (LabViewModel.FaultHit h : list) {
            Label fault = new Label(h.fault());
            fault.getStyleClass().add(Styles.TEXT_BOLD);
            fault.setMinWidth(Region.USE_PREF_SIZE);
            Label hosts = new Label(h.hosts().size() + " of " + h.labHosts() + " lab hosts"
                    + (h.hosts().isEmpty() ? "" : ": " + h.folded()));
            hosts.setId("fault-hit-" + h.rule());
            wrapWhole(hosts);
            HBox.setHgrow(hosts, Priority.ALWAYS);
            Button remove = new Button("Remove");
            remove.setId("fault-remove-" + h.rule());
            remove.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            remove.setMinWidth(Region.USE_PREF_SIZE);
            remove.setOnAction(e -> vm.removeFault(h.rule()));
            HBox row = new HBox(8, fault, hosts, remove);
            row.setAlignment(Pos.BASELINE_LEFT);
            hits.getChildren().add(row);
        }
    }

    /** A wrapped label asks for the height of all its lines (a dialog would otherwise cut it after one). */
    private static void wrapWhole(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add(UiStyles.SECTION);
        return l;
    }
}
