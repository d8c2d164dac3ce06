package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** FanOut's own bookkeeping: hosts that fail without a connection, and cancel before anything started. */
class FanOutStartTest extends SshTestBase {
    @Test
    void manyHostsWithoutATargetFinishInOrderWithoutDeepRecursion() throws Exception {
        List<FanOut.Planned> plan = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            plan.add(FanOut.Planned.unusable("m" + i, "machine m" + i + " has no address to connect to"));
        }
        AtomicInteger done = new AtomicInteger();
        List<ExecResult> rs = new FanOut(transport()).start(plan, "true", 4, null, OutputSink.DISCARD,
                r -> done.incrementAndGet()).results().get(60, TimeUnit.SECONDS);
        assertEquals(50_000, rs.size());
        assertEquals(50_000, done.get());
        assertEquals("m49999", rs.get(49_999).host());
        assertTrue(rs.stream().allMatch(r -> r.failure() == FailureKind.TARGET_INVALID), rs.get(0).message());
    }

    @Test
    void cancelBeforeAnyHostFinishesGivesEveryHostAResult() throws Exception {
        TestServer server = trustedServer();
        List<FanOut.Planned> plan = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            plan.add(FanOut.Planned.of(new SshTarget("h" + i, "127.0.0.1", server.port(), "u" + i, key(), List.of())));
        }
        FanOut.Run run = new FanOut(transport()).start(plan, "sleep 30000", 2, null, OutputSink.DISCARD, r -> { });
        run.cancel();
        List<ExecResult> rs = run.results().get(30, TimeUnit.SECONDS);
        assertEquals(6, rs.size());
        assertTrue(rs.stream().allMatch(r -> r.failure() == FailureKind.CANCELLED), rs.toString());
        assertEquals(6, run.finished());
    }
}
