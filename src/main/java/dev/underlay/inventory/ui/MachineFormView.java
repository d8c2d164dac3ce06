package dev.underlay.inventory.ui;

import atlantafx.base.theme.Styles;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.MachineKind;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.ui.Icons;
import dev.underlay.ui.UiStyles;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The detail pane of one machine: an editable form with each field's error beside it, the cluster roles, and
 * the resolved params with their sources. Binds and forwards; every decision is in {@link MachineFormViewModel}.
 */
public final class MachineFormView extends ScrollPane {
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("name", "Name"),
            Map.entry("kind", "Kind"), Map.entry("status", "Status"), Map.entry("site", "Site"),
            Map.entry("rack", "Rack"), Map.entry("u", "U position"), Map.entry("height", "Height (U)"),
            Map.entry("face", "Face"), Map.entry("address", "Address"), Map.entry("port", "SSH port"),
            Map.entry("user", "SSH user"), Map.entry("credential", "Credential"), Map.entry("tags", "Tags"),
            Map.entry("profiles", "Profiles"), Map.entry("params", "Own params"));
    /** The fields that place a machine in a rack: hidden for a cloud instance, which has none of them. */
    private static final java.util.Set<String> PLACEMENT = java.util.Set.of("rack", "u", "height", "face");

    /** Fields by form row: pairs side by side, the list fields across the whole width. */
    private static final String[][] LAYOUT = {{"name", "kind"}, {"status", "site"}, {"rack", "u"},
        {"height", "face"}, {"address", "port"}, {"user", "credential"}, {"tags"}, {"profiles"}, {"params"}};

    private final MachineFormViewModel vm;
    private final GridPane grid = new GridPane();
    private final VBox box = new VBox(12);
    private final Button delete = new Button("Delete", Icons.DELETE.node());
    private java.util.function.BiConsumer<String, String> onOpen = (area, name) -> { };
    private int row;

    public MachineFormView(MachineFormViewModel vm) {
        this.vm = vm;
        Label title = new Label();
        title.setId("form-title");
        title.getStyleClass().addAll(UiStyles.FORM_TITLE, Styles.TITLE_3);
        title.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.modeProperty().get()) {
            case CREATE -> "New machine";
            case EDIT -> vm.originalProperty().get() == null ? "" : vm.originalProperty().get().name();
            case EMPTY -> "";
        }, vm.modeProperty(), vm.originalProperty()));

        grid.getStyleClass().add(UiStyles.FORM);
        grid.setHgap(10);
        grid.setVgap(6);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints labels = new ColumnConstraints();
            labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            // A fixed preferred width, so that the two field columns share the width equally whatever they hold:
            // computed from the content, a refusal's one-line width became the column's and squeezed the other
            // column down to a few characters.
            ColumnConstraints fields = new ColumnConstraints(90, 160, Double.MAX_VALUE);
            fields.setHgrow(Priority.ALWAYS);
            fields.setFillWidth(true);
            grid.getColumnConstraints().addAll(labels, fields);
        }
        for (String[] pair : LAYOUT) {
            for (int i = 0; i < pair.length; i++) {
                add(pair[i], input(pair[i]), i, pair.length == 1);
            }
            row++;
        }
        clusterLinks();
        info("Cloud", vm.cloudProperty(), "info-cloud");

        Label formError = new Label();
        formError.setId("form-error");
        formError.getStyleClass().add(UiStyles.FIELD_ERROR);
        formError.setWrapText(true);
        formError.textProperty().bind(vm.formErrorProperty());
        formError.visibleProperty().bind(vm.formErrorProperty().isNotEmpty());
        formError.managedProperty().bind(formError.visibleProperty());

        Button save = new Button("Save", Icons.SAVE.node());
        save.setId("form-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busyProperty().or(vm.dirtyProperty().not()
                .and(vm.modeProperty().isNotEqualTo(MachineFormViewModel.Mode.CREATE))));
        save.setOnAction(e -> vm.save());
        Button revert = new Button("Revert", Icons.REVERT.node());
        revert.setId("form-revert");
        revert.disableProperty().bind(vm.dirtyProperty().not().or(vm.busyProperty()));
        revert.setOnAction(e -> vm.revert());
        delete.setId("form-delete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.modeProperty().isNotEqualTo(MachineFormViewModel.Mode.EDIT));
        HBox buttons = new HBox(8, save, revert, delete);

        Label paramsTitle = new Label("Resolved params");
        paramsTitle.getStyleClass().add(UiStyles.SECTION);
        TableView<ParamRow> params = paramsTable();

        box.getChildren().setAll(title, grid, formError, buttons, paramsTitle, params);
        box.getStyleClass().add("machine-detail");
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("machine-detail-scroll");
    }

    /** Adds a section below the resolved params (another feature's, such as the machine's facts). */
    public void addSection(javafx.scene.Node section) {
        box.getChildren().add(section);
    }

    /** Called with an area ({@code profiles}, {@code clusters}) and a name when a link or row opens one. */
    public void setOnOpen(java.util.function.BiConsumer<String, String> action) {
        onOpen = action;
    }

    /** Called when Delete is pressed in the form; the owner asks for confirmation. */
    public void setOnDelete(Runnable action) {
        delete.setOnAction(e -> action.run());
    }

    private TableView<ParamRow> paramsTable() {
        TableView<ParamRow> t = new TableView<>(vm.params());
        t.setId("param-table");
        t.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No params."));
        t.getColumns().add(column("Param", 108, ParamRow::name));
        t.getColumns().add(column("Value", 150, ParamRow::value));
        t.getColumns().add(column("Source", 150, ParamRow::source));
        t.setPrefHeight(300);
        t.setMinHeight(160);
        t.setRowFactory(tv -> {
            javafx.scene.control.TableRow<ParamRow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && !row.getItem().profile().isEmpty()) {
                    onOpen.accept("profiles", row.getItem().profile());
                }
            });
            return row;
        });
        javafx.scene.control.MenuItem open = new javafx.scene.control.MenuItem();
        open.setOnAction(e -> onOpen.accept("profiles", t.getSelectionModel().getSelectedItem().profile()));
        javafx.scene.control.MenuItem override = new javafx.scene.control.MenuItem("Set on this machine");
        override.setOnAction(e -> vm.override(t.getSelectionModel().getSelectedItem()));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(open, override);
        menu.setOnShowing(e -> {
            ParamRow r = t.getSelectionModel().getSelectedItem();
            open.setText(r == null || r.profile().isEmpty() ? "Open profile" : "Open profile " + r.profile());
            open.setDisable(r == null || r.profile().isEmpty());
            override.setDisable(r == null || r.value().equals(dev.underlay.inventory.ResolvedParam.MASK)
                    || r.source().startsWith("machine "));
        });
        t.setContextMenu(menu);
        return t;
    }

    private static TableColumn<ParamRow, String> column(String title, double width,
                                                        java.util.function.Function<ParamRow, String> f) {
        TableColumn<ParamRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        return c;
    }

    private <T> ComboBox<T> combo(String id, T[] values, javafx.beans.property.ObjectProperty<T> p) {
        ComboBox<T> c = new ComboBox<>();
        c.getItems().setAll(values);
        c.setId("field-" + id);
        c.valueProperty().bindBidirectional(p);
        c.setMaxWidth(Double.MAX_VALUE);
        c.setPrefWidth(110);
        return c;
    }

    private Control input(String f) {
        return switch (f) {
            case "kind" -> combo(f, MachineKind.values(), vm.kindProperty());
            case "status" -> combo(f, MachineStatus.values(), vm.statusProperty());
            case "face" -> combo(f, Face.values(), vm.faceProperty());
            case "params" -> {
                javafx.scene.control.TextArea a = new javafx.scene.control.TextArea();
                a.setId("field-params");
                a.setPrefRowCount(4);
                a.setPromptText("one name = value a line; resolved values and their sources are below");
                a.getStyleClass().add("code-area");
                a.textProperty().bindBidirectional(vm.field(f));
                yield a;
            }
            default -> {
                TextField t = new TextField();
                t.setId("field-" + f);
                t.setPrefColumnCount(8); // the pane is narrow; fields grow with it
                t.textProperty().bindBidirectional(vm.field(f));
                yield t;
            }
        };
    }

    private void add(String field, Control input, int column, boolean wide) {
        Label label = new Label(LABELS.get(field));
        label.setLabelFor(input);
        label.getStyleClass().add(UiStyles.MUTED);
        Label error = new Label();
        error.setId("error-" + field);
        error.getStyleClass().addAll(UiStyles.FIELD_ERROR, Styles.TEXT_SMALL);
        error.setWrapText(true);
        ReadOnlyStringProperty msg = vm.error(field);
        error.textProperty().bind(msg);
        error.visibleProperty().bind(msg.isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        msg.addListener((obs, o, n) -> input.pseudoClassStateChanged(Styles.STATE_DANGER, !n.isEmpty()));
        input.setMaxWidth(Double.MAX_VALUE);
        VBox cell = new VBox(2, input, error);
        grid.add(label, column * 2, row);
        grid.add(cell, column * 2 + 1, row, wide ? 3 : 1, 1);
        if (PLACEMENT.contains(field)) {
            for (Node n : new Node[] {label, cell}) {
                n.visibleProperty().bind(vm.placementProperty());
                n.managedProperty().bind(vm.placementProperty());
            }
        }
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        label.setPadding(new javafx.geometry.Insets(6, 0, 0, 0));
    }

    private void info(String title, ReadOnlyStringProperty value, String id) {
        Label label = new Label(title);
        label.getStyleClass().add(UiStyles.MUTED);
        Label v = new Label();
        v.setId(id);
        v.setWrapText(true);
        v.textProperty().bind(value);
        Node[] both = {label, v};
        for (Node n : both) {
            n.visibleProperty().bind(value.isNotEmpty());
            n.managedProperty().bind(n.visibleProperty());
        }
        grid.add(label, 0, row);
        grid.add(v, 1, row++, 3, 1);
    }

    /** The clusters the machine is in, each a link to its editor. */
    private void clusterLinks() {
        Label label = new Label("Clusters");
        label.getStyleClass().add(UiStyles.MUTED);
        javafx.scene.layout.FlowPane links = new javafx.scene.layout.FlowPane(6, 2);
        links.setId("info-clusters");
        Runnable fill = () -> links.getChildren().setAll(vm.clusterRoles().stream().map(r -> {
            javafx.scene.control.Hyperlink l = new javafx.scene.control.Hyperlink(r.cluster() + " (" + r.role() + ")");
            l.setOnAction(e -> onOpen.accept("clusters", r.cluster()));
            return l;
        }).toList());
        vm.clusterRoles().addListener((javafx.collections.ListChangeListener<dev.underlay.inventory.ClusterRole>) c
                -> fill.run());
        for (Node n : new Node[] {label, links}) {
            n.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.clusterRoles()));
            n.managedProperty().bind(n.visibleProperty());
        }
        grid.add(label, 0, row);
        grid.add(links, 1, row++, 3, 1);
    }
}
