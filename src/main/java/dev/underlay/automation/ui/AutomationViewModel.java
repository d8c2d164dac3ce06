package dev.underlay.automation.ui;

import dev.underlay.automation.AutomationCatalog;
import dev.underlay.automation.ContentService;
import dev.underlay.automation.RenderException;
import dev.underlay.automation.RenderedStep;
import dev.underlay.automation.content.ContentPack;
import dev.underlay.automation.content.Stage;
import dev.underlay.automation.content.Task;
import dev.underlay.automation.content.TaskTemplate;
import dev.underlay.background.TaskRunner;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ResolvedParam;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Automation area: installed packs to browse, and a task's template edited with a live what-if render against
 * a chosen machine, with that machine's params and their sources beside it. Renders run on the task runner (a
 * render may open sealed values from the database); a newer edit supersedes a render in flight. Never touches a
 * control. A pack is removed on the task runner too (the running-jobs check reads the job history), refused while
 * a job not ended uses it; the list is read again after.
 */
public final class AutomationViewModel {
    /** One row of the param sources table. */
    public record ParamRow(String name, String value, String source) {
    }

    private final ContentService content;
    private final AutomationCatalog catalog;
    private final Supplier<Inventory> inventory;
    private final TaskRunner tasks;
    private final Supplier<? extends Collection<String>> unendedPlans;
    private final ObservableList<ContentPack> packs = FXCollections.observableArrayList();
    private final ObservableList<String> machines = FXCollections.observableArrayList();
    private final ObservableList<ParamRow> params = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Task> task = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("");
    private final StringProperty template = new SimpleStringProperty("");
    private final StringProperty machine = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper rendered = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper packMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper removing = new ReadOnlyBooleanWrapper();
    private long generation;

    /**
     * @param unendedPlans the plan names of the jobs not ended (a blocking read, called on the task runner)
     */
    public AutomationViewModel(ContentService content, AutomationCatalog catalog, Supplier<Inventory> inventory,
                               TaskRunner tasks, Supplier<? extends Collection<String>> unendedPlans) {
        this.content = content;
        this.catalog = catalog;
        this.inventory = inventory;
        this.tasks = tasks;
        this.unendedPlans = unendedPlans;
        template.addListener((o, a, b) -> render());
        machine.addListener((o, a, b) -> render());
        reload();
    }

    /** Reads the installed packs and the machine names again. */
    public void reload() {
        packs.setAll(content.index().packs().values());
        String chosen = machine.get();
        List<String> names = List.copyOf(inventory.get().machines().keySet());
        if (!names.equals(machines)) {
            machines.setAll(names); // the combo box clears its value meanwhile: put the choice back
        }
        if (chosen != null && names.contains(chosen)) {
            machine.set(chosen);
        } else if (!names.isEmpty()) {
            machine.set(names.get(0));
        }
    }

    public ObservableList<ContentPack> packs() {
        return packs;
    }

    public ObservableList<String> machines() {
        return machines;
    }

    public ObservableList<ParamRow> params() {
        return params;
    }

    public ReadOnlyObjectProperty<Task> taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** The stage the selected task is rendered in (the first that lists it), or empty. */
    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** The first template of the selected task, as edited. */
    public StringProperty templateProperty() {
        return template;
    }

    public StringProperty machineProperty() {
        return machine;
    }

    /** What would run on the machine, secure values masked. */
    public ReadOnlyStringProperty renderedProperty() {
        return rendered.getReadOnlyProperty();
    }

    /** Why the render failed (a sentence naming param, task and machine), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the last removal did or why it was refused, or empty. */
    public ReadOnlyStringProperty packMessageProperty() {
        return packMessage.getReadOnlyProperty();
    }

    /** True while a removal runs: the view disables its remove actions. */
    public ReadOnlyBooleanProperty removingProperty() {
        return removing.getReadOnlyProperty();
    }

    /** What the confirmation asks before pack {@code p} is removed. */
    public static String removeQuestion(ContentPack p) {
        return "Remove content pack " + p.title() + "? Its " + p.tasks().size() + " tasks, " + p.stages().size()
                + " stages and " + p.workflows().size() + " workflows go; its params and profiles stay in the "
                + "inventory. Refused while a job that uses it has not ended.";
    }

    /**
     * Removes pack {@code p} (only the version listed: one replaced meanwhile is refused), off the caller's thread;
     * the list is read again after. A refusal is the pack message and goes to {@code onRefused} as well.
     */
    public void removePack(ContentPack p, Consumer<String> onRefused) {
        if (removing.get()) {
            return;
        }
        removing.set(true);
        packMessage.set("");
        tasks.submit("remove pack " + p.name(), () -> content.remove(p.name(), p.version(), unendedPlans.get()),
                done -> {
                    removing.set(false);
                    packMessage.set(done);
                    reload();
                    Task t = task.get();
                    if (t != null && !content.index().tasks().containsKey(t.name())) {
                        generation++; // a render in flight for the removed task is dropped
                        task.set(null);
                        stage.set("");
                        template.set("");
                        rendered.set("");
                        problem.set("");
                        params.clear();
                    }
                }, e -> {
                    removing.set(false);
                    String why = e instanceof IllegalArgumentException ? e.getMessage()
                            : "content pack " + p.name() + " could not be removed: "
                            + dev.underlay.ui.Failures.describe(e);
                    packMessage.set(why);
                    reload();
                    onRefused.accept(why);
                });
    }

    /** Selects a task to edit and render. */
    public void selectTask(String name) {
        Task t = content.index().tasks().get(name);
        if (t == null) {
            return;
        }
        stage.set(content.index().stages().values().stream().filter(s -> s.tasks().contains(name))
                .map(Stage::name).findFirst().orElse(""));
        task.set(t);
        template.set(t.templates().isEmpty() ? "" : t.templates().get(0).body());
        render();
    }

    private void render() {
        Task t = task.get();
        Inventory inv = inventory.get();
        Machine m = machine.get() == null ? null : inv.machines().get(machine.get());
        if (t == null || m == null) {
            return;
        }
        long mine = ++generation;
        Task edited = edited(t, template.get());
        String st = stage.get();
        tasks.submit("what-if " + t.name(), () -> new Result(show(catalog, edited, st, m, inv),
                catalog.params(m, st, inv)), r -> {
                    if (mine == generation) {
                        rendered.set(r.text.startsWith("!") ? "" : r.text);
                        problem.set(r.text.startsWith("!") ? r.text.substring(1) : "");
                        List<ParamRow> rows = new ArrayList<>();
                        for (String p : t.params()) {
                            ResolvedParam v = r.params.get(p);
                            rows.add(v == null ? new ParamRow(p, t.required().contains(p) ? "MISSING" : "(not set)",
                                    "") : new ParamRow(p, v.displayValue(), v.source().describe()));
                        }
                        params.setAll(rows);
                    }
                }, e -> {
                    if (mine == generation) {
                        problem.set(String.valueOf(e.getMessage()));
                    }
                });
    }

    private record Result(String text, Map<String, ResolvedParam> params) {
    }

    /** The shown text of every action, or {@code !} and the problem. */
    private static String show(AutomationCatalog catalog, Task t, String stage, Machine m, Inventory inv) {
        try {
            RenderedStep step = catalog.render(t, stage.isEmpty() ? null : stage, m, inv);
            StringBuilder b = new StringBuilder();
            for (RenderedStep.Action a : step.actions()) {
                b.append(a.shown());
                if (!a.shown().endsWith("\n")) {
                    b.append('\n');
                }
            }
            return b.toString();
        } catch (RenderException e) {
            return "!" + e.getMessage();
        }
    }

    private static Task edited(Task t, String firstTemplate) {
        List<TaskTemplate> ts = new ArrayList<>(t.templates());
        if (!ts.isEmpty()) {
            TaskTemplate f = ts.get(0);
            ts.set(0, new TaskTemplate(f.name(), f.kind(), f.path(), f.mode(), f.owner(), firstTemplate));
        }
        return new Task(t.name(), t.description(), ts, t.required(), t.optional(), t.publishes(), t.timeout(),
                t.retries(), t.backoff(), t.incompleteExit(), t.rebootExit(), t.pack(),
                t.continueOnFailure());
    }
}
