package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.e2e.LabWorld;
import dev.underlay.lab.FaultSpec;
import dev.underlay.lab.HostFaults;
import dev.underlay.ssh.HostRunState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-step job on 1,000 lab hosts, about one in ten faulted (refused, changed host key, failing auth,
 * disconnecting, a failing command, slow): every healthy (and every slow) host completes both steps, every
 * faulted host fails with its own cause stored with its last attempt, and the job keeps every output line.
 */
class JobScaleLabTest {
    private static final String FAULTS = "refuse:2%,hostkey:2%,auth:1.5%,disconnect:2%,fail=uname:2%,"
            + "slow=300ms:1%,seed=13";

    @TempDir
    Path dir;

    @Test
    void healthyHostsCompleteAndFaultedOnesCarryTheirCause() throws Exception {
        // faults after enrolling: every host has its own port by then (a lab started with refusing hosts on free
        // ports can give a refusing host's released port to another host)
        try (LabWorld world = LabWorld.start(1000, dir, FaultSpec.NONE);
             AppContext ctx = AppContext.open(dir.resolve("data"), false, Runnable::run)) {
            world.enrol(ctx);
            world.lab.setFaults(FaultSpec.parse(FAULTS));
            JobPlan2 plan = new JobPlan2();
            JobHandle h = ctx.jobs().start(plan.plan, "p", JobTarget.query("tag:lab"), JobOptions.DEFAULTS
                    .withForks(128), null, null);
            assertEquals(JobState.FAILED, h.done().get(300, TimeUnit.SECONDS));
            Map<String, JobListener.StepResult> last = new HashMap<>();
            ctx.jobs().results(h.id()).forEach(r -> last.put(r.host(), r));
            Map<String, Long> lines = new HashMap<>();
            ctx.jobs().output(h.id(), null, null, l -> lines.merge(l.host() + "#" + l.step() + "#" + l.text(), 1L,
                    Long::sum));
            int healthy = 0;
            int faulted = 0;
            for (JobRepository.HostRow row : ctx.jobs().hosts(h.id())) {
                String host = row.host();
                HostFaults f = world.lab.faultsOf(host);
                String expected = f.refuse() ? "CONNECTION_REFUSED" : f.hostKey() ? "HOST_KEY_CHANGED"
                        : f.auth() ? "AUTH_FAILED" : f.disconnect() ? "DISCONNECTED"
                        : f.failCommands().contains("uname") ? "exit 1" : "";
                JobListener.StepResult r = last.get(host);
                if (expected.isEmpty()) {
                    healthy++;
                    assertEquals(HostRunState.DONE, row.state(), host + ": " + r);
                    assertEquals(1L, lines.get(host + "#0#Linux"), host);
                    assertEquals(1L, lines.get(host + "#1#ok"), host);
                } else {
                    faulted++;
                    assertEquals(HostRunState.FAILED, row.state(), host);
                    assertEquals(0, r.step(), host + " failed its first step");
                    assertEquals(expected, expected.startsWith("exit") ? "exit " + r.exitStatus() : r.failure(),
                            host + ": " + r.message());
                    assertTrue(r.message().startsWith(host), "the sentence names the host: " + r.message());
                }
            }
            assertTrue(faulted >= 80 && faulted <= 100, faulted + " faulted hosts");
            assertEquals(1000, healthy + faulted);
            JobRepository.JobSummary s = ctx.jobs().find(h.id()).orElseThrow();
            assertEquals(healthy, s.done());
            assertEquals(faulted, s.failed());
        }
    }

    /** uname -s, then echo ok; a minute's timeout per attempt, no retries. */
    private static final class JobPlan2 {
        final ScriptPlan plan = ScriptPlan.of(List.of("uname -s", "echo ok"), Duration.ofMinutes(1), 0,
                Duration.ZERO);
    }
}
