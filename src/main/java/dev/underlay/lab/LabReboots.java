package dev.underlay.lab;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A lab host's reboot, as a job engine sees a real one: the port stops accepting at once, the host's sessions drop
 * just after the {@code reboot} command has sent its exit status, and after the downtime the host listens again on
 * the same port with the same host key and a new boot id. Re-binding is retried a bounded number of times (another
 * program may hold the port for a moment); a host whose port stays taken stays down, as a host that does not boot.
 */
final class LabReboots {
    /** Default time a rebooting host refuses connections. */
    static final Duration DEFAULT_DOWNTIME = Duration.ofSeconds(2);
    /** Lets the {@code reboot} command's exit status reach the client before its session drops. */
    static final long SESSION_GRACE_MS = 50;
    static final long REBIND_EVERY_MS = 100;
    /** Attempts to listen again before the host is left down (5 s at {@value #REBIND_EVERY_MS} ms). */
    static final int MAX_REBINDS = 50;

    private final Lab lab;
    private final ScheduledExecutorService scheduler;
    private volatile Duration downtime = DEFAULT_DOWNTIME;

    LabReboots(Lab lab, ScheduledExecutorService scheduler) {
        this.lab = lab;
        this.scheduler = scheduler;
    }

    Duration downtime() {
        return downtime;
    }

    void downtime(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a lab host's reboot downtime cannot be negative (got " + d + ")");
        }
        downtime = d;
    }

    /** Starts the reboot of {@code s}; a host already rebooting ignores the second request. */
    void reboot(HostState s) {
        if (!lab.goDown(s)) {
            return;
        }
        scheduler.schedule(() -> lab.dropSessions(s), SESSION_GRACE_MS, TimeUnit.MILLISECONDS);
        scheduler.schedule(() -> comeUp(s, 1), Math.max(SESSION_GRACE_MS, downtime.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    private void comeUp(HostState s, int attempt) {
        if (!lab.comeUp(s, attempt >= MAX_REBINDS)) {
            scheduler.schedule(() -> comeUp(s, attempt + 1), REBIND_EVERY_MS, TimeUnit.MILLISECONDS);
        }
    }
}
