package dev.underlay.automation.ui.log;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Beside the log: one line per step ("step 2 install: 481 hosts printed the same; 19 differ"), and the chosen
 * step's groups as folded node sets; a click on a group shows its lines, "Outliers" the hosts that differ.
 */
final class JobLogGroupsView extends VBox {
    /** A group's row; {@link #DIFFERS} when its hosts printed something else than the largest group's. */
    static final String GROUP = "log-group";
    static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");

    JobLogGroupsView(JobLogViewModel vm) {
        super(4);
        setPadding(new Insets(4));
        Label title = new Label("Output by step");
        title.getStyleClass().add("log-groups-title");
        ListView<JobLogGroups.StepRow> steps = new ListView<>(vm.groups().steps());
        steps.setId("log-group-steps");
        steps.setPrefHeight(190);
        steps.setMinHeight(100); // a few steps stay in sight when the pane is short (the job window's lower half)
        steps.setCellFactory(l -> wrapping());
        steps.setOnMouseClicked(e -> {
            JobLogGroups.StepRow r = steps.getSelectionModel().getSelectedItem();
            if (r != null) {
                vm.groups().choose(r.step());
            }
        });
        Label groupsTitle = new Label();
        groupsTitle.getStyleClass().add("log-groups-title");
        vm.groups().stepProperty().addListener((o, a, s) -> groupsTitle.setText(s == null ? ""
                : "Groups of step " + vm.stepName(s)));
        ListView<JobLogGroups.GroupRow> groups = new ListView<>(vm.groups().groupRows());
        groups.setId("log-groups");
        groups.setCellFactory(l -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0); // wrap within the list's width instead of scrolling sideways
                getStyleClass().add(GROUP);
            }

            @Override
            protected void updateItem(JobLogGroups.GroupRow g, boolean empty) {
                super.updateItem(g, empty);
                setText(empty || g == null ? null : g.toString());
                // a pseudo-class, not a style class: changing a style class restyles the cell from scratch, and
                // the rows change many times a second while a job runs (JFR, issue 14)
                pseudoClassStateChanged(DIFFERS, !empty && g != null && !g.majority());
            }
        });
        groups.setOnMouseClicked(e -> {
            JobLogGroups.GroupRow g = groups.getSelectionModel().getSelectedItem();
            if (g != null) {
                vm.showGroup(g);
            }
        });
        VBox.setVgrow(groups, Priority.ALWAYS);
        Button outliers = new Button("Outliers");
        outliers.setId("log-outliers");
        outliers.setOnAction(e -> vm.showOutliers());
        Button all = new Button("Show all");
        all.setId("log-show-all");
        all.setOnAction(e -> vm.show(null, null));
        getChildren().addAll(title, steps, groupsTitle, groups, new HBox(4, outliers, all));
        setMinWidth(220);
    }

    private static ListCell<JobLogGroups.StepRow> wrapping() {
        ListCell<JobLogGroups.StepRow> c = new ListCell<>() {
            @Override
            protected void updateItem(JobLogGroups.StepRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.toString());
            }
        };
        c.setWrapText(true);
        c.setPrefWidth(0);
        return c;
    }
}
