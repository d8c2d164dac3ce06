package dev.underlay.automation.facts;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobService;
import dev.underlay.ssh.StepState;
import dev.underlay.ssh.StreamKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Facts and health in the inventory: when a job that ran facts or health tasks ends, {@link #harvest} reads its
 * stored results and output (one query each) and keeps a row per machine for that run. Facts come from the
 * output of the steps of tasks {@link #FACT_TASKS} (read by {@link FactsReader}); health from the results of
 * every task named {@code health-*}: a failed disk or services check is critical, any other failed check a
 * warning, a check that could not run (no connection, timeout, cancelled, never reached) unknown.
 */
public final class FactsService {
    /** The facts pack's tasks whose output holds facts. */
    public static final Set<String> FACT_TASKS = Set.of("facts-os", "facts-cpu-memory", "facts-storage-network");
    /** Health checks whose failure makes a machine critical (others make it a warning). */
    public static final Set<String> CRITICAL_CHECKS = Set.of("health-disk", "health-services");

    private final FactsStore store;
    private final JobService jobs;
    private final List<java.util.function.Consumer<Map<String, MachineHealth>>> healthListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public FactsService(FactsStore store, JobService jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    /** What one harvest stored. */
    public record Harvest(int facts, int health) {
    }

    /** Stores the facts and health job {@code jobId} found, if it ran any such task; a dry run finds none. */
    public Harvest harvest(long jobId) {
        Optional<JobRepository.JobSummary> summary = jobs.find(jobId);
        if (summary.isEmpty() || summary.get().options().dryRun()) {
            return new Harvest(0, 0);
        }
        List<String> labels = summary.get().stepLabels();
        Map<Integer, String> factSteps = new LinkedHashMap<>();
        Map<Integer, String> healthSteps = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String task = labels.get(i).substring(labels.get(i).lastIndexOf('/') + 1);
            if (FACT_TASKS.contains(task)) {
                factSteps.put(i, task);
            } else if (task.startsWith("health-")) {
                healthSteps.put(i, task);
            }
        }
        if (factSteps.isEmpty() && healthSteps.isEmpty()) {
            return new Harvest(0, 0);
        }
        Map<String, Map<Integer, JobListener.StepResult>> results = lastAttempts(jobs.results(jobId));
        Map<String, Map<Integer, List<String>>> out = new HashMap<>();
        Map<String, Map<Integer, String>> lastLine = new HashMap<>();
        jobs.output(jobId, null, null, l -> {
            if (l.stream() == StreamKind.STDOUT) {
                out.computeIfAbsent(l.host(), k -> new HashMap<>()).computeIfAbsent(l.step(), k -> new ArrayList<>())
                        .add(l.text());
            }
            if (!l.text().isBlank() && healthSteps.containsKey(l.step())) {
                lastLine.computeIfAbsent(l.host(), k -> new HashMap<>()).put(l.step(), l.text().strip());
            }
        });
        List<MachineFacts> facts = new ArrayList<>();
        List<MachineHealth> health = new ArrayList<>();
        for (JobRepository.HostRow h : jobs.hosts(jobId)) {
            Map<Integer, JobListener.StepResult> r = results.getOrDefault(h.host(), Map.of());
            if (!factSteps.isEmpty()) {
                facts(jobId, h.host(), factSteps, r, out.getOrDefault(h.host(), Map.of()), facts);
            }
            if (!healthSteps.isEmpty()) {
                health.add(health(jobId, h.host(), healthSteps, r, lastLine.getOrDefault(h.host(), Map.of())));
            }
        }
        if (!facts.isEmpty()) {
            store.addFacts(facts);
        }
        if (!health.isEmpty()) {
            store.addHealth(health);
            if (!healthListeners.isEmpty()) {
                Map<String, MachineHealth> latest = store.latestHealth();
                healthListeners.forEach(l -> l.accept(latest));
            }
        }
        return new Harvest(facts.size(), health.size());
    }

    private static void facts(long job, String host, Map<Integer, String> steps,
                              Map<Integer, JobListener.StepResult> r, Map<Integer, List<String>> out,
                              List<MachineFacts> into) {
        List<String> lines = new ArrayList<>();
        Instant at = null;
        for (int step : steps.keySet()) {
            JobListener.StepResult s = r.get(step);
            if (s != null && s.state() == StepState.OK) {
                lines.addAll(out.getOrDefault(step, List.of()));
                at = s.ended() == null ? at : at == null || s.ended().isAfter(at) ? s.ended() : at;
            }
        }
        if (at != null) {
            into.add(FactsReader.read(host, job, at, lines));
        }
    }

    private static MachineHealth health(long job, String host, Map<Integer, String> steps,
                                        Map<Integer, JobListener.StepResult> r, Map<Integer, String> lastLine) {
        HealthState state = HealthState.OK;
        Instant checked = null;
        List<MachineHealth.Check> checks = new ArrayList<>();
        boolean failed = false;
        for (Map.Entry<Integer, String> e : steps.entrySet()) {
            JobListener.StepResult s = r.get(e.getKey());
            Instant at = s == null || s.ended() == null ? null : s.ended();
            checked = at == null ? checked : checked == null || at.isAfter(checked) ? at : checked;
            String line = lastLine.get(e.getKey());
            if (s != null && s.state() == StepState.OK) {
                checks.add(new MachineHealth.Check(e.getValue(), HealthState.OK, line == null ? "passed"
                        : "passed: " + line, at));
                continue;
            }
            HealthState severity;
            String why;
            if (s == null || s.state() != StepState.FAILED || !s.failure().isEmpty()) {
                severity = HealthState.UNKNOWN;
                why = s == null ? (failed ? "did not run: an earlier check failed" : "did not run")
                        : s.message().isEmpty() ? "could not run (" + s.state().name()
                        .toLowerCase(java.util.Locale.ROOT) + ")" : "could not run: " + s.message();
            } else {
                severity = CRITICAL_CHECKS.contains(e.getValue()) ? HealthState.CRITICAL : HealthState.WARNING;
                why = "exit " + s.exitStatus() + (line == null ? "" : ": " + line);
            }
            failed = true;
            state = state.worse(severity);
            checks.add(new MachineHealth.Check(e.getValue(), severity, why, at));
        }
        return new MachineHealth(host, job, checked == null ? Instant.now() : checked, state, checks);
    }

    /** Each host's final result of each step: its last attempt. */
    private static Map<String, Map<Integer, JobListener.StepResult>> lastAttempts(List<JobListener.StepResult> all) {
        Map<String, Map<Integer, JobListener.StepResult>> out = new HashMap<>();
        for (JobListener.StepResult r : all) {
            Map<Integer, JobListener.StepResult> m = out.computeIfAbsent(r.host(), k -> new HashMap<>());
            JobListener.StepResult old = m.get(r.step());
            if (old == null || r.attempt() >= old.attempt()) {
                m.put(r.step(), r);
            }
        }
        return out;
    }

    /**
     * Told every machine's newest health after a harvest stored some (on the thread that harvested: the job timer);
     * the racks' health colouring listens.
     */
    public void addHealthListener(java.util.function.Consumer<Map<String, MachineHealth>> listener) {
        healthListeners.add(listener);
    }

    /** Reads every machine's newest health again and tells the health listeners (after an outside change). */
    public Map<String, MachineHealth> reloadHealth() {
        Map<String, MachineHealth> latest = store.latestHealth();
        healthListeners.forEach(l -> l.accept(latest));
        return latest;
    }

    /** The newest facts of every machine that has any. */
    public Map<String, MachineFacts> latestFacts() {
        return store.latestFacts();
    }

    public Optional<MachineFacts> latestFacts(String machine) {
        return store.latestFacts(machine);
    }

    /** The machine's facts, newest first, at most {@code limit} runs. */
    public List<MachineFacts> factsHistory(String machine, int limit) {
        return store.factsHistory(machine, limit);
    }

    /** The newest health of every machine that has any. */
    public Map<String, MachineHealth> latestHealth() {
        return store.latestHealth();
    }

    /** The machine's health, newest first, at most {@code limit} runs. */
    public List<MachineHealth> healthHistory(String machine, int limit) {
        return store.healthHistory(machine, limit);
    }
}
