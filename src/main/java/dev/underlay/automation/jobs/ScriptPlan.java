package dev.underlay.automation.jobs;

import dev.underlay.automation.JobPlan;
import dev.underlay.automation.PlannedStep;
import dev.underlay.automation.RenderedStep;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands run as a job, one step each, the same on every host: {@code run --command 'CMD'} until the catalog
 * lands, and the plan of tests and benchmarks. The text holds no params, so what is shown is what runs.
 */
public final class ScriptPlan implements JobPlan {
    private final String title;
    private final List<PlannedStep> steps;
    private final List<String> commands;

    private ScriptPlan(String title, List<PlannedStep> steps, List<String> commands) {
        this.title = title;
        this.steps = List.copyOf(steps);
        this.commands = List.copyOf(commands);
    }

    /** One step running {@code command}, with no retries. */
    public static ScriptPlan of(String command) {
        return of(List.of(command), null, 0, Duration.ZERO);
    }

    /**
     * One step per command, named {@code command-1}, ...
     *
     * @param timeout per attempt, or null for none
     */
    public static ScriptPlan of(List<String> commands, Duration timeout, int retries, Duration backoff) {
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one command");
        }
        List<PlannedStep> steps = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            steps.add(new PlannedStep(i, "", "command-" + (i + 1), timeout, retries, backoff, -1, -1));
        }
        String title = commands.size() == 1 ? "command " + commands.get(0) : commands.size() + " commands";
        return new ScriptPlan(title, steps, commands);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<PlannedStep> steps() {
        return steps;
    }

    @Override
    public RenderedStep render(PlannedStep step, Machine machine, Inventory inventory) {
        String c = commands.get(step.index());
        return new RenderedStep(List.of(new RenderedStep.Script(c, c)));
    }
}
