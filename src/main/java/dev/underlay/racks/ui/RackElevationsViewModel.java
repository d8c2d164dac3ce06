package dev.underlay.racks.ui;

import dev.underlay.background.TaskRunner;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ui.InventoryModel;
import dev.underlay.inventory.ui.MachineSelection;
import dev.underlay.racks.ElevationGeometry;
import dev.underlay.racks.ElevationLayout;
import dev.underlay.racks.ElevationPng;
import dev.underlay.racks.ElevationSvg;
import dev.underlay.racks.LegendEntry;
import dev.underlay.racks.MachineColouring;
import dev.underlay.racks.RackMoves;
import dev.underlay.racks.RoleColouring;
import dev.underlay.racks.SiteElevation;
import dev.underlay.racks.StatusColouring;
import dev.underlay.ui.Failures;
import dev.underlay.ui.LatestValueBatcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Racks area: the site shown, its elevation laid out, the colouring and its legend, the hover summary,
 * the shared selection, and the moves (checked while dragging, saved on a worker, undone and redone by
 * {@link RackMovesViewModel}). Never touches a control: tested on the same-thread runner. On the FX thread.
 */
public final class RackElevationsViewModel {
    /** Zoom limits: a whole 100-rack row fits at the smallest, a 1U name reads at the largest. */
    public static final double MIN_ZOOM = 0.02;
    public static final double MAX_ZOOM = 3;

    private final InventoryModel model;
    private final MachineSelection selection;
    private final ElevationLayout layout;
    private final RackMovesViewModel moves;
    private final ObservableList<String> sites = FXCollections.observableArrayList();
    private final StringProperty site = new SimpleStringProperty(this, "site", "");
    private final ObservableList<MachineColouring> colourings = FXCollections.observableArrayList();
    private final ObjectProperty<MachineColouring> colouring = new SimpleObjectProperty<>(this, "colouring");
    private final ReadOnlyObjectWrapper<ElevationGeometry> geometry = new ReadOnlyObjectWrapper<>(this, "geometry");
    private final ReadOnlyObjectWrapper<List<LegendEntry>> legend = new ReadOnlyObjectWrapper<>(this, "legend",
            List.of());
    private final ReadOnlyIntegerWrapper recolours = new ReadOnlyIntegerWrapper(this, "recolours");
    private final ReadOnlyStringWrapper hover = new ReadOnlyStringWrapper(this, "hover", "");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final LatestValueBatcher<Boolean> recolour;
    private String hovered;
    private ElevationGeometry hoveredIn;
    private final TaskRunner tasks;
    private final Consumer<String> messages;

    /**
     * @param fxThread where a live colouring's changes are batched to ({@code Platform::runLater} in the console)
     * @param messages the status bar's message line
     */
    public RackElevationsViewModel(InventoryModel model, MachineSelection selection, ElevationLayout layout,
                                   TaskRunner tasks, Executor fxThread, Consumer<String> messages) {
        this.model = model;
        this.selection = selection;
        this.layout = layout;
        this.tasks = tasks;
        this.messages = messages;
        this.moves = new RackMovesViewModel(() -> new RackMoves(model.service()), this::inventoryNow, tasks, messages);
        this.recolour = new LatestValueBatcher<>(fxThread, v -> recolours.set(recolours.get() + 1));
        addColouring(new StatusColouring());
        addColouring(new RoleColouring());
        colouring.set(colourings.get(0));
        colouring.addListener((obs, o, n) -> updateLegend());
        zoom.addListener((obs, o, n) -> {
            double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, n.doubleValue()));
            if (z != n.doubleValue()) {
                zoom.set(z);
            }
        });
        site.addListener((obs, o, n) -> rebuild());
        model.inventoryProperty().addListener((obs, o, n) -> update(n));
        update(model.inventory());
    }

    /** Adds a colouring to the chooser (the job engine's last-result and live-state ones plug in here). */
    public void addColouring(MachineColouring c) {
        colourings.add(c);
        c.onChange(() -> recolour.post(Boolean.TRUE));
    }

    private Inventory inventoryNow() {
        return model.inventory();
    }

    private void update(Inventory inv) {
        List<String> now = SiteElevation.sites(inv);
        if (!now.equals(sites)) {
            sites.setAll(now);
        }
        if (!sites.contains(site.get())) {
            site.set(sites.isEmpty() ? "" : sites.get(0)); // rebuilds
            if (sites.isEmpty()) {
                rebuild();
            }
        } else {
            rebuild();
        }
    }

    private void rebuild() {
        geometry.set(layout.layout(SiteElevation.of(model.inventory(), site.get())));
        moves.elevationChanged(geometry.get());
        updateLegend();
    }

    private void updateLegend() {
        ElevationGeometry g = geometry.get();
        MachineColouring c = colouring.get();
        legend.set(g == null || c == null ? List.of() : c.legend(g.elevation().inventory(), g.elevation().machines()));
    }

    // ---- what is shown ----

    /** Sites to choose from: those with racks first. */
    public ObservableList<String> sites() {
        return sites;
    }

    public StringProperty siteProperty() {
        return site;
    }

    /** The shown site laid out; a new geometry at each snapshot or site change. */
    public ReadOnlyObjectProperty<ElevationGeometry> geometryProperty() {
        return geometry.getReadOnlyProperty();
    }

    public ElevationGeometry geometry() {
        return geometry.get();
    }

    public ObservableList<MachineColouring> colourings() {
        return colourings;
    }

    public ObjectProperty<MachineColouring> colouringProperty() {
        return colouring;
    }

    public ReadOnlyObjectProperty<List<LegendEntry>> legendProperty() {
        return legend.getReadOnlyProperty();
    }

    /** Counts the redraws a live colouring asked for (at most one per pulse). */
    public ReadOnlyIntegerProperty recoloursProperty() {
        return recolours.getReadOnlyProperty();
    }

    /** Layout units to pixels, between {@link #MIN_ZOOM} and {@link #MAX_ZOOM}. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public void zoomBy(double factor) {
        zoom.set(zoom.get() * factor);
    }

    /** The summary of the machine under the pointer, or empty. */
    public ReadOnlyStringProperty hoverProperty() {
        return hover.getReadOnlyProperty();
    }

    /** The pointer is over {@code machine} (null: over none). */
    public void hover(String machine) {
        ElevationGeometry g = geometry.get();
        if (java.util.Objects.equals(machine, hovered) && g == hoveredIn) {
            return; // called at every pointer move: the summary is made once per machine entered
        }
        hovered = machine;
        hoveredIn = g;
        Machine m = machine == null || g == null || g.boxesOf(machine).isEmpty() ? null
                : g.elevation().inventory().machines().get(machine);
        hover.set(m == null ? "" : MachineSummary.of(m, g.elevation().inventory(), colouring.get()));
    }

    // ---- selection ----

    /** The shared selection's names. */
    public ReadOnlyObjectProperty<Set<String>> selectionProperty() {
        return selection.namesProperty();
    }

    /** A click: selects {@code machine} alone, or adds or removes it with {@code toggle} (Ctrl); null clears. */
    public void click(String machine, boolean toggle) {
        Set<String> s = new LinkedHashSet<>(toggle ? selection.names() : Set.of());
        if (machine != null && !(toggle && s.remove(machine))) {
            s.add(machine);
        }
        selection.select(s);
    }

    /** A rubber band or a range of U: selects these machines, or adds them with {@code add}. */
    public void selectAll(Collection<String> machines, boolean add) {
        Set<String> s = new LinkedHashSet<>(add ? selection.names() : Set.of());
        s.addAll(machines);
        selection.select(s);
    }

    /** Selects what rack {@code rack} holds between two U (inclusive, either order, both faces). */
    public void selectRange(String rack, int fromU, int toU, boolean add) {
        int lo = Math.min(fromU, toU);
        int hi = Math.max(fromU, toU);
        ElevationGeometry g = geometry.get();
        Set<String> in = new LinkedHashSet<>();
        for (Machine m : g.elevation().inventory().machinesInRack(rack)) {
            if (m.racked() && m.uPosition() <= hi && m.topU() >= lo) {
                in.add(m.name());
            }
        }
        selectAll(in, add);
    }

    /** Moves, their checks, undo and redo. */
    public RackMovesViewModel moves() {
        return moves;
    }

    // ---- export ----

    /** Writes the shown site's elevation as SVG, on a worker. */
    public void exportSvg(Path file) {
        ElevationGeometry g = geometry.get();
        MachineColouring c = colouring.get();
        if (g == null || g.frames().isEmpty() && g.siteUnplaced() == null) {
            messages.accept("Site " + site.get() + " has no racks to export.");
            return;
        }
        tasks.submit("export-svg", () -> {
            String svg = ElevationSvg.render(g, c);
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            Files.writeString(tmp, svg, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        }, f -> messages.accept("Exported the elevation of " + g.elevation().site() + " to " + f + "."),
                e -> messages.accept("Could not export to " + file + ": " + Failures.describe(e)));
    }

    /** Writes pixels the view rendered (ARGB rows) as a PNG, on a worker. */
    public void exportPng(Path file, int width, int height, int[] argb) {
        String s = site.get();
        tasks.submit("export-png", () -> {
            ElevationPng.write(file, width, height, argb);
            return file;
        }, f -> messages.accept("Exported the elevation of " + s + " to " + f + " (" + width + "x" + height + ")."),
                e -> messages.accept("Could not export to " + file + ": " + Failures.describe(e)));
    }
}
