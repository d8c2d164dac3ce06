package dev.underlay.inventory.ui;

import atlantafx.base.theme.Styles;
import dev.underlay.ui.Dialogs;
import dev.underlay.ui.Icons;
import dev.underlay.ui.UiStyles;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * A catalog editor: the names on the left (right-click for New and Delete), the chosen record's form on the right
 * with each refusal beside its field. Binds and forwards; every decision is in {@link CatalogEditorViewModel}.
 * Node ids start with the entity: {@code #rack-list}, {@code #rack-name}, {@code #rack-name-error},
 * {@code #rack-save}.
 */
public final class CatalogEditorView<T> extends SplitPane {
    private final CatalogEditorViewModel<T> vm;
    private final String id;
    private final ListView<String> list;
    private final GridPane grid = new GridPane();
    private final VBox form;

    /** @param plural the area's title, such as {@code Racks} */
    public CatalogEditorView(CatalogEditorViewModel<T> vm, String plural) {
        this.vm = vm;
        this.id = vm.kind().entity();
        setId(id + "-editor");
        list = new ListView<>(vm.names());
        list.setId(id + "-list");
        list.getStyleClass().add(Styles.DENSE);
        list.setPlaceholder(new Label("No " + plural.toLowerCase(java.util.Locale.ROOT) + " yet."));
        // Only a click or a key opens a record: names arriving (a save, an import) move the list's selection by
        // index, which is no choice of the user's.
        list.setOnMouseClicked(e -> chosen());
        list.setOnKeyReleased(e -> chosen());
        vm.names().addListener((javafx.collections.ListChangeListener<String>) c -> follow(vm.selectedProperty()
                .get()));
        vm.selectedProperty().addListener((obs, o, n) -> follow(n));
        MenuItem create = new MenuItem("New " + id + "…");
        create.setOnAction(e -> create());
        MenuItem delete = new MenuItem("Delete " + id + "…");
        delete.setOnAction(e -> delete());
        ContextMenu menu = new ContextMenu(create, delete);
        menu.setOnShowing(e -> delete.setDisable(vm.modeProperty().get() != CatalogEditorViewModel.Mode.EDIT));
        list.setContextMenu(menu);
        Button add = new Button("New " + id, Icons.ADD.node());
        add.setId(id + "-new");
        add.setOnAction(e -> create());
        add.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(8, add, list);
        left.setPadding(new Insets(8));

        Label title = new Label();
        title.setId(id + "-title");
        title.getStyleClass().addAll(UiStyles.FORM_TITLE, Styles.TITLE_3);
        title.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.modeProperty().get()) {
            case CREATE -> "New " + id;
            case EDIT -> vm.selectedProperty().get();
            case EMPTY -> plural;
        }, vm.modeProperty(), vm.selectedProperty()));
        Label details = wrapped(id + "-details", vm.detailsProperty());
        details.getStyleClass().add(UiStyles.MUTED);
        Label empty = new Label("Choose a " + id + " on the left, or press New " + id + ".");
        empty.getStyleClass().add(UiStyles.MUTED);
        empty.visibleProperty().bind(vm.modeProperty().isEqualTo(CatalogEditorViewModel.Mode.EMPTY));
        empty.managedProperty().bind(empty.visibleProperty());
        buildGrid();
        Label formError = wrapped(id + "-form-error", vm.formErrorProperty());
        formError.getStyleClass().add(UiStyles.FIELD_ERROR);
        form = new VBox(12, grid, formError, buttons());
        form.visibleProperty().bind(empty.visibleProperty().not());
        form.managedProperty().bind(form.visibleProperty());
        VBox right = new VBox(10, title, details, empty, form);
        right.getStyleClass().add("machine-detail");
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        getItems().addAll(left, scroll);
        setDividerPositions(0.24);
    }

    /** Puts more below the form (the members table of a cluster). */
    public void addBelow(Node node) {
        form.getChildren().add(node);
    }

    /** Shows the named record, as a click on its name does. */
    public void open(String name) {
        vm.select(name);
        list.scrollTo(name);
    }

    private void chosen() {
        String n = list.getSelectionModel().getSelectedItem();
        if (n != null && !n.equals(vm.selectedProperty().get())) {
            vm.select(n);
        }
    }

    private void follow(String name) {
        if (name == null || !vm.names().contains(name)) {
            list.getSelectionModel().clearSelection();
        } else if (!name.equals(list.getSelectionModel().getSelectedItem())) {
            list.getSelectionModel().select(name);
        }
    }

    /** New, as the button does (Ctrl+N in this area). */
    public void requestCreate() {
        create();
    }

    /** Delete, as the button does: asks first (the Delete key in this area). */
    public void requestDelete() {
        delete();
    }

    private void create() {
        vm.create();
        lookupAll("#" + id + "-name").stream().findFirst().ifPresent(Node::requestFocus);
    }

    private void delete() {
        String name = vm.selectedProperty().get();
        if (name != null && Dialogs.confirm(getScene() == null ? null : getScene().getWindow(),
                "Delete " + id + " " + name + "?", "Delete " + id + " " + name
                        + " from the inventory? This cannot be undone.", "Delete")) {
            vm.delete();
        }
    }

    private HBox buttons() {
        Button save = new Button("Save", Icons.SAVE.node());
        save.setId(id + "-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busyProperty().or(vm.dirtyProperty().not()
                .and(vm.modeProperty().isNotEqualTo(CatalogEditorViewModel.Mode.CREATE))));
        save.setOnAction(e -> vm.save());
        Button revert = new Button("Revert", Icons.REVERT.node());
        revert.setId(id + "-revert");
        revert.disableProperty().bind(vm.dirtyProperty().not().or(vm.busyProperty()));
        revert.setOnAction(e -> vm.revert());
        Button delete = new Button("Delete", Icons.DELETE.node());
        delete.setId(id + "-delete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.modeProperty().isNotEqualTo(CatalogEditorViewModel.Mode.EDIT)
                .or(vm.busyProperty()));
        delete.setOnAction(e -> delete());
        return new HBox(8, save, revert, delete);
    }

    private void buildGrid() {
        grid.getStyleClass().add(UiStyles.FORM);
        grid.setHgap(10);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        // a fixed preferred width: a long refusal wraps inside the column instead of widening it
        ColumnConstraints fields = new ColumnConstraints(120, 360, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        for (EditorField f : vm.kind().fields()) {
            Label label = new Label(f.label());
            label.getStyleClass().add(UiStyles.MUTED);
            label.setPadding(new Insets(6, 0, 0, 0));
            Node input = input(f);
            if (input instanceof Control c) {
                label.setLabelFor(c);
            }
            Label error = wrapped(id + "-" + f.id() + "-error", vm.error(f.id()));
            error.getStyleClass().addAll(UiStyles.FIELD_ERROR, Styles.TEXT_SMALL);
            Node target = input instanceof HBox box ? box.getChildren().get(0) : input;
            vm.error(f.id()).addListener((obs, o, n) -> target.pseudoClassStateChanged(Styles.STATE_DANGER,
                    !n.isEmpty()));
            VBox cell = new VBox(2, input, error);
            if (f.type() == EditorField.Type.AREA || f.type() == EditorField.Type.SECRET) {
                Label hint = new Label(f.hint());
                hint.setWrapText(true);
                hint.getStyleClass().addAll(UiStyles.MUTED, Styles.TEXT_SMALL);
                cell.getChildren().add(1, hint);
            }
            grid.add(label, 0, row);
            grid.add(cell, 1, row++);
            if (!f.when().isEmpty()) {
                String[] w = f.when().split("=", 2);
                for (Node n : new Node[] {label, cell}) {
                    n.visibleProperty().bind(vm.field(w[0]).isEqualTo(w[1]));
                    n.managedProperty().bind(n.visibleProperty());
                }
            }
            GridPane.setValignment(label, VPos.TOP);
        }
    }

    private Node input(EditorField f) {
        StringProperty p = vm.field(f.id());
        String nodeId = id + "-" + f.id();
        return switch (f.type()) {
            case CHOICE -> {
                ComboBox<String> c = new ComboBox<>();
                c.setId(nodeId);
                c.setMaxWidth(Double.MAX_VALUE);
                Runnable items = () -> { // replaced only when they differ: a new list may reset the value
                    java.util.List<String> now = f.choices().apply(vm.model().inventory());
                    if (!c.getItems().equals(now)) {
                        c.getItems().setAll(now);
                    }
                };
                items.run();
                vm.model().inventoryProperty().addListener((obs, o, n) -> items.run());
                c.setOnShowing(e -> items.run());
                c.valueProperty().bindBidirectional(p);
                yield c;
            }
            case CHECK -> {
                CheckBox c = new CheckBox();
                c.setId(nodeId);
                c.setSelected(Boolean.parseBoolean(p.get()));
                p.addListener((obs, o, n) -> c.setSelected(Boolean.parseBoolean(n)));
                c.selectedProperty().addListener((obs, o, n) -> p.set(Boolean.toString(n)));
                yield c;
            }
            case AREA -> {
                TextArea a = new TextArea();
                a.setPrefRowCount(f.id().equals("schema") ? 5 : 8);
                a.getStyleClass().add("code-area");
                yield text(a, nodeId, p, "");
            }
            case SECRET -> text(new PasswordField(), nodeId, p, "");
            case FILE -> {
                TextField t = text(new TextField(), nodeId, p, f.hint());
                Button choose = new Button("Choose…");
                choose.setId(nodeId + "-choose");
                choose.setOnAction(e -> {
                    FileChooser fc = new FileChooser();
                    fc.setTitle(f.label());
                    File chosen = fc.showOpenDialog(getScene().getWindow());
                    if (chosen != null) {
                        p.set(chosen.getAbsolutePath());
                    }
                });
                HBox.setHgrow(t, Priority.ALWAYS);
                yield new HBox(6, t, choose);
            }
            case TEXT -> {
                TextField t = text(new TextField(), nodeId, p, f.hint());
                if (f.id().equals("name")) { // a record is named once: the name identifies what was read
                    t.editableProperty().bind(vm.modeProperty().isEqualTo(CatalogEditorViewModel.Mode.CREATE));
                }
                yield t;
            }
        };
    }

    private static <C extends TextInputControl> C text(C c, String nodeId, StringProperty p, String prompt) {
        c.setId(nodeId);
        c.setPromptText(prompt);
        c.setMaxWidth(Double.MAX_VALUE);
        c.textProperty().bindBidirectional(p);
        return c;
    }

    private static Label wrapped(String nodeId, ReadOnlyStringProperty text) {
        Label l = new Label();
        l.setId(nodeId);
        l.setWrapText(true);
        l.setMinWidth(0);
        l.textProperty().bind(text);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
