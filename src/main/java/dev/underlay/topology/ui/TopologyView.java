package dev.underlay.topology.ui;

import atlantafx.base.theme.Styles;
import dev.underlay.racks.LegendEntry;
import dev.underlay.racks.MachineColouring;
import dev.underlay.topology.GraphLayout;
import dev.underlay.ui.LegendPane;
import dev.underlay.ui.ToolButtons;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;

/**
 * The Topology area: a tool bar (layout, colouring, search, zoom, fit), the canvas with its minimap, the legend
 * with the gestures it understands, and a line with the graph's size and the last layout's time. Binds and
 * forwards; the picture is {@link TopologyCanvas}'s.
 */
public final class TopologyView extends BorderPane {
    private final TopologyViewModel vm;
    private final TopologyCanvas canvas;
    private final VBox legend = new VBox(6);

    public TopologyView(TopologyViewModel vm) {
        this.vm = vm;
        this.canvas = new TopologyCanvas(vm);
        setId("topology-view");
        setTop(toolBar());
        setCenter(canvas);
        legend.setId("topology-legend");
        legend.setPadding(new Insets(10));
        legend.setPrefWidth(190);
        legend.setMinWidth(160);
        setRight(legend);
        vm.legendProperty().addListener((obs, o, n) -> showLegend(n));
        showLegend(vm.legendProperty().get());
        Label status = new Label();
        status.setId("topology-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add(Styles.TEXT_SMALL);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox bottom = new HBox(8, busy, status);
        bottom.setPadding(new Insets(4, 10, 4, 10));
        setBottom(bottom);
        sceneProperty().addListener((obs, o, n) -> {
            if (n != null) {
                vm.areaShown();
            }
        });
    }

    private ToolBar toolBar() {
        ComboBox<GraphLayout> layout = new ComboBox<>(vm.layouts());
        layout.setId("topology-layout");
        layout.setConverter(converter(GraphLayout::title));
        layout.valueProperty().bindBidirectional(vm.layoutProperty());
        layout.disableProperty().bind(vm.busyProperty());
        ComboBox<MachineColouring> colouring = new ComboBox<>(vm.colourings());
        colouring.setId("topology-colouring");
        colouring.setCellFactory(l -> new ColouringCell());
        colouring.setButtonCell(new ColouringCell());
        colouring.valueProperty().bindBidirectional(vm.colouringProperty());
        TextField search = new TextField();
        search.setId("topology-search");
        search.setPromptText("Find a machine, rack, cluster\u2026");
        search.setPrefColumnCount(18);
        search.setOnAction(e -> {
            if (vm.search(search.getText())) {
                canvas.canvas().requestFocus();
            }
        });
        Button out = ToolButtons.of("topology-zoom-out", "\u2212", "Zoom out (wheel, -)", () -> vm.zoomBy(1 / 1.25));
        Button in = ToolButtons.of("topology-zoom-in", "+", "Zoom in (wheel, +)", () -> vm.zoomBy(1.25));
        Button fit = ToolButtons.of("topology-fit", "Fit", "Show the whole graph (0 or F)", vm::fit);
        Label zoom = new Label();
        zoom.setId("topology-zoom");
        zoom.setMinWidth(52);
        zoom.textProperty().bind(vm.viewportProperty().map(v -> String.format(Locale.ROOT, "%.1f%%",
                v.zoom() * 100)));
        ToolBar bar = new ToolBar(new Label("Layout"), layout, new Label("Colour by"), colouring, new Separator(),
                search, new Separator(), out, zoom, in, fit);
        bar.setId("topology-tools");
        return bar;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> title) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : title.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    private void showLegend(List<LegendEntry> entries) {
        LegendPane.fill(legend, entries.stream().map(e -> new LegendPane.Entry(e.label(),
                Color.rgb(e.swatch().red(), e.swatch().green(), e.swatch().blue()))).toList(), "topology-legend-entry",
                "Grey: sites, regions and racks; violet: clusters and their role groups.\n"
                + "Lines: where a machine sits (grey), its cluster role (violet), the bastion it is reached "
                + "through (orange).\n\nClick selects a machine (a group: its machines), Ctrl+click adds. "
                + "Shift+drag selects what the rectangle touches. Drag pans; the wheel zooms; 0 fits. Click "
                + "the minimap to go there.");
    }

    public TopologyCanvas canvas() {
        return canvas;
    }

    public TopologyViewModel viewModel() {
        return vm;
    }

    /** The shared selection as this view shows it. */
    public java.util.Set<String> selection() {
        return vm.selectionProperty().get();
    }

    private static final class ColouringCell extends ListCell<MachineColouring> {
        @Override
        protected void updateItem(MachineColouring item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title());
        }
    }
}
