package dev.underlay.automation.jobs;

import dev.underlay.automation.JobPlan;
import dev.underlay.automation.PlannedStep;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Machine;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.InventoryTargets;
import dev.underlay.ssh.JobConnections;
import dev.underlay.ssh.SshTransport;
import dev.underlay.ssh.StepRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Starts, controls and keeps jobs: the target resolved once at the start and stored with the job, waves planned,
 * the run on the application's SSH client (or on lab twins for a rehearsal, or nowhere for a dry run), everything
 * it reports written through one {@link JobLog}. On construction, jobs a killed process left running are marked
 * interrupted. Thread-safe; jobs run on I/O threads, nothing here blocks on a job but {@link #close()}.
 */
public final class JobService implements AutoCloseable {
    /** Plan names of one-command jobs: {@code command:uname -a}. */
    public static final String COMMAND_PREFIX = "command:";

    private final InventoryService inventory;
    private final Supplier<SshTransport> ssh;
    private final JobRepository repository;
    private final PlanSource plans;
    private final Path rehearseFolder;
    private final JobLog log;
    private final ScheduledExecutorService timers;
    private final Map<Long, JobRun> active = new ConcurrentHashMap<>();
    private final int interrupted;
    private volatile Duration rebootPoll = Duration.ofSeconds(5);
    private volatile FaultSpec rehearsalFaults = FaultSpec.NONE;
    private final List<java.util.function.LongConsumer> ended = new java.util.concurrent.CopyOnWriteArrayList<>();

    public JobService(InventoryService inventory, Supplier<SshTransport> ssh, JobRepository repository,
                      PlanSource plans, Path rehearseFolder) {
        this.inventory = inventory;
        this.ssh = ssh;
        this.repository = repository;
        this.plans = plans;
        this.rehearseFolder = rehearseFolder;
        this.interrupted = repository.markInterrupted(Instant.now());
        this.log = new JobLog(repository);
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "underlay-job-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Jobs found running at start (left by a killed process) and marked interrupted. */
    public int interruptedAtStart() {
        return interrupted;
    }

    /** How often a rebooting host is tried (5 s; tests shorten it). */
    public void rebootPoll(Duration every) {
        this.rebootPoll = every;
    }

    /**
     * Told the id of every job that ran (not a dry run) once its log is written, on the job timer thread, before
     * the job's {@code done} completes: facts and health are harvested here. A listener that throws is logged.
     */
    public void addEndListener(java.util.function.LongConsumer listener) {
        ended.add(listener);
    }

    /** Faults given to rehearsal twins (tests and demos); none by default. */
    public void rehearsalFaults(FaultSpec faults) {
        this.rehearsalFaults = faults;
    }

    /** The plan called {@code name}: {@code command:CMD}, or a workflow or task of the catalog. */
    public JobPlan plan(String name) {
        if (name.startsWith(COMMAND_PREFIX)) {
            return ScriptPlan.of(name.substring(COMMAND_PREFIX.length()));
        }
        return plans.plan(name).orElseThrow(() -> new IllegalArgumentException("no workflow or task is called "
                + name));
    }

    /** What a job would run on, without starting it: the machines and their waves. */
    public List<List<Machine>> preview(JobTarget target, JobOptions options) {
        Inventory inv = inventory.inventory();
        List<Machine> machines = target.resolve(inv);
        return Waves.plan(machines, options, inv);
    }

    /** Starts the plan called {@code planName} (see {@link #plan}). */
    public JobHandle start(String planName, JobTarget target, JobOptions options, JobListener extra) {
        return start(plan(planName), planName, target, options, extra, null);
    }

    /**
     * Starts a job.
     *
     * @param extra  also told everything the job reports (progress displays), on I/O threads
     * @param parent the job this one reruns, or null
     * @throws IllegalArgumentException when the target matches no machine (or names an unknown one)
     */
    public JobHandle start(JobPlan plan, String planName, JobTarget target, JobOptions options, JobListener extra,
                           Long parent) {
        Inventory inv = inventory.inventory();
        List<Machine> machines = target.resolve(inv);
        if (machines.isEmpty()) {
            throw new IllegalArgumentException("no machine matches '" + target.text() + "'" + (inv.machines()
                    .isEmpty() ? " (the inventory is empty; import machines first)" : ""));
        }
        List<List<Machine>> waves = Waves.plan(machines, options, inv);
        List<String> labels = plan.steps().stream().map(PlannedStep::label).toList();
        List<List<String>> names = waves.stream().map(w -> w.stream().map(Machine::name).toList()).toList();
        long id = repository.create(new JobRepository.NewJob(plan.title(), planName, target, options, parent,
                Instant.now(), labels, names, JobState.RUNNING));
        log.startJob(id, 0);
        JobListener listener = JobListener.all(extra == null ? List.of(log) : List.of(log, extra));
        if (options.dryRun()) {
            JobState end = DryRun.run(id, plan, waves, inv, listener);
            log.flush();
            return new JobHandle(id, Optional.empty(), CompletableFuture.completedFuture(end), machines.size(),
                    waves.size());
        }
        Rehearsal rehearsal = null;
        Map<String, FanOut.Planned> targets = new LinkedHashMap<>();
        SshTransport transport;
        try {
            if (options.rehearse()) {
                rehearsal = Rehearsal.start(machines, rehearseFolder.resolve("job-" + id), ssh.get().settings(),
                        rehearsalFaults);
                targets.putAll(rehearsal.targets());
                transport = rehearsal.transport();
            } else {
                InventoryTargets.plan(inv, machines).forEach(p -> targets.put(p.host(), p));
                transport = ssh.get();
            }
        } catch (IOException | RuntimeException e) {
            String why = e instanceof IOException ? "cannot start the rehearsal lab: " + e.getMessage()
                    : String.valueOf(e.getMessage());
            listener.jobState(id, JobState.RUNNING, "");
            listener.jobState(id, JobState.FAILED, why);
            log.flush();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(why, io);
            }
            throw (RuntimeException) e;
        }
        JobConnections connections = transport.openJob();
        StepRunner runner = new StepRunner(connections, options.forks());
        JobRun run = new JobRun(id, plan, waves, targets, options, runner, inventory::inventory, listener, timers,
                rebootPoll);
        active.put(id, run);
        Rehearsal r = rehearsal;
        CompletableFuture<JobState> done = run.done().thenApplyAsync(state -> {
            connections.close();
            if (r != null) {
                r.close();
            }
            log.flush();
            active.remove(id);
            for (java.util.function.LongConsumer l : ended) {
                try {
                    l.accept(id);
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(JobService.class).warn("after job {}: {}", id, e.toString(), e);
                }
            }
            return state;
        }, timers);
        run.start();
        return new JobHandle(id, Optional.of(run), done, machines.size(), waves.size());
    }

    /**
     * Reruns the hosts of a job that failed (or were interrupted), with the same plan and options, as a new job
     * linked to the old one.
     *
     * @throws IllegalArgumentException when there is no such job, or no host of it failed
     */
    public JobHandle rerunFailed(long jobId, JobListener extra) {
        JobRepository.JobSummary old = repository.find(jobId).orElseThrow(() -> new IllegalArgumentException(
                "there is no job " + jobId));
        List<String> failed = new ArrayList<>();
        for (JobRepository.HostRow h : repository.hosts(jobId)) {
            if (h.state() == HostRunState.FAILED || h.state() == HostRunState.INTERRUPTED) {
                failed.add(h.host());
            }
        }
        if (failed.isEmpty()) {
            throw new IllegalArgumentException("job " + jobId + " has no failed host to run again");
        }
        JobOptions options = old.options().withDryRun(false);
        return start(plan(old.planName()), old.planName(), JobTarget.hosts(failed), options, extra, jobId);
    }

    /** A job that runs in this process, to pause, resume, approve or cancel. */
    public Optional<JobRun> active(long id) {
        return Optional.ofNullable(active.get(id));
    }

    /**
     * The plan names (workflow, task or {@code command:...}) of the jobs not ended, as the repository has them: a
     * job another process runs on the same database counts too. What a content pack's removal is checked against.
     */
    public List<String> unendedPlanNames() {
        return repository.unended().stream().map(JobRepository.JobSummary::planName).distinct().toList();
    }

    public List<JobRepository.JobSummary> list(int limit) {
        return repository.list(limit);
    }

    public Optional<JobRepository.JobSummary> find(long id) {
        return repository.find(id);
    }

    /** Each host's state in the newest ended job that listed it (a console's colouring after a restart). */
    public Map<String, HostRunState> lastHostStates() {
        return repository.lastHostStates();
    }

    public List<JobRepository.HostRow> hosts(long id) {
        return repository.hosts(id);
    }

    public List<JobListener.StepResult> results(long id) {
        return repository.results(id);
    }

    public void output(long id, String host, Integer step, java.util.function.Consumer<JobRepository.OutputLine> each) {
        repository.output(id, host, step, each);
    }

    /** At most {@code limit} of the job's lines stored after {@code afterSeq}, in the order they were stored. */
    public void outputAfter(long id, long afterSeq, int limit,
                            java.util.function.Consumer<JobRepository.OutputLine> each) {
        repository.outputAfter(id, afterSeq, limit, each);
    }

    /**
     * Deletes jobs that ended more than {@code keep} ago, and the profiles their hosts in no cluster published into
     * ({@code job-N-published}) once nothing uses them; how many jobs.
     */
    public int purgeOlderThan(Duration keep) {
        int n = repository.purgeEndedBefore(Instant.now().minus(keep));
        JobProfiles.removeOrphans(inventory, id -> active.containsKey(id) || repository.find(id).isPresent());
        return n;
    }

    /**
     * Deletes one ended job with its results and output, and its {@code job-N-published} profile.
     *
     * @throws IllegalArgumentException when there is no such job, or it is still running
     */
    public void delete(long id) {
        if (active.containsKey(id)) {
            throw new IllegalArgumentException("job " + id + " is still running: cancel it, then delete it");
        }
        if (!repository.delete(id)) {
            throw new IllegalArgumentException(repository.find(id).isPresent() ? "job " + id + " has not ended "
                    + "(another process runs it?): it cannot be deleted" : "no job " + id + " is kept");
        }
        JobProfiles.removeOrphans(inventory, j -> j != id && (active.containsKey(j)
                || repository.find(j).isPresent()));
    }

    /** Lines and changes written so far. */
    public long written() {
        return log.written();
    }

    /** Writes everything reported so far before returning. */
    public void flush() {
        log.flush();
    }

    /** Cancels the jobs still running, waits briefly for them to report, writes the log and stops. */
    @Override
    public void close() {
        List<JobRun> runs = new ArrayList<>(active.values());
        runs.forEach(JobRun::cancel);
        for (JobRun r : runs) {
            try {
                r.done().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // it ends as cancelled or interrupted either way; the log below keeps what it reported
            }
        }
        log.close();
        timers.shutdownNow();
    }
}
