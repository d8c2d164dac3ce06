package dev.underlay.inventory.ui;

import atlantafx.base.theme.Styles;
import dev.underlay.ui.UiStyles;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A read-only master/detail area: names on the left, a title, a description and a table on the right. The
 * Profiles and Clusters areas are two of these over their view models.
 *
 * @param <R> the row type of the detail table
 */
public final class CatalogView<R> extends SplitPane {
    /** One column of the detail table. */
    public record Column<R>(String title, double width, Function<R, String> value) {
    }

    public CatalogView(String id, ObservableList<String> names, Consumer<String> select,
                       ReadOnlyStringProperty details, ObservableList<R> rows, List<Column<R>> columns,
                       String emptyRows) {
        setId(id);
        ListView<String> list = new ListView<>(names);
        list.setId(id + "-list");
        list.getStyleClass().add(Styles.DENSE);
        Label title = new Label();
        title.getStyleClass().addAll(UiStyles.FORM_TITLE, Styles.TITLE_3);
        title.textProperty().bind(list.getSelectionModel().selectedItemProperty());
        Label text = new Label();
        text.setWrapText(true);
        text.getStyleClass().add(UiStyles.MUTED);
        text.textProperty().bind(details);
        TableView<R> table = new TableView<>(rows);
        table.setId(id + "-table");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(emptyRows));
        for (Column<R> c : columns) {
            TableColumn<R, String> tc = new TableColumn<>(c.title());
            tc.setPrefWidth(c.width());
            tc.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(c.value().apply(cd.getValue())));
            table.getColumns().add(tc);
        }
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox right = new VBox(10, title, text, table);
        right.getStyleClass().add("machine-detail");
        list.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> select.accept(n));
        getItems().addAll(list, right);
        setDividerPositions(0.2);
        if (!names.isEmpty()) {
            list.getSelectionModel().select(0);
        }
        // the console's areas are built before the inventory is read: select the first name when they arrive
        names.addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (list.getSelectionModel().isEmpty() && !names.isEmpty()) {
                list.getSelectionModel().select(0);
            }
        });
    }

    /** The Profiles area. */
    public static CatalogView<ParamRow> profiles(ProfilesViewModel vm) {
        return new CatalogView<>("profiles-view", vm.names(), vm::select, vm.detailsProperty(), vm.params(),
                List.of(new Column<>("Param", 170, ParamRow::name), new Column<>("Value", 260, ParamRow::value),
                        new Column<>("Description", 260, ParamRow::source)), "This profile sets no params.");
    }

    /** The Clusters area. */
    public static CatalogView<ClustersViewModel.MemberRow> clusters(ClustersViewModel vm) {
        return new CatalogView<>("clusters-view", vm.names(), vm::select, vm.detailsProperty(), vm.members(),
                List.of(new Column<>("Machine", 180, ClustersViewModel.MemberRow::machine),
                        new Column<>("Role", 140, ClustersViewModel.MemberRow::role),
                        new Column<>("Status", 110, ClustersViewModel.MemberRow::status),
                        new Column<>("Placement", 160, ClustersViewModel.MemberRow::rack)), "No members.");
    }
}
