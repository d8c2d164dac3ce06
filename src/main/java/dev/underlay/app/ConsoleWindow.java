package dev.underlay.app;

import dev.underlay.inventory.io.InventoryExporter;
import dev.underlay.inventory.io.InventoryImporter;
import dev.underlay.inventory.ui.BulkEditViewModel;
import dev.underlay.inventory.CatalogService;
import dev.underlay.inventory.ui.InventoryEditors;
import dev.underlay.inventory.ui.ExportViewModel;
import dev.underlay.inventory.ui.ImportDialog;
import dev.underlay.inventory.ui.InventoryFiles;
import dev.underlay.inventory.ui.ImportViewModel;
import dev.underlay.inventory.ui.InventoryModel;
import dev.underlay.inventory.ui.MachineFormViewModel;
import dev.underlay.inventory.ui.MachinesView;
import dev.underlay.inventory.ui.MachinesViewModel;
import dev.underlay.inventory.ui.MachineSelection;
import dev.underlay.lab.ui.LabViewModel;
import dev.underlay.racks.SideBySideLayout;
import dev.underlay.racks.ui.RackElevationsView;
import dev.underlay.racks.ui.RackElevationsViewModel;
import dev.underlay.topology.ForceLayout;
import dev.underlay.topology.LayeredLayout;
import dev.underlay.topology.ui.TopologyView;
import dev.underlay.topology.ui.TopologyViewModel;
import dev.underlay.background.ExecutorTaskRunner;
import dev.underlay.background.TaskRunner;
import dev.underlay.ui.ActivityTaskRunner;
import dev.underlay.ui.AppShell;
import dev.underlay.ui.Dialogs;
import dev.underlay.ui.HelpMenu;
import dev.underlay.ui.Icons;
import dev.underlay.ui.Shortcuts;
import dev.underlay.ui.StatusBar;
import dev.underlay.ui.Theme;
import dev.underlay.ui.ThemeViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * Assembles the main window: view models over the inventory, the Machines, Profiles and Clusters areas, menus
 * with the keyboard shortcuts, and the status bar. It is built and shown before the data folder is read (reading
 * 100,000 machines takes a second or two, and building the window as long again), disabled, and
 * {@link #open(AppContext)} then brings in the machines, the SSH and lab tools and the stored theme.
 */
final class ConsoleWindow implements AutoCloseable {
    private final Stage stage;
    private final String folderLabel;
    private final LateTaskRunner contextTasks = new LateTaskRunner();
    private final ActivityTaskRunner tasks = new ActivityTaskRunner(contextTasks);
    /** Filtering the machines table: its own thread, so a query never waits behind a write or an SSH scan. */
    private final TaskRunner filtering = new ExecutorTaskRunner("underlay-filter", 1, Platform::runLater);
    /** Topology layouts: their own thread, seconds long at 5,000 vertices, never ahead of a write in the queue. */
    private final TaskRunner layouts = new ExecutorTaskRunner("underlay-layout", 1, Platform::runLater);
    private final InventoryModel model = new InventoryModel(Platform::runLater);
    private final StringProperty lastMessage = new SimpleStringProperty("");
    private final MachinesViewModel machines;
    private final MachinesView machinesView;
    private final InventoryEditors editors;
    private CatalogService catalog;
    private final RackElevationsView racksView;
    private final TopologyView topologyView;
    private final StatusBar status;
    private final MenuBar menuBar;
    private final RadioMenuItem light = new RadioMenuItem("Light theme");
    private final RadioMenuItem dark = new RadioMenuItem("Dark theme");
    private final AppShell shell;
    private final HelpMenu help;
    private AppContext context;
    private ThemeViewModel theme;
    private ConsoleTools tools;
    private File lastDirectory;
    private AutoCloseable placement;
    /** Health and last job result, for the racks and the topology: live, and read from the folder on open. */
    private final ColouringFeeds colourings = new ColouringFeeds();
    private MachineSelection selection;
    private dev.underlay.automation.ui.jobs.JobsConsole jobsConsole;

    /** @param folderLabel how the data folder is named in the status bar (its path, or a short display name) */
    ConsoleWindow(Stage stage, String folderLabel) {
        this.stage = stage;
        this.folderLabel = folderLabel;
        machines = new MachinesViewModel(model, tasks, filtering, lastMessage::set);
        MachineFormViewModel form = new MachineFormViewModel(model, tasks, lastMessage::set,
                name -> machines.requestSelect(List.of(name)));
        BulkEditViewModel bulk = new BulkEditViewModel(model, tasks, lastMessage::set, machines.selection());
        machinesView = new MachinesView(machines, form, bulk);
        // one selection for the table, the racks and the topology
        selection = new MachineSelection(machines);
        RackElevationsViewModel racks = new RackElevationsViewModel(model, selection, new SideBySideLayout(),
                tasks, Platform::runLater, lastMessage::set);
        colourings.addTo(racks::addColouring);
        racksView = new RackElevationsView(racks);
        TopologyViewModel topology = new TopologyViewModel(model, selection, List.of(new LayeredLayout(),
                new ForceLayout()), layouts, Platform::runLater, lastMessage::set, true);
        colourings.addTo(topology::addColouring);
        topologyView = new TopologyView(topology);

        status = new StatusBar(folderLabel, Bindings.createStringBinding(
                () -> String.format(java.util.Locale.ROOT, "%,d machines, %,d shown, %,d selected",
                        machines.totalProperty().get(), machines.shownProperty().get(), machines.selection().size()),
                machines.totalProperty(), machines.shownProperty(), machines.selection()), tasks);
        status.messageProperty().bind(lastMessage);

        help = new HelpMenu(() -> stage, new ExecutorTaskRunner("underlay-about", 1, Platform::runLater),
                () -> context != null ? context.dataFolder().toString() : folderLabel,
                () -> dev.underlay.db.DataFolders.keys().toString());
        editors = new InventoryEditors(model, () -> catalog, tasks, lastMessage::set, this::openMachine);
        menuBar = menus();
        shell = new AppShell(menuBar, status);
        shell.addArea("machines", "Machines", Icons.MACHINES, machinesView);
        shell.addArea("racks", "Racks", Icons.RACKS, racksView);
        shell.addArea("topology", "Topology", Icons.TOPOLOGY, topologyView);
        editors.areas().forEach(a -> shell.addArea(a.id(), a.title(), a.icon(), a.view()));
        machinesView.setOnOpen(this::open);
        shell.setDisable(true);
        lastMessage.set("Opening " + folderLabel + "\u2026");
    }

    /** Brings in the open data folder: its machines, the SSH and lab tools, the stored theme. On the FX thread. */
    void open(AppContext ctx) {
        this.context = ctx;
        this.catalog = new CatalogService(ctx.inventory(), ctx.credentialSecrets());
        contextTasks.set(ctx.tasks());
        this.theme = new ThemeViewModel(ctx.settings(), tasks);
        this.tools = new ConsoleTools(stage, ctx, tasks, model, machines, lastMessage::set);
        machinesView.addFormSection(dev.underlay.automation.ui.MachineFactsView.section(ctx.facts(), tasks));
        status.addSegment("status-lab", tools.lab().statusTextProperty());
        shell.setToolBar(tools.toolBar());
        // jobs (issues 13, 14): the Jobs area, the start dialog on the selection, the job windows
        jobsConsole = new dev.underlay.automation.ui.jobs.JobsConsole(stage, ctx.jobs(), ctx.content()::index,
                model::inventory, tasks, selection::names, lastMessage::set);
        shell.addArea("jobs", "Jobs", Icons.RUN, jobsConsole.view());
        colourings.open(ctx, jobsConsole.events(), tasks, lastMessage::set);
        Menu automationMenu = tools.automationMenu();
        automationMenu.getItems().add(0, jobsConsole.contextItems().get(0));
        menuBar.getMenus().addAll(menuBar.getMenus().size() - 1, List.of(tools.machinesMenu(), tools.labMenu(),
                automationMenu));
        machinesView.tableView().table().setContextMenu(jobsConsole.addTo(withOpenItems(
                tools.machineContextMenu())));
        javafx.scene.control.ContextMenu racksMenu = jobsConsole.addTo(tools.machineContextMenu());
        racksView.canvas().setOnContextMenuRequested(e -> racksMenu.show(racksView.canvas(), e.getScreenX(),
                e.getScreenY()));
        ContextMenu topologyMenu = jobsConsole.addTo(tools.machineContextMenu());
        topologyMenu.getItems().add(item("Open details", null, () -> topologyView.viewModel().selectedMachines()
                .stream().findFirst().ifPresent(m -> openMachine(m.name()))));
        topologyView.canvas().canvas().setOnContextMenuRequested(e -> topologyMenu.show(topologyView.canvas(),
                e.getScreenX(), e.getScreenY()));
        theme.themeProperty().addListener((obs, o, n) -> {
            UnderlayApp.applyTheme(n);
            (n == Theme.DARK ? dark : light).setSelected(true);
        });
        theme.load();
        placement = dev.underlay.ui.StagePlacement.remember(stage, new dev.underlay.ui.WindowPlacementViewModel(
                ctx.settings(), tasks));
        model.attach(ctx.inventory());
        shell.setDisable(false);
        lastMessage.set("Opened " + folderLabel + ".");
    }

    AppShell root() {
        return shell;
    }

    MachinesView machinesView() {
        return machinesView;
    }

    RackElevationsView racksView() {
        return racksView;
    }

    TopologyView topologyView() {
        return topologyView;
    }

    ThemeViewModel theme() {
        return theme;
    }

    LabViewModel lab() {
        return tools.lab();
    }

    dev.underlay.automation.ui.jobs.JobsConsole jobs() {
        return jobsConsole;
    }

    private MenuBar menus() {
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("Import…", Shortcuts.IMPORT, this::importFile),
                item("Export…", Shortcuts.EXPORT, this::exportFile),
                new SeparatorMenuItem(),
                item("Quit", Shortcuts.QUIT, stage::close));
        Menu edit = new Menu("_Edit");
        // New and Delete act on the area shown: Delete in the rack editor must not delete machines
        MenuItem create = item("New machine", Shortcuts.NEW, () -> {
            if (editors.has(shell.shown())) {
                editors.create(shell.shown());
            } else {
                machines().newMachine();
            }
        });
        MenuItem delete = item("Delete selected machines…", Shortcuts.DELETE, () -> {
            if (stage.getScene().getFocusOwner() instanceof TextInputControl) {
                return;
            }
            if (editors.has(shell.shown())) {
                editors.delete(shell.shown());
            } else {
                machines().deleteSelected();
            }
        });
        edit.setOnShowing(e -> {
            String entity = editors.has(shell.shown()) ? editors.model(shell.shown()).kind().entity() : null;
            create.setText(entity == null ? "New machine" : "New " + entity);
            delete.setText(entity == null ? "Delete selected machines…" : "Delete " + entity + "…");
            delete.setDisable(entity == null ? machines.selection().isEmpty()
                    : editors.model(shell.shown()).selectedProperty().get() == null);
        });
        edit.setOnHidden(e -> delete.setDisable(false)); // the Delete key with nothing selected does nothing
        edit.getItems().addAll(create, item("Save", Shortcuts.SAVE, this::save), delete,
                new SeparatorMenuItem(),
                item("Find machines", Shortcuts.FIND, () -> machines().focusSearch()));
        Menu view = new Menu("_View");
        ToggleGroup themes = new ToggleGroup();
        light.setId("menu-theme-light");
        dark.setId("menu-theme-dark");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setSelected(true);
        light.setOnAction(e -> theme.select(Theme.LIGHT));
        dark.setOnAction(e -> theme.select(Theme.DARK));
        view.getItems().addAll(item("Machines", null, () -> shell.show("machines")),
                item("Racks", null, () -> shell.show("racks")), item("Topology", null, () -> shell.show("topology")));
        editors.areas().forEach(a -> view.getItems().add(item(a.title(), null, () -> shell.show(a.id()))));
        view.getItems().addAll(item("Jobs", null, () -> shell.show("jobs")), new SeparatorMenuItem(), light, dark);
        MenuBar bar = new MenuBar(file, edit, view, help.menu()); // the Machines and Lab menus come with the data folder
        bar.setId("menu-bar");
        return bar;
    }

    /** Ctrl+S: saves the form of the area shown. */
    private void save() {
        if (editors.has(shell.shown())) {
            editors.save(shell.shown());
        } else {
            machines().save();
        }
    }

    /** Shows a record in its editor: {@code area} is {@code profiles}, {@code clusters}, ... */
    void open(String area, String name) {
        shell.show(area);
        editors.open(area, name);
    }

    private void openMachine(String name) {
        machines().openMachine(name);
    }

    /** Adds what a right-click on one machine can open: its rack, profiles and clusters in their editors. */
    private ContextMenu withOpenItems(ContextMenu menu) {
        Menu rack = new Menu("Open rack");
        Menu profiles = new Menu("Open profile");
        Menu clusters = new Menu("Open cluster");
        menu.getItems().addAll(new SeparatorMenuItem(), rack, profiles, clusters);
        menu.setOnShowing(e -> {
            List<dev.underlay.inventory.Machine> sel = machines.selection();
            dev.underlay.inventory.Machine m = sel.size() == 1 ? sel.get(0) : null;
            fillOpen(rack, "rack-list", m == null || m.rack().isEmpty() ? List.of() : List.of(m.rack()));
            fillOpen(profiles, "profiles", m == null ? List.of() : m.profiles());
            fillOpen(clusters, "clusters", m == null ? List.of() : model.inventory().clusterRoles(m.name())
                    .stream().map(dev.underlay.inventory.ClusterRole::cluster).distinct().toList());
        });
        return menu;
    }

    private void fillOpen(Menu menu, String area, List<String> names) {
        menu.getItems().setAll(names.stream().map(n -> item(n, null, () -> open(area, n))).toList());
        menu.setDisable(names.isEmpty());
    }

    InventoryEditors editors() {
        return editors;
    }

    private MachinesView machines() {
        shell.show("machines");
        return machinesView;
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        return ConsoleTools.item(text, key, action);
    }

    private void importFile() {
        File f = InventoryFiles.importChooser(lastDirectory).showOpenDialog(stage);
        if (f == null) {
            return;
        }
        lastDirectory = f.getParentFile();
        importFile(f.toPath());
    }

    /** The dry run of one file in a dialog, written on Apply (for tests too: they cannot drive the chooser). */
    void importFile(Path file) {
        InventoryImporter importer = new InventoryImporter(context.inventory(), context.secrets().orElse(null),
                context.dataFolder());
        ImportViewModel vm = new ImportViewModel(file, importer::plan, importer::apply, tasks, lastMessage::set);
        vm.replan();
        new ImportDialog(stage, vm).showAndWait();
    }

    private void exportFile() {
        FileChooser c = InventoryFiles.exportChooser(lastDirectory);
        File f = c.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        lastDirectory = f.getParentFile();
        InventoryFiles.confirm(stage, ExportViewModel.target(f.toPath(), InventoryFiles.selectedFormat(c)))
                .ifPresent(this::exportFile);
    }

    /** Writes the export in the background (for tests too: they cannot drive the chooser). */
    void exportFile(ExportViewModel.Target t) {
        InventoryExporter exporter = new InventoryExporter(context.dataFolder());
        new ExportViewModel(model::inventory, exporter::export, tasks, lastMessage::set,
                m -> Dialogs.error(stage, "Export failed", m)).export(t.file(), t.format());
    }

    @Override
    public void close() {
        status.dismissNotification();
        if (placement != null) {
            try {
                placement.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (tools != null) {
            tools.close();
        }
        if (jobsConsole != null) {
            jobsConsole.close();
        }
        model.close();
        filtering.close();
        layouts.close();
        help.close();
    }
}
