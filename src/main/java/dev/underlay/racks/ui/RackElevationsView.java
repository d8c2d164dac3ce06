package dev.underlay.racks.ui;

import atlantafx.base.theme.Styles;
import dev.underlay.racks.ElevationGeometry;
import dev.underlay.racks.LegendEntry;
import dev.underlay.racks.MachineColouring;
import dev.underlay.ui.LegendPane;
import dev.underlay.ui.ToolButtons;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;

/**
 * The Racks area: a tool bar (site, colouring, zoom, undo and redo, export), the elevation canvas, the legend with
 * the gestures it understands, and the line that says what the last move did or why it was refused. Binds and
 * forwards; the picture is {@link RackElevationCanvas}'s.
 */
public final class RackElevationsView extends BorderPane {
    private final RackElevationsViewModel vm;
    private final RackElevationCanvas canvas;
    private final VBox legend = new VBox(6);
    private File lastDirectory;

    public RackElevationsView(RackElevationsViewModel vm) {
        this.vm = vm;
        this.canvas = new RackElevationCanvas(vm);
        setId("racks-view");
        setTop(toolBar());
        setCenter(canvas);
        legend.setId("rack-legend");
        legend.setPadding(new Insets(10));
        legend.setPrefWidth(190);
        legend.setMinWidth(160);
        setRight(legend);
        vm.legendProperty().addListener((obs, o, n) -> showLegend(n));
        showLegend(vm.legendProperty().get());
        Label message = new Label();
        message.setId("rack-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.moves().messageProperty());
        vm.moves().refusalProperty().addListener((obs, o, n) -> message.pseudoClassStateChanged(
                Styles.STATE_DANGER, n != null));
        message.getStyleClass().add(Styles.TEXT_SMALL);
        HBox bottom = new HBox(message);
        bottom.setPadding(new Insets(4, 10, 4, 10));
        setBottom(bottom);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.Z && !e.isShiftDown()) {
                vm.moves().undo();
                e.consume();
            } else if (e.isShortcutDown() && (e.getCode() == KeyCode.Y
                    || e.getCode() == KeyCode.Z && e.isShiftDown())) {
                vm.moves().redo();
                e.consume();
            }
        });
    }

    private ToolBar toolBar() {
        ComboBox<String> site = new ComboBox<>(vm.sites());
        site.setId("rack-site");
        site.valueProperty().bindBidirectional(vm.siteProperty());
        ComboBox<MachineColouring> colouring = new ComboBox<>(vm.colourings());
        colouring.setId("rack-colouring");
        colouring.setCellFactory(l -> new ColouringCell());
        colouring.setButtonCell(new ColouringCell());
        colouring.valueProperty().bindBidirectional(vm.colouringProperty());
        Button out = ToolButtons.of("rack-zoom-out", "\u2212", "Zoom out (Ctrl+wheel)", () -> vm.zoomBy(1 / 1.25));
        Button in = ToolButtons.of("rack-zoom-in", "+", "Zoom in (Ctrl+wheel)", () -> vm.zoomBy(1.25));
        Button fit = ToolButtons.of("rack-fit", "Fit", "Show the whole site", canvas::fit);
        Label zoom = new Label();
        zoom.setId("rack-zoom");
        zoom.setMinWidth(44);
        zoom.setAlignment(Pos.CENTER);
        zoom.textProperty().bind(vm.zoomProperty().map(z -> String.format(Locale.ROOT, "%.0f%%",
                z.doubleValue() * 100)));
        Button undo = ToolButtons.of("rack-undo", "Undo move", "Undo the last move (Ctrl+Z)", vm.moves()::undo);
        undo.disableProperty().bind(vm.moves().canUndoProperty().not().or(vm.moves().busyProperty()));
        Button redo = ToolButtons.of("rack-redo", "Redo move", "Redo (Ctrl+Y)", vm.moves()::redo);
        redo.disableProperty().bind(vm.moves().canRedoProperty().not().or(vm.moves().busyProperty()));
        Button png = ToolButtons.of("rack-export-png", "Export PNG\u2026", "The whole site as a picture", () -> export("png"));
        Button svg = ToolButtons.of("rack-export-svg", "Export SVG\u2026", "The whole site as a drawing", () -> export("svg"));
        ToolBar bar = new ToolBar(new Label("Site"), site, new Label("Colour by"), colouring, new Separator(), out,
                zoom, in, fit, new Separator(), undo, redo, new Separator(), png, svg);
        bar.setId("rack-tools");
        return bar;
    }

    private void showLegend(List<LegendEntry> entries) {
        LegendPane.fill(legend, entries.stream().map(e -> new LegendPane.Entry(e.label(),
                Color.rgb(e.swatch().red(), e.swatch().green(), e.swatch().blue()))).toList(), "rack-legend-entry",
                "Click selects, Ctrl+click adds.\nDrag across empty space to select "
                + "what it touches; drag along the U numbers to select a range of U.\nDrag a machine to "
                + "another U, face or rack; Ctrl+Z undoes.\n\u2194 full depth (both faces).");
    }

    private void export(String kind) {
        FileChooser c = new FileChooser();
        c.setTitle("Export the elevation of " + vm.siteProperty().get());
        c.setInitialFileName(vm.siteProperty().get() + "-racks." + kind);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.toUpperCase(Locale.ROOT), "*." + kind));
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            c.setInitialDirectory(lastDirectory);
        }
        File f = c.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) {
            return;
        }
        lastDirectory = f.getParentFile();
        if (kind.equals("svg")) {
            vm.exportSvg(f.toPath());
        } else {
            exportPng(f.toPath());
        }
    }

    /** Renders the whole site (not only what is in view) and hands the pixels to the view model to write. */
    public void exportPng(java.nio.file.Path file) {
        ElevationGeometry g = vm.geometry();
        if (g == null || g.frames().isEmpty() && g.siteUnplaced() == null) {
            vm.exportSvg(file); // says there is nothing to export
            return;
        }
        ElevationSnapshot.Pixels p = ElevationSnapshot.render(g, vm.colouringProperty().get(),
                vm.legendProperty().get(), canvas.currentPalette());
        vm.exportPng(file, p.width(), p.height(), p.argb());
    }

    public RackElevationCanvas canvas() {
        return canvas;
    }

    /** The laid-out site shown (for tests and the console's wiring). */
    public ElevationGeometry canvasGeometry() {
        return vm.geometry();
    }

    /** The shared selection as this view shows it. */
    public java.util.Set<String> selection() {
        return vm.selectionProperty().get();
    }

    /** The hover summary shown in the canvas's tooltip. */
    public String hoverText() {
        return vm.hoverProperty().get();
    }

    /** True while a refused drop is drawn where it landed. */
    public boolean refusalShown() {
        return vm.moves().refusalProperty().get() != null;
    }

    private static final class ColouringCell extends ListCell<MachineColouring> {
        @Override
        protected void updateItem(MachineColouring item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title());
        }
    }
}
