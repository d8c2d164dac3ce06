package dev.underlay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.underlay.automation.jobs.JobHandle;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobService;
import dev.underlay.automation.jobs.JobState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code underlay jobs}, {@code underlay logs JOB} and {@code underlay rerun JOB --failed}. */
final class JobsCommands {
    private JobsCommands() {
    }

    /** {@code underlay jobs [--json] [--limit N]}. */
    @Command(name = "jobs", mixinStandardHelpOptions = true,
            description = "Lists jobs, newest first: state, host counts, start and duration, what and where.")
    static final class Jobs implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Option(names = "--json", description = "Print a JSON array.")
        private boolean json;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Jobs listed at most.")
        private int limit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (CliContext ctx = data.open()) {
                List<JobRepository.JobSummary> jobs = ctx.jobs().list(limit);
                if (json) {
                    ArrayNode a = new ObjectMapper().createArrayNode();
                    for (JobRepository.JobSummary j : jobs) {
                        a.addObject().put("id", j.id()).put("state", j.state().id()).put("title", j.title())
                                .put("plan", j.planName()).put("target", j.target().toString())
                                .put("hosts", j.hosts()).put("done", j.done()).put("failed", j.failed())
                                .put("created", j.created().toString())
                                .put("ended", j.ended() == null ? null : j.ended().toString())
                                .put("parent", j.parent()).put("message", j.message());
                    }
                    out.println(a);
                    return UnderlayCli.OK;
                }
                TextTable t = new TextTable("ID", "STATE", "HOSTS", "DONE", "FAILED", "STARTED", "TOOK", "WHAT",
                        "ON");
                for (JobRepository.JobSummary j : jobs) {
                    t.row(Long.toString(j.id()), j.state().id(), Integer.toString(j.hosts()),
                            Integer.toString(j.done()), Integer.toString(j.failed()),
                            j.created().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
                            took(j.created(), j.ended()), j.title() + (j.parent() == null ? "" : " (rerun of "
                                    + j.parent() + ")"), j.target().toString());
                }
                t.print(out);
                return UnderlayCli.OK;
            }
        }

        private static String took(Instant from, Instant to) {
            Duration d = Duration.between(from, to == null ? Instant.now() : to);
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0) + (to == null ? "+" : "");
        }
    }

    /** {@code underlay logs JOB [--host H] [--step S]}. */
    @Command(name = "logs", mixinStandardHelpOptions = true,
            description = "Prints a job's stored output lines in the order they arrived: time, host, step, line.")
    static final class Logs implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "JOB")
        private long job;

        @Option(names = "--host", paramLabel = "H", description = "Only this host's lines.")
        private String host;

        @Option(names = "--step", paramLabel = "S", description = "Only this step: its number (from 1) or label.")
        private String step;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (CliContext ctx = data.open()) {
                JobRepository.JobSummary j = ctx.jobs().find(job).orElseThrow(() -> new CliException("there is no "
                        + "job " + job + " (see 'underlay jobs')"));
                Integer s = step == null ? null : stepIndex(j.stepLabels(), step);
                long[] n = {0};
                ctx.jobs().output(job, host, s, l -> {
                    out.println(l.at() + " " + l.host() + " [" + j.stepLabels().get(l.step()) + "]"
                            + (l.stream() == dev.underlay.ssh.StreamKind.STDERR ? " (stderr)" : "") + " " + l.text());
                    n[0]++;
                });
                if (n[0] == 0) {
                    spec.commandLine().getErr().println("underlay: job " + job + " has no output"
                            + (host != null ? " from " + host : "") + (s != null ? " in step " + step : ""));
                }
                return UnderlayCli.OK;
            }
        }

        static int stepIndex(List<String> labels, String step) {
            try {
                int i = Integer.parseInt(step) - 1;
                if (i >= 0 && i < labels.size()) {
                    return i;
                }
            } catch (NumberFormatException e) {
                int i = labels.indexOf(step);
                if (i >= 0) {
                    return i;
                }
            }
            throw new CliException("the job has no step " + step + " (steps: 1-" + labels.size() + ": "
                    + String.join(", ", labels) + ")", UnderlayCli.USAGE);
        }
    }

    /** {@code underlay rerun JOB --failed}. */
    @Command(name = "rerun", mixinStandardHelpOptions = true,
            description = "Runs a job again on the hosts that failed (or were interrupted), as a new linked job.")
    static final class Rerun implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "JOB")
        private long job;

        @Option(names = "--failed", required = true, description = "Only the failed hosts (required).")
        private boolean failed;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (CliContext ctx = data.open()) {
                JobService jobs = ctx.jobs();
                long start = System.nanoTime();
                JobHandle h;
                try {
                    h = jobs.rerunFailed(job, null);
                } catch (IllegalArgumentException e) {
                    throw new CliException(e.getMessage());
                }
                err.println("job " + h.id() + ": rerun of job " + job + " on " + h.hosts() + " failed hosts");
                JobState end = h.done().get(7, TimeUnit.DAYS);
                RunSummary summary = new RunSummary(jobs, h.id());
                summary.gathered(out);
                err.println(summary.line(Duration.ofNanos(System.nanoTime() - start)));
                return end == JobState.SUCCEEDED ? UnderlayCli.OK : UnderlayCli.FAILURE;
            }
        }
    }
}
