package dev.underlay.automation.ui.log;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.ssh.StepState;
import dev.underlay.ssh.StreamKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Realistic output of a fleet for the log viewer's tests and benchmark: apt-like lines, some coloured, outliers. */
final class LogFixture {
    static final List<String> STEPS = List.of("preflight", "install packages", "configure kubelet", "restart",
            "verify");
    private static final Instant T0 = Instant.parse("2026-12-02T03:00:00Z");
    private long seq;

    private static final String[] HOSTS = new String[1001];

    /** Kept once made: String.format per line allocated more than the viewer did in the benchmark (JFR, 0025). */
    static String host(int i) {
        if (i < 0 || i >= HOSTS.length) {
            return String.format(Locale.ROOT, "fra1-k8s-w%03d", i);
        }
        String h = HOSTS[i];
        if (h == null) {
            h = String.format(Locale.ROOT, "fra1-k8s-w%03d", i);
            HOSTS[i] = h;
        }
        return h;
    }

    JobRepository.OutputLine line(String host, int step, StreamKind stream, String text) {
        long n = seq++;
        return new JobRepository.OutputLine(n, T0.plusMillis(n / 20), host, step, stream, text);
    }

    /** {@code k}-th line of a host's output of a step; hosts {@code 7} and {@code 13} (of every 100) differ. */
    JobRepository.OutputLine fleetLine(int host, int step, int k) {
        String h = host(host);
        if (host % 100 == 13 && k == 2) {
            return line(h, step, StreamKind.STDERR, "\u001b[1;31mE: Could not get lock /var/lib/dpkg/lock-frontend\u001b[0m");
        }
        String text = switch (k % 4) {
            case 0 -> "Get:" + (k + 1) + " http://mirror.fra1.example.internal/ubuntu jammy-updates/main amd64 pkg" + k;
            case 1 -> "Setting up kubelet (1.29." + (host % 100 == 7 ? 3 : 4) + "-1.1) ...";
            case 2 -> "\u001b[32mok\u001b[0m: [" + STEPS.get(step % STEPS.size()) + "] unit " + k + " active";
            default -> "Processing triggers for man-db (2.10.2-1) ...";
        };
        return line(h, step, StreamKind.STDOUT, text);
    }

    static JobListener.StepResult result(String host, int step, StepState state) {
        return new JobListener.StepResult(host, step, 1, state, T0, state.isFinal() ? T0.plusMillis(1200) : null,
                state == StepState.FAILED ? 100 : 0, state == StepState.FAILED ? "exit 100" : "", "", "");
    }

    /** {@code hosts} hosts each printing {@code perHost} lines in a step, interleaved as a fan-out prints them. */
    List<JobRepository.OutputLine> step(int hosts, int step, int perHost) {
        List<JobRepository.OutputLine> out = new ArrayList<>(hosts * perHost);
        for (int k = 0; k < perHost; k++) {
            for (int h = 1; h <= hosts; h++) {
                out.add(fleetLine(h, step, k));
            }
        }
        return out;
    }
}
