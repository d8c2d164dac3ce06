package dev.underlay.topology.ui;

import dev.underlay.background.TaskRunner;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ui.InventoryModel;
import dev.underlay.inventory.ui.MachineSelection;
import dev.underlay.racks.LegendEntry;
import dev.underlay.racks.MachineColouring;
import dev.underlay.racks.RoleColouring;
import dev.underlay.racks.StatusColouring;
import dev.underlay.topology.GraphLayout;
import dev.underlay.topology.PlacedGraph;
import dev.underlay.topology.TopologyBuilder;
import dev.underlay.topology.TopologyGraph;
import dev.underlay.ui.Failures;
import dev.underlay.ui.LatestValueBatcher;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Topology area: the inventory's graph laid out (built and laid out on the task runner; a snapshot
 * that changes no vertex or edge keeps the layout and only recolours), the layout and colouring chosen, the legend,
 * the viewport, the vertex found by a search, the hover summary, and the shared selection. Never touches a control:
 * tested on the same-thread runner. On the FX thread.
 */
public final class TopologyViewModel {
    /** Every layout starts from this seed, so the same inventory always gives the same picture. */
    public static final long SEED = 14;
    private final InventoryModel model;
    private final MachineSelection selection;
    private final TaskRunner tasks;
    private final Consumer<String> messages;
    private final ObservableList<GraphLayout> layouts = FXCollections.observableArrayList();
    private final ObjectProperty<GraphLayout> layout = new SimpleObjectProperty<>(this, "layout");
    private final ObservableList<MachineColouring> colourings = FXCollections.observableArrayList();
    private final ObjectProperty<MachineColouring> colouring = new SimpleObjectProperty<>(this, "colouring");
    private final ReadOnlyObjectWrapper<PlacedGraph> picture = new ReadOnlyObjectWrapper<>(this, "picture");
    private final ReadOnlyObjectWrapper<Inventory> shown = new ReadOnlyObjectWrapper<>(this, "shown",
            Inventory.empty());
    private final ReadOnlyObjectWrapper<List<LegendEntry>> legend = new ReadOnlyObjectWrapper<>(this, "legend",
            List.of());
    private final ReadOnlyIntegerWrapper recolours = new ReadOnlyIntegerWrapper(this, "recolours");
    private final ReadOnlyIntegerWrapper focused = new ReadOnlyIntegerWrapper(this, "focused", -1);
    private final ReadOnlyStringWrapper hover = new ReadOnlyStringWrapper(this, "hover", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport", Viewport.DEFAULT);
    private final LatestValueBatcher<Boolean> recolour;
    private double viewWidth;
    private double viewHeight;
    private long generation;
    private boolean fitPending = true;
    private int hovered = -1;
    /** Nothing is laid out before {@link #areaShown()} (the console's Topology area, decision 0033). */
    private final boolean whenShown;
    private boolean everShown;

    /**
     * @param fxThread where a live colouring's changes are batched to ({@code Platform::runLater} in the console)
     * @param messages the status bar's message line
     */
    public TopologyViewModel(InventoryModel model, MachineSelection selection, List<GraphLayout> layouts,
                             TaskRunner tasks, Executor fxThread, Consumer<String> messages) {
        this(model, selection, layouts, tasks, fxThread, messages, false);
    }

    /**
     * @param whenShown lay out nothing until {@link #areaShown()}: the console's first window does not show the
     *                  topology, and its first layout (the layered one's library, some 650 classes) would compete
     *                  with the window for the start's CPU
     */
    public TopologyViewModel(InventoryModel model, MachineSelection selection, List<GraphLayout> layouts,
                             TaskRunner tasks, Executor fxThread, Consumer<String> messages, boolean whenShown) {
        this.whenShown = whenShown;
        this.model = model;
        this.selection = selection;
        this.tasks = tasks;
        this.messages = messages;
        this.recolour = new LatestValueBatcher<>(fxThread, v -> recolours.set(recolours.get() + 1));
        this.layouts.setAll(layouts);
        layout.set(layouts.get(0));
        addColouring(new StatusColouring());
        addColouring(new RoleColouring());
        colouring.set(colourings.get(0));
        colouring.addListener((obs, o, n) -> updateLegend());
        layout.addListener((obs, o, n) -> {
            fitPending = true;
            refresh(model.inventory());
        });
        model.inventoryProperty().addListener((obs, o, n) -> refresh(n));
        refresh(model.inventory());
    }

    /** Adds a colouring to the chooser (the job engine's live-state one plugs in here, as in the racks). */
    public void addColouring(MachineColouring c) {
        colourings.add(c);
        c.onChange(() -> recolour.post(Boolean.TRUE));
    }

    /** The view is in a window for the first time (or again): the first call lays out what waited for it. */
    public void areaShown() {
        if (!everShown) {
            everShown = true;
            if (whenShown) {
                refresh(model.inventory());
            }
        }
    }

    /** Builds the graph of {@code inv} on a worker and lays it out unless its structure is the one shown. */
    private void refresh(Inventory inv) {
        if (whenShown && !everShown) {
            return;
        }
        long gen = ++generation;
        PlacedGraph current = picture.get();
        GraphLayout l = layout.get();
        busy.set(true);
        tasks.submit("topology-layout", () -> {
            long t0 = System.nanoTime();
            TopologyGraph g = TopologyBuilder.build(inv);
            if (current != null && current.layoutId().equals(l.id()) && current.graph().equals(g)) {
                return new Laid(current, 0);
            }
            PlacedGraph p = l.layout(g, SEED);
            return new Laid(p, System.nanoTime() - t0);
        }, laid -> {
            if (gen != generation) {
                return; // a newer snapshot or layout is on its way
            }
            busy.set(false);
            shown.set(inv);
            PlacedGraph now = picture.get();
            if (laid.picture() == now || now != null && now.layoutId().equals(laid.picture().layoutId())
                    && now.graph().equals(laid.picture().graph())) { // two snapshots laid out side by side
                recolours.set(recolours.get() + 1);
            } else {
                picture.set(laid.picture());
                focused.set(-1);
                hovered = -1;
                status.set(String.format(Locale.ROOT, "%,d vertices, %,d edges; %s layout in %.2f s",
                        laid.picture().graph().size(), laid.picture().graph().edges().size(),
                        l.title().toLowerCase(Locale.ROOT), laid.nanos() / 1e9));
                if (fitPending && viewWidth > 0) {
                    fit();
                }
            }
            updateLegend();
        }, e -> {
            if (gen == generation) {
                busy.set(false);
                messages.accept("Could not lay out the topology (" + l.title() + "): " + Failures.describe(e));
            }
        });
    }

    private record Laid(PlacedGraph picture, long nanos) {
    }

    private void updateLegend() {
        MachineColouring c = colouring.get();
        Inventory inv = shown.get();
        legend.set(c == null ? List.of() : c.legend(inv, inv.machines().values()));
    }

    // ---- what is shown ----

    public ObservableList<GraphLayout> layouts() {
        return layouts;
    }

    public ObjectProperty<GraphLayout> layoutProperty() {
        return layout;
    }

    public ObservableList<MachineColouring> colourings() {
        return colourings;
    }

    public ObjectProperty<MachineColouring> colouringProperty() {
        return colouring;
    }

    /** The graph laid out; null until the first layout ends. */
    public ReadOnlyObjectProperty<PlacedGraph> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    public PlacedGraph picture() {
        return picture.get();
    }

    /** The snapshot the machines are coloured from (newer than the picture when only states changed). */
    public ReadOnlyObjectProperty<Inventory> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<LegendEntry>> legendProperty() {
        return legend.getReadOnlyProperty();
    }

    /** Counts recolourings without a new layout (a snapshot of the same structure, a live colouring's change). */
    public ReadOnlyIntegerProperty recoloursProperty() {
        return recolours.getReadOnlyProperty();
    }

    /** True while a graph is built or laid out. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Vertices, edges and the last layout's time. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // ---- viewport ----

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    /** The canvas's size, in pixels (the canvas tells it at each layout). */
    public void viewSize(double width, double height) {
        boolean first = viewWidth <= 0 && width > 0;
        viewWidth = width;
        viewHeight = height;
        if (first && fitPending && picture.get() != null) {
            fit();
        }
    }

    public void panBy(double dx, double dy) {
        viewport.set(viewport.get().panBy(dx, dy));
    }

    /** Zooms about a point of the view. */
    public void zoomAt(double factor, double sx, double sy) {
        viewport.set(viewport.get().zoomAt(factor, sx, sy));
    }

    /** Zooms about the middle of the view. */
    public void zoomBy(double factor) {
        zoomAt(factor, viewWidth / 2, viewHeight / 2);
    }

    /** Shows the whole drawing. */
    public void fit() {
        PlacedGraph p = picture.get();
        fitPending = false;
        if (p != null) {
            viewport.set(Viewport.fit(p.width(), p.height(), viewWidth, viewHeight));
        }
    }

    /** Centres the view on a layout point, keeping the zoom (the minimap's click and drag). */
    public void centreOn(double wx, double wy) {
        viewport.set(Viewport.centredOn(wx, wy, viewport.get().zoom(), viewWidth, viewHeight));
    }

    // ---- search, hover ----

    /** The vertex the last search found (drawn highlighted), or -1. */
    public ReadOnlyIntegerProperty focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    /**
     * Finds the vertex named {@code text} (a machine, rack, site, cluster, or a role as {@code cluster/role}): the
     * exact name first, else the first whose name contains it, machines before groups; centres on it, at a zoom
     * where its name reads, and highlights it. Says so when nothing matches.
     */
    public boolean search(String text) {
        PlacedGraph p = picture.get();
        String q = text == null ? "" : text.strip();
        if (p == null || q.isEmpty()) {
            focused.set(-1);
            return false;
        }
        int hit = p.graph().find(q);
        focused.set(hit);
        if (hit < 0) {
            messages.accept("No site, rack, machine, cluster or role in the topology is named like \"" + text.strip()
                    + "\".");
            return false;
        }
        viewport.set(Viewport.centredOn(p.centerX(hit), p.centerY(hit), Math.max(1, viewport.get().zoom()),
                viewWidth, viewHeight));
        return true;
    }

    /** The summary of the vertex under the pointer, or empty. */
    public ReadOnlyStringProperty hoverProperty() {
        return hover.getReadOnlyProperty();
    }

    /** The pointer is over vertex {@code i} (-1: over none). */
    public void hover(int i) {
        if (i == hovered) {
            return; // called at every pointer move: the summary is made once per vertex entered
        }
        hovered = i;
        PlacedGraph p = picture.get();
        hover.set(p == null || i < 0 ? "" : NodeSummary.of(p, i, shown.get(), colouring.get()));
    }

    // ---- selection ----

    /** The shared selection's names. */
    public ReadOnlyObjectProperty<Set<String>> selectionProperty() {
        return selection.namesProperty();
    }

    /**
     * A click on vertex {@code i}: a machine alone, or added or removed with {@code toggle} (Ctrl); a rack, site,
     * cluster or role group selects the machines under it; -1 clears (without {@code toggle}).
     */
    public void click(int i, boolean toggle) {
        Set<String> s = new LinkedHashSet<>(toggle ? selection.names() : Set.of());
        List<String> under = i < 0 ? List.of() : machinesUnder(i);
        if (toggle && !under.isEmpty() && s.containsAll(under)) {
            under.forEach(s::remove);
        } else {
            s.addAll(under);
        }
        selection.select(s);
    }

    /** A rubber band: selects the machines whose vertices it touches, or adds them with {@code add}. */
    public void selectIn(double x0, double y0, double x1, double y1, boolean add) {
        PlacedGraph p = picture.get();
        if (p == null) {
            return;
        }
        Set<String> s = new LinkedHashSet<>(add ? selection.names() : Set.of());
        p.forEachIn(x0, y0, x1, y1, i -> {
            String m = p.graph().node(i).machine();
            if (m != null) {
                s.add(m);
            }
        });
        selection.select(s);
    }

    /** The machine of vertex {@code i}, or those below it (see {@link TopologyGraph#machinesUnder}). */
    List<String> machinesUnder(int i) {
        PlacedGraph p = picture.get();
        return p == null || i < 0 ? List.of() : p.graph().machinesUnder(i);
    }

    /** The selected machines the inventory has, for the context menu's actions. */
    public List<Machine> selectedMachines() {
        Inventory inv = shown.get();
        return selection.names().stream().map(inv.machines()::get).filter(java.util.Objects::nonNull).toList();
    }
}
