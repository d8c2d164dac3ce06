package dev.underlay.automation.ui;

import dev.underlay.automation.content.ContentPack;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Automation area: packs with their workflows, stages and tasks on the left; the selected task's first template in
 * an editor, what it renders to on the chosen machine (live, secure values masked) and the params it reads with
 * their sources. Binds and forwards to {@link AutomationViewModel}.
 */
public final class AutomationView extends BorderPane {
    /** Prefix of task items in the tree, so a click knows a task from a heading. */
    private static final String TASK = "task ";
    private final TreeView<String> tree = new TreeView<>();
    private final TextArea editor = new TextArea();
    private final TextArea rendered = new TextArea();

    public AutomationView(AutomationViewModel vm) {
        tree.setId("automation-tree");
        tree.setShowRoot(false);
        fill(vm);
        vm.packs().addListener((javafx.collections.ListChangeListener<ContentPack>) c -> fill(vm));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item.getValue().startsWith(TASK)) {
                vm.selectTask(item.getValue().substring(TASK.length()));
            }
        });

        ComboBox<String> machine = new ComboBox<>(vm.machines());
        machine.setId("automation-machine");
        machine.valueProperty().bindBidirectional(vm.machineProperty());
        Label title = new Label();
        title.textProperty().bind(vm.taskProperty().map(t -> t.name() + (t.description().isEmpty() ? ""
                : ": " + t.description())).orElse("Choose a task"));
        Label stage = new Label();
        stage.textProperty().bind(vm.stageProperty().map(s -> s.isEmpty() ? "" : "in stage " + s));
        HBox head = new HBox(10, title, stage, new Label("on"), machine);
        head.setPadding(new Insets(6));

        editor.setId("automation-editor");
        editor.textProperty().bindBidirectional(vm.templateProperty());
        editor.getStyleClass().add("plan-text");
        rendered.setId("automation-rendered");
        rendered.setEditable(false);
        rendered.textProperty().bind(vm.renderedProperty());
        rendered.getStyleClass().add("plan-text");
        Label problem = new Label();
        problem.setId("automation-problem");
        problem.textProperty().bind(vm.problemProperty());
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);

        TableView<AutomationViewModel.ParamRow> params = new TableView<>(vm.params());
        params.setId("automation-params");
        params.getColumns().add(column("Param", AutomationViewModel.ParamRow::name, 160));
        params.getColumns().add(column("Value", AutomationViewModel.ParamRow::value, 340));
        params.getColumns().add(column("Source", AutomationViewModel.ParamRow::source, 260));
        params.setPrefHeight(200);

        VBox editorBox = new VBox(4, new Label("Template (first of the task)"), editor);
        VBox.setVgrow(editor, Priority.ALWAYS);
        VBox renderedBox = new VBox(4, new Label("What would run (what-if, connects nowhere)"), rendered, problem);
        VBox.setVgrow(rendered, Priority.ALWAYS);
        SplitPane texts = new SplitPane(editorBox, renderedBox);
        SplitPane right = new SplitPane(texts, new VBox(4, new Label("Params the task reads, with their sources"),
                params));
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.65);
        BorderPane center = new BorderPane(right);
        center.setTop(head);
        SplitPane all = new SplitPane(tree, center);
        all.setDividerPositions(0.24);
        setCenter(all);
    }

    private void fill(AutomationViewModel vm) {
        TreeItem<String> root = new TreeItem<>("packs");
        for (ContentPack p : vm.packs()) {
            TreeItem<String> pack = new TreeItem<>(p.title());
            TreeItem<String> wfs = new TreeItem<>("workflows");
            p.workflows().forEach(w -> wfs.getChildren().add(new TreeItem<>("workflow " + w.name() + ": "
                    + String.join(" > ", w.stages()))));
            TreeItem<String> stages = new TreeItem<>("stages");
            p.stages().forEach(s -> stages.getChildren().add(new TreeItem<>("stage " + s.name() + ": "
                    + String.join(", ", s.tasks()))));
            TreeItem<String> tasks = new TreeItem<>("tasks");
            p.tasks().forEach(t -> tasks.getChildren().add(new TreeItem<>(TASK + t.name())));
            tasks.setExpanded(true);
            pack.getChildren().addAll(List.of(wfs, stages, tasks));
            pack.setExpanded(true);
            root.getChildren().add(pack);
        }
        tree.setRoot(root);
    }

    private static TableColumn<AutomationViewModel.ParamRow, String> column(String title,
            Function<AutomationViewModel.ParamRow, String> value, double w) {
        TableColumn<AutomationViewModel.ParamRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())).getReadOnlyProperty());
        c.setPrefWidth(w);
        return c;
    }
}
