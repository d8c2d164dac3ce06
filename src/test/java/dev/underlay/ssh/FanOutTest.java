package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * FanOut over many hosts, each its own SSH server on a free loopback port: every host's own result in the order
 * given, a slow host holding back nobody, one host's failure touching no other, cancel in the middle of a run,
 * and {@code forks} bounding the commands the servers see at once.
 */
class FanOutTest extends SshTestBase {
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final Map<String, List<String>> lines = new ConcurrentHashMap<>();
    private final List<String> doneOrder = new CopyOnWriteArrayList<>();

    /** {@code n} trusted servers, host{@code i} answering {@code hostname} with its name, counted together. */
    private List<TestServer> hosts(int n) throws Exception {
        List<TestServer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TestServer s = trustedServer();
            s.hostName = "host" + i;
            s.sharedRunning = running;
            s.sharedMaxRunning = maxRunning;
            out.add(s);
        }
        return out;
    }

    private List<FanOut.Planned> plan(List<TestServer> servers) {
        List<FanOut.Planned> out = new ArrayList<>();
        for (TestServer s : servers) {
            out.add(FanOut.Planned.of(s.target(s.hostName, key())));
        }
        return out;
    }

    private FanOut.Run start(List<FanOut.Planned> plan, String command, int forks) {
        return new FanOut(transport()).start(plan, command, forks, null,
                (host, stream, at, line) -> lines.computeIfAbsent(host, h -> new CopyOnWriteArrayList<>()).add(line),
                r -> doneOrder.add(r.host()));
    }

    /** Waits for {@code condition} up to 30 s (polling, bounded); false when it never held. */
    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    private static int commandsRun(List<TestServer> servers) {
        return servers.stream().mapToInt(s -> s.commandsRun.size()).sum();
    }

    @Test
    void everyHostGetsItsOwnResultAndOutputInTheOrderGivenWhateverOrderTheyFinish() throws Exception {
        List<TestServer> servers = hosts(12);
        CountDownLatch slowFirst = new CountDownLatch(1);
        servers.get(0).gate = slowFirst; // the first host of the plan finishes last
        FanOut.Run run = start(plan(servers), "gate; hostname; echo done", 12);
        assertTrue(await(() -> doneOrder.size() == 11), "the other hosts finish while host0 waits: " + doneOrder);
        slowFirst.countDown();
        List<ExecResult> rs = run.results().get(60, TimeUnit.SECONDS);
        assertEquals("host0", doneOrder.get(11), "host0 finished last");
        for (int i = 0; i < 12; i++) {
            ExecResult r = rs.get(i);
            assertEquals("host" + i, r.host(), "results come in the order of the plan");
            assertEquals(0, r.exitStatus(), r.message());
            assertEquals(List.of("host" + i, "done"), lines.get("host" + i), "each host's own output, in order");
        }
    }

    @Test
    void aSlowHostHoldsBackNoneOfTheOthersEvenWhenItTakesAFork() throws Exception {
        List<TestServer> servers = hosts(10);
        CountDownLatch slow = new CountDownLatch(1);
        servers.get(1).gate = slow;
        FanOut.Run run = start(plan(servers), "gate; hostname", 2);
        // with two forks, host1 holds one of them the whole time: the eight hosts after it go through the other
        assertTrue(await(() -> doneOrder.size() == 9), "nine hosts done while host1 is still running: " + doneOrder);
        assertEquals(1, running.get(), "only host1 is still running");
        slow.countDown();
        List<ExecResult> rs = run.results().get(60, TimeUnit.SECONDS);
        assertTrue(rs.stream().allMatch(ExecResult::succeeded), failures(rs));
        assertEquals("host1", doneOrder.get(9));
    }

    @Test
    void aHostsFailureStaysThatHostsAndTheOthersRun() throws Exception {
        List<TestServer> servers = hosts(5);
        servers.get(1).exitOverride = 3;
        TestServer unknownKey = server(); // its key is not trusted
        unknownKey.hostName = "stranger";
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        List<FanOut.Planned> plan = new ArrayList<>(plan(servers));
        plan.add(2, FanOut.Planned.of(SshTarget.direct("dead", "127.0.0.1", deadPort, "tester", key())));
        plan.add(4, FanOut.Planned.of(unknownKey.target("stranger", key())));
        plan.add(FanOut.Planned.unusable("nowhere", "machine nowhere has no address to connect to"));
        List<ExecResult> rs = start(plan, "hostname; exit 0", 3).results().get(60, TimeUnit.SECONDS);
        assertEquals(List.of("host0", "host1", "dead", "host2", "stranger", "host3", "host4", "nowhere"),
                rs.stream().map(ExecResult::host).toList());
        assertEquals(FailureKind.NONE, rs.get(1).failure());
        assertEquals(3, rs.get(1).exitStatus(), "host1 exits 3, its own status");
        assertEquals(FailureKind.CONNECTION_REFUSED, rs.get(2).failure(), rs.get(2).message());
        assertEquals(FailureKind.HOST_KEY_UNKNOWN, rs.get(4).failure(), rs.get(4).message());
        assertEquals(FailureKind.TARGET_INVALID, rs.get(7).failure());
        for (int i : new int[] {0, 3, 5, 6}) {
            assertEquals(0, rs.get(i).exitStatus(), rs.get(i).message());
            assertEquals(FailureKind.NONE, rs.get(i).failure(), rs.get(i).message());
        }
        assertTrue(unknownKey.commandsRun.isEmpty(), "nothing ran on the host with the unknown key");
        assertEquals(List.of("host1"), lines.get("host1"));
    }

    @Test
    void cancelInTheMiddleKeepsFinishedResultsStopsRunningHostsAndStartsNoQueuedOne() throws Exception {
        List<TestServer> servers = hosts(12);
        CountDownLatch never = new CountDownLatch(1);
        for (TestServer s : servers.subList(3, 12)) {
            s.gate = never; // hosts 0-2 finish, 3-5 then block, 6-11 wait in the queue
        }
        FanOut.Run run = start(plan(servers), "hostname; gate", 3);
        assertTrue(await(() -> doneOrder.size() == 3 && running.get() == 3), "3 done and 3 running: " + doneOrder);
        run.cancel();
        List<ExecResult> rs = run.results().get(60, TimeUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, rs.get(i).exitStatus(), "a host done before the cancel keeps its result");
        }
        for (int i = 3; i < 6; i++) {
            assertEquals(FailureKind.CANCELLED, rs.get(i).failure());
            assertTrue(rs.get(i).message().endsWith("cancelled while running."), rs.get(i).message());
            int at = i;
            assertTrue(await(() -> servers.get(at).signalsReceived.contains("TERM")), "host" + i + " got TERM");
        }
        for (int i = 6; i < 12; i++) {
            assertTrue(rs.get(i).message().contains("cancelled before it started"), rs.get(i).message());
            assertTrue(servers.get(i).commandsRun.isEmpty(), "host" + i + " never ran the command");
        }
        assertEquals(6, commandsRun(servers));
        assertEquals(12, run.finished());
    }

    @Test
    void forksBoundTheCommandsTheServersSeeAtOnce() throws Exception {
        List<TestServer> servers = hosts(20);
        CountDownLatch open = new CountDownLatch(1);
        servers.forEach(s -> s.gate = open);
        FanOut.Run run = start(plan(servers), "gate; hostname", 4);
        assertTrue(await(() -> running.get() == 4), "four commands running: " + running.get());
        Thread.sleep(300); // room for a fifth to start if the bound leaked
        assertEquals(4, running.get());
        assertEquals(4, commandsRun(servers), "no fifth command reached a server");
        open.countDown();
        List<ExecResult> rs = run.results().get(60, TimeUnit.SECONDS);
        assertTrue(rs.stream().allMatch(ExecResult::succeeded), failures(rs));
        assertEquals(4, maxRunning.get(), "at most four at once, over all twenty servers");
        assertEquals(20, commandsRun(servers));
    }
}
