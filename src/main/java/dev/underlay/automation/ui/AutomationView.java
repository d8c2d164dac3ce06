package dev.underlay.automation.ui;

import dev.underlay.automation.content.ContentPack;
import dev.underlay.ui.Dialogs;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
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
 * their sources. "Remove pack…" (button under the tree, and the tree's context menu) asks first, Cancel the default.
 * Binds and forwards to {@link AutomationViewModel}.
 */
public final class AutomationView extends BorderPane {
    /** Prefix of task items in the tree, so a click knows a task from a heading. */
    private static final String TASK = "task ";
    private final TreeView<String> tree = new TreeView<>();
    private final TextArea editor = new TextArea();
    private final TextArea rendered = new TextArea();
    /** The pack items of the tree, to tell which pack a selected item belongs to. */
    private final Map<TreeItem<String>, ContentPack> packItems = new IdentityHashMap<>();
    private final ObjectProperty<ContentPack> selectedPack = new SimpleObjectProperty<>();

    public AutomationView(AutomationViewModel vm) {
        tree.setId("automation-tree");
        tree.setShowRoot(false);
        fill(vm);
        vm.packs().addListener((javafx.collections.ListChangeListener<ContentPack>) c -> fill(vm));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item.getValue().startsWith(TASK)) {
                vm.selectTask(item.getValue().substring(TASK.length()));
            }
            selectedPack.set(packOf(item));
        });
        Button remove = new Button("Remove pack…");
        remove.setId("automation-remove-pack");
        remove.disableProperty().bind(selectedPack.isNull().or(vm.removingProperty()));
        remove.setOnAction(e -> remove(vm));
        MenuItem removeItem = new MenuItem("Remove pack…");
        removeItem.setId("automation-remove-pack-item");
        removeItem.disableProperty().bind(remove.disableProperty());
        removeItem.setOnAction(e -> remove(vm));
        tree.setContextMenu(new ContextMenu(removeItem));
        Label packMessage = new Label();
        packMessage.setId("automation-pack-message");
        packMessage.textProperty().bind(vm.packMessageProperty());
        packMessage.setWrapText(true);
        VBox packs = new VBox(4, tree, remove, packMessage);
        packs.setPadding(new Insets(0, 4, 4, 4));
        VBox.setVgrow(tree, Priority.ALWAYS);

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
        params.setPlaceholder(new Label("Choose a task in the tree: the params it reads, their values on the chosen"
                + " machine and where each comes from are listed here."));
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
        SplitPane all = new SplitPane(packs, center);
        all.setDividerPositions(0.24);
        setCenter(all);
    }

    /** Asks, then removes the selected pack; a refusal is also shown as an error dialog. */
    private void remove(AutomationViewModel vm) {
        ContentPack p = selectedPack.get();
        if (p != null && Dialogs.confirm(getScene().getWindow(), "Remove content pack " + p.title(),
                AutomationViewModel.removeQuestion(p), "Remove")) {
            vm.removePack(p, why -> Dialogs.error(getScene().getWindow(), "Content pack not removed", why));
        }
    }

    private ContentPack packOf(TreeItem<String> item) {
        for (TreeItem<String> i = item; i != null; i = i.getParent()) {
            ContentPack p = packItems.get(i);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private void fill(AutomationViewModel vm) {
        TreeItem<String> root = new TreeItem<>("packs");
        packItems.clear();
        for (ContentPack p : vm.packs()) {
            TreeItem<String> pack = new TreeItem<>(p.title());
            packItems.put(pack, p);
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
        selectedPack.set(packOf(tree.getSelectionModel().getSelectedItem()));
    }

    private static TableColumn<AutomationViewModel.ParamRow, String> column(String title,
            Function<AutomationViewModel.ParamRow, String> value, double w) {
        TableColumn<AutomationViewModel.ParamRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())).getReadOnlyProperty());
        c.setPrefWidth(w);
        return c;
    }
}
