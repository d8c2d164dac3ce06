package dev.underlay.app;

import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ui.InventoryModel;
import dev.underlay.inventory.ui.MachinesViewModel;
import dev.underlay.lab.ui.FaultsDialog;
import dev.underlay.lab.ui.LabViewModel;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.ui.HostKeyReviewView;
import dev.underlay.ssh.ui.HostKeyReviewViewModel;
import dev.underlay.ssh.ui.RunCommandView;
import dev.underlay.ssh.ui.RunCommandViewModel;
import dev.underlay.background.TaskRunner;
import dev.underlay.ui.Dialogs;
import dev.underlay.ui.Icons;
import dev.underlay.ui.Shortcuts;
import dev.underlay.ui.UiStyles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The SSH and lab part of the main window: the Machines and Lab menus, the tool bar, the machine table's context
 * menu, and the Run command and host key review windows they open.
 */
final class ConsoleTools implements AutoCloseable {
    private final Stage stage;
    private final AppContext context;
    private final TaskRunner tasks;
    private final InventoryModel model;
    private final MachinesViewModel machines;
    private final Consumer<String> messages;
    private final LabViewModel lab;
    private final List<Stage> toolWindows = new ArrayList<>();
    private RunCommandView lastRun;
    private HostKeyReviewView lastReview;

    ConsoleTools(Stage stage, AppContext context, TaskRunner tasks, InventoryModel model,
                 MachinesViewModel machines, Consumer<String> messages) {
        this.stage = stage;
        this.context = context;
        this.tasks = tasks;
        this.model = model;
        this.machines = machines;
        this.messages = messages;
        this.lab = new LabViewModel(context.lab(), context.hostKeys(), model::inventory,
                context.dataFolder().resolve("lab"), tasks, messages);
        lab.conflictsProperty().addListener((obs, o, n) -> {
            if (!n.isEmpty()) {
                Dialogs.error(stage, "Some lab host keys differ from the stored ones", n.size()
                        + " lab hosts present keys other than those stored; the stored keys were kept (review them"
                        + " with Machines > Review host keys…):\n\n" + String.join("\n", n.subList(0,
                        Math.min(10, n.size()))) + (n.size() > 10 ? "\n…" : ""));
            }
        });
    }

    LabViewModel lab() {
        return lab;
    }

    RunCommandView lastRun() {
        return lastRun;
    }

    HostKeyReviewView lastReview() {
        return lastReview;
    }

    Menu machinesMenu() {
        Menu m = new Menu("_Machines");
        m.getItems().addAll(
                item("Run command…", Shortcuts.RUN_COMMAND, this::runCommand),
                item("Review host keys…", null, this::reviewHostKeys));
        return m;
    }

    /** Automation: content packs, their tasks, and a template editor with a live what-if render. */
    Menu automationMenu() {
        Menu m = new Menu("_Automation");
        MenuItem open = item("Content packs and what-if…", null, this::automation);
        open.setId("menu-automation");
        m.getItems().add(open);
        return m;
    }

    private void automation() {
        var vm = new dev.underlay.automation.ui.AutomationViewModel(context.content(), context.automation(),
                model::inventory, tasks, context.jobs()::unendedPlanNames);
        toolWindow("Automation", new dev.underlay.automation.ui.AutomationView(vm), 1400, 820).show();
    }

    Menu labMenu() {
        Menu labMenu = new Menu("_Lab");
        MenuItem start = item("Start lab", null, lab::start);
        start.setId("menu-lab-start");
        MenuItem stop = item("Stop lab", null, lab::stop);
        stop.setId("menu-lab-stop");
        MenuItem faults = item("Faults…", null, () -> new FaultsDialog(stage, lab).showAndWait());
        labMenu.setOnShowing(e -> {
            start.setDisable(lab.running() || lab.busyProperty().get());
            stop.setDisable(!lab.running() || lab.busyProperty().get());
            faults.setDisable(!lab.running());
        });
        labMenu.getItems().addAll(start, stop, new SeparatorMenuItem(), faults);
        return labMenu;
    }

    ContextMenu machineContextMenu() {
        return new ContextMenu(item("Run command…", null, this::runCommand),
                item("Review host keys…", null, this::reviewHostKeys));
    }

    ToolBar toolBar() {
        Button run = new Button("Run command…", Icons.RUN.node());
        run.setId("tool-run-command");
        run.setOnAction(e -> runCommand());
        Button keys = new Button("Host keys…", Icons.HOST_KEYS.node());
        keys.setId("tool-host-keys");
        keys.setOnAction(e -> reviewHostKeys());
        Button labButton = new Button();
        labButton.setId("tool-lab");
        labButton.textProperty().bind(lab.statusProperty().map(s -> s.running() ? "Stop lab" : "Start lab"));
        labButton.disableProperty().bind(lab.busyProperty());
        labButton.setGraphic(Icons.LAB.node());
        labButton.setOnAction(e -> {
            if (lab.running()) {
                lab.stop();
            } else {
                lab.start();
            }
        });
        return new ToolBar(run, keys, new Separator(), labButton);
    }

    /** The selected machines, or every machine shown when none is selected. */
    private List<Machine> targets() {
        return machines.selection().isEmpty() ? List.copyOf(machines.rows()) : List.copyOf(machines.selection());
    }

    /**
     * What Run command starts on, as a query the technician sees and can edit: several selected rows as a node
     * set, else the search in force (one selected row is being looked at, not chosen as the target).
     */
    private String targetQuery() {
        List<Machine> sel = machines.selection();
        if (sel.size() > 1) {
            return dev.underlay.inventory.NodeSet.fold(sel.stream().map(Machine::name).toList());
        }
        String q = machines.activeQuery().text();
        return q.isBlank() ? "all" : q;
    }

    private void runCommand() {
        RunCommandViewModel vm = new RunCommandViewModel(() -> new FanOut(context.ssh()), tasks,
                model.inventory(), targetQuery());
        RunCommandView view = new RunCommandView(vm);
        lastRun = view;
        Stage w = toolWindow("Run command", view, 1180, 760);
        w.setOnHidden(e -> view.dispose());
        w.show();
    }

    private void reviewHostKeys() {
        List<Machine> on = targets();
        HostKeyReviewViewModel vm = new HostKeyReviewViewModel(context::ssh, context.hostKeys(), tasks,
                model.inventory(), on, messages);
        HostKeyReviewView view = new HostKeyReviewView(vm);
        lastReview = view;
        toolWindow("Host keys of " + dev.underlay.inventory.Counted.of(on.size(), "machine"), view, 1400, 720)
                .show();
        vm.scan();
    }

    private Stage toolWindow(String title, Parent content, double width, double height) {
        Stage w = new Stage();
        w.initOwner(stage);
        w.setTitle(title);
        w.getIcons().setAll(stage.getIcons());
        content.getStyleClass().add(UiStyles.APP_ROOT);
        // as large as asked where the screen allows, never beyond it, centred on the main window
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(content, Math.min(width, screen.getWidth() * 0.92),
                Math.min(height, screen.getHeight() * 0.9));
        w.setMinWidth(640);
        w.setMinHeight(400);
        w.setOnShown(e -> {
            w.setX(Math.max(screen.getMinX(), stage.getX() + (stage.getWidth() - w.getWidth()) / 2));
            w.setY(Math.max(screen.getMinY(), stage.getY() + (stage.getHeight() - w.getHeight()) / 2));
        });
        scene.getStylesheets().addAll(stage.getScene().getStylesheets());
        w.setScene(scene);
        toolWindows.add(w);
        w.setOnHiding(e -> toolWindows.remove(w));
        dev.underlay.ui.WindowKeys.closeWithShortcut(w);
        return w;
    }

    static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (key != null) {
            i.setAccelerator(key);
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    /** Closes the run and review windows (a running command is cancelled by its window). */
    @Override
    public void close() {
        for (Stage w : List.copyOf(toolWindows)) {
            w.close();
        }
    }
}
