package dev.underlay.inventory.ui;

import atlantafx.base.theme.Styles;
import dev.underlay.background.TaskRunner;
import dev.underlay.inventory.CatalogService;
import dev.underlay.ui.Icons;
import dev.underlay.ui.UiStyles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The console's editors of everything but machines: sites, racks, credentials, param definitions, profiles and
 * clusters, each a {@link CatalogEditorView} over its {@link CatalogEditorViewModel}, in the order the navigation
 * shows them. The cluster editor lists the members with their status below its form; a double-click on one opens
 * the machine.
 */
public final class InventoryEditors {
    /** One area of the navigation: its id, title, icon and view. */
    public record Area(String id, String title, Icons icon, Node view) {
    }

    private final Map<String, CatalogEditorViewModel<?>> models = new LinkedHashMap<>();
    private final Map<String, CatalogEditorView<?>> views = new LinkedHashMap<>();
    private final Map<String, Area> areas = new LinkedHashMap<>();

    /**
     * @param catalog     the writes (null until the data folder is open)
     * @param openMachine shows a machine in the Machines area
     */
    public InventoryEditors(InventoryModel model, Supplier<CatalogService> catalog, TaskRunner tasks,
                            Consumer<String> messages, Consumer<String> openMachine) {
        add("sites", "Sites", Icons.SITES, new PlaceKinds.Sites(), model, catalog, tasks, messages);
        add("rack-list", "Rack list", Icons.RACKS, new PlaceKinds.Racks(), model, catalog, tasks, messages);
        add("credentials", "Credentials", Icons.CREDENTIALS, new PlaceKinds.Credentials(), model, catalog, tasks,
                messages);
        add("params", "Params", Icons.PARAMS, new ParamKinds.Definitions(), model, catalog, tasks, messages);
        add("profiles", "Profiles", Icons.PROFILES, new ParamKinds.Profiles(), model, catalog, tasks, messages);
        add("clusters", "Clusters", Icons.CLUSTERS, new ParamKinds.Clusters(), model, catalog, tasks, messages);
        ClustersViewModel members = new ClustersViewModel(model);
        models.get("clusters").selectedProperty().addListener((obs, o, n) -> members.select(n));
        views.get("clusters").addBelow(membersTable(members, openMachine));
        ProfilesViewModel profiles = new ProfilesViewModel(model);
        models.get("profiles").selectedProperty().addListener((obs, o, n) -> profiles.select(n));
        views.get("profiles").addBelow(section("Its own params, with what each is for",
                table("profile-param-table", profiles.params(), List.of(
                        new Column<>("Param", 170, ParamRow::name), new Column<>("Value", 220, ParamRow::value),
                        new Column<>("Description", 260, ParamRow::source)), "This profile sets no params.", null)));
    }

    private <T> void add(String area, String title, Icons icon, EditorKind<T> kind, InventoryModel model,
                         Supplier<CatalogService> catalog, TaskRunner tasks, Consumer<String> messages) {
        CatalogEditorViewModel<T> vm = new CatalogEditorViewModel<>(kind, model, catalog, tasks, messages);
        CatalogEditorView<T> view = new CatalogEditorView<>(vm, title);
        models.put(area, vm);
        views.put(area, view);
        areas.put(area, new Area(area, title, icon, view));
    }

    /** The areas, in navigation order. */
    public List<Area> areas() {
        return List.copyOf(areas.values());
    }

    /** True when {@code area} is one of these editors. */
    public boolean has(String area) {
        return areas.containsKey(area);
    }

    /** Shows the named record in its editor (the caller shows the area). */
    public void open(String area, String name) {
        views.get(area).open(name);
    }

    /** Ctrl+N in an editor's area: a new record. */
    public void create(String area) {
        views.get(area).requestCreate();
    }

    /** Delete in an editor's area: asks, then deletes the record shown. */
    public void delete(String area) {
        views.get(area).requestDelete();
    }

    /** Ctrl+S in an editor's area. */
    public void save(String area) {
        models.get(area).save();
    }

    /** The editor of an area, for tests. */
    public CatalogEditorViewModel<?> model(String area) {
        return models.get(area);
    }

    /** One column of a detail table. */
    private record Column<R>(String title, double width, java.util.function.Function<R, String> value) {
    }

    private static Node membersTable(ClustersViewModel vm, Consumer<String> openMachine) {
        return section("Members (double-click one to open it)", table("cluster-member-table", vm.members(), List.of(
                new Column<>("Machine", 170, ClustersViewModel.MemberRow::machine),
                new Column<>("Role", 120, ClustersViewModel.MemberRow::role),
                new Column<>("Status", 100, ClustersViewModel.MemberRow::status),
                new Column<>("Placement", 150, ClustersViewModel.MemberRow::rack)), "No members.",
                r -> openMachine.accept(r.machine())));
    }

    private static Node section(String title, Node content) {
        Label l = new Label(title);
        l.getStyleClass().add(UiStyles.SECTION);
        return new javafx.scene.layout.VBox(6, l, content);
    }

    private static <R> TableView<R> table(String id, javafx.collections.ObservableList<R> rows,
                                          List<Column<R>> columns, String empty, Consumer<R> onDoubleClick) {
        TableView<R> t = new TableView<>(rows);
        t.setId(id);
        t.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(empty));
        t.setPrefHeight(280);
        for (Column<R> c : columns) {
            TableColumn<R, String> tc = new TableColumn<>(c.title());
            tc.setPrefWidth(c.width());
            tc.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(c.value().apply(cd.getValue())));
            t.getColumns().add(tc);
        }
        if (onDoubleClick != null) {
            t.setRowFactory(tv -> {
                TableRow<R> row = new TableRow<>();
                row.setOnMouseClicked(e -> {
                    if (e.getClickCount() == 2 && !row.isEmpty()) {
                        onDoubleClick.accept(row.getItem());
                    }
                });
                return row;
            });
        }
        return t;
    }
}
