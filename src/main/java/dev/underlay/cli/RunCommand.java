package dev.underlay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.underlay.automation.jobs.FailurePolicy;
import dev.underlay.automation.jobs.JobHandle;
import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobService;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.automation.jobs.Strategy;
import dev.underlay.automation.jobs.WaveSize;
import dev.underlay.ssh.HostRunState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code underlay run WORKFLOW|TASK --on QUERY [...]} or {@code underlay run --command CMD --on QUERY}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a workflow or a task (or one command, --command) as a job on the machines of a query.",
            "The target is resolved once, at the start, and kept with the job; everything the job does and prints",
            "is stored ('underlay jobs', 'underlay logs JOB'). At the end, identical outputs are printed once and",
            "a summary line groups failed hosts by cause. Exit status 0 only when every host completed every step."})
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Parameters(arity = "0..1", paramLabel = "WORKFLOW|TASK", description = "What to run, by name.")
    private String name;

    @Option(names = "--command", paramLabel = "CMD", description = "Run this one command as a one-step job.")
    private String command;

    @Option(names = "--on", required = true, paramLabel = "QUERY",
            description = "Machine query ('all' for every machine), e.g. 'rack:fra1-r01 tag:web'.")
    private String on;

    @Option(names = "--strategy", paramLabel = "free|linear", defaultValue = "free",
            description = "free: each host advances on its own (default); linear: a step on every host first.")
    private String strategy;

    @Option(names = "--wave", paramLabel = "N|N%", description = "Rolling waves of N hosts (or N%% of them).")
    private String wave;

    @Option(names = "--by", paramLabel = "rack|PARAM", description = "Waves follow this failure domain.")
    private String by;

    @Option(names = "--max-fail", paramLabel = "N%", description = "Stop after a wave with more failed hosts.")
    private String maxFail;

    @Option(names = "--policy", paramLabel = "continue|stop|pause", defaultValue = "continue",
            description = "When a host fails: the others go on (default), or the job stops, or it pauses.")
    private String policy;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "64", description = "Hosts in flight at once.")
    private int forks;

    @Option(names = "--dry-run", description = "Render every step for every host; connect nowhere.")
    private boolean dryRun;

    @Option(names = "--rehearse", description = "Run on lab twins of the machines (loopback), not on them.")
    private boolean rehearse;

    @Option(names = "--json", description = "Print the job's result as one JSON object at the end.")
    private boolean json;

    @Override
    public Integer call() {
        if ((name == null) == (command == null)) {
            throw new CliException("name a workflow or task, or give --command 'CMD' (one of the two)",
                    UnderlayCli.USAGE);
        }
        JobOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (CliContext ctx = data.open()) {
            JobService jobs = ctx.jobs();
            String plan = command != null ? JobService.COMMAND_PREFIX + command : name;
            AtomicInteger ended = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            JobListener progress = new JobListener() {
                @Override
                public void hostState(long job, String host, HostRunState state) {
                    if (state.isFinal()) {
                        ended.incrementAndGet();
                        if (state == HostRunState.FAILED) {
                            failed.incrementAndGet();
                        }
                    }
                }
            };
            long start = System.nanoTime();
            JobHandle h;
            try {
                h = jobs.start(plan, JobTarget.query(on), options, progress);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
            if (!json) {
                err.println("job " + h.id() + ": " + h.hosts() + " hosts" + (h.waves() > 1 ? " in " + h.waves()
                        + " waves" : "") + (dryRun ? " (dry run)" : rehearse ? " (rehearsal on lab twins)" : ""));
                err.flush();
            }
            Thread hook = new Thread(() -> {
                h.run().ifPresent(r -> r.cancel());
                try {
                    h.done().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // the summary is not printed; the job is stored as cancelled or, if killed, interrupted
                }
            }, "underlay-run-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            JobState end;
            try {
                end = await(h, ended, failed, err);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down: the hook runs
                }
            }
            RunSummary summary = new RunSummary(jobs, h.id());
            if (json) {
                out.println(json(jobs, h.id()));
            } else {
                summary.gathered(out);
                err.println(summary.line(Duration.ofNanos(System.nanoTime() - start)));
            }
            return end == JobState.SUCCEEDED ? UnderlayCli.OK : UnderlayCli.FAILURE;
        }
    }

    /** Waits for the end, printing progress every two seconds at most. */
    private JobState await(JobHandle h, AtomicInteger ended, AtomicInteger failed, PrintWriter err) {
        int last = -1;
        for (long i = 0; i < Long.MAX_VALUE; i++) { // bounded by the job, which always ends
            try {
                return h.done().get(2, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (!json && ended.get() != last) {
                    last = ended.get();
                    err.println("  " + last + " of " + h.hosts() + " hosts ended, " + failed.get() + " failed");
                    err.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                h.run().ifPresent(r -> r.cancel());
                return JobState.CANCELLED;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new CliException("job " + h.id() + " failed inside: " + e.getCause());
            }
        }
        return JobState.FAILED;
    }

    private JobOptions options() {
        try {
            double max = -1;
            if (maxFail != null) {
                String m = maxFail.trim();
                max = Double.parseDouble(m.endsWith("%") ? m.substring(0, m.length() - 1) : m);
            }
            if (forks < 1) {
                throw new IllegalArgumentException("--forks must be at least 1, not " + forks);
            }
            return new JobOptions(Strategy.parse(strategy), wave == null ? null : WaveSize.parse(wave),
                    by == null ? "" : by, max, false, FailurePolicy.parse(policy), forks, dryRun, rehearse);
        } catch (NumberFormatException e) {
            throw new CliException("--max-fail is a share such as 20%, not '" + maxFail + "'", UnderlayCli.USAGE);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), UnderlayCli.USAGE);
        }
    }

    static String json(JobService jobs, long id) {
        ObjectMapper mapper = new ObjectMapper();
        JobRepository.JobSummary s = jobs.find(id).orElseThrow();
        ObjectNode o = mapper.createObjectNode();
        o.put("job", id).put("state", s.state().id()).put("message", s.message()).put("title", s.title());
        ArrayNode hosts = o.putArray("hosts");
        java.util.Map<String, ArrayNode> steps = new java.util.HashMap<>();
        for (JobRepository.HostRow h : jobs.hosts(id)) {
            ObjectNode hn = hosts.addObject().put("host", h.host()).put("state", h.state().id()).put("wave",
                    h.wave() + 1);
            steps.put(h.host(), hn.putArray("attempts"));
        }
        for (JobListener.StepResult r : jobs.results(id)) {
            steps.get(r.host()).addObject().put("step", s.stepLabels().get(r.step())).put("attempt", r.attempt())
                    .put("state", r.state().id()).put("exit", r.exitStatus()).put("failure", r.failure())
                    .put("message", r.message());
        }
        return o.toString();
    }
}
