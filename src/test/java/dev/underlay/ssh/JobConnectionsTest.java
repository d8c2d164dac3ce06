package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One job's connections without FanOut: the transport's global and per-bastion limits on commands in flight,
 * bastion chains for commands and scans, and a job of many hosts on a few threads. (FanOut itself: FanOutTest.)
 */
class JobConnectionsTest extends SshTestBase {

    private List<ExecResult> runAll(JobConnections job, List<SshTarget> targets, String command) throws Exception {
        List<CompletableFuture<ExecResult>> fs = new ArrayList<>();
        for (SshTarget t : targets) {
            fs.add(job.exec(t, command, OutputSink.DISCARD).result());
        }
        List<ExecResult> out = new ArrayList<>();
        for (CompletableFuture<ExecResult> f : fs) {
            out.add(f.get(120, TimeUnit.SECONDS));
        }
        return out;
    }

    private List<SshTarget> users(TestServer server, int n, List<SshTarget> jumps) {
        List<SshTarget> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new SshTarget("h" + i, "127.0.0.1", server.port(), "user" + i, key(), jumps));
        }
        return out;
    }

    @Test
    void theGlobalLimitCapsCommandsInFlight() throws Exception {
        TestServer server = trustedServer();
        SshTransport t = transport(QUICK.withLimits(2, 10), PassphraseProvider.NONE);
        List<ExecResult> results = runAll(job(t), users(server, 6, List.of()), "sleep 150");
        assertTrue(results.stream().allMatch(ExecResult::succeeded), failures(results));
        assertEquals(2, server.maxRunningCommands.get());
        assertEquals(0, t.inFlight());
    }

    @Test
    void handshakesBeyondTheLimitWaitTheirTurnInsteadOfTimingOut() throws Exception {
        TestServer server = trustedServer();
        server.authDelayMillis = 300; // each login takes 0.6 s or more (the key is checked twice)
        // 8 logins of 0.6 s at once against a 2 s auth timeout: 2 at a time, each well inside its own limit
        SshTransport t = transport(QUICK.withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ZERO)
                .withMaxHandshakes(2), PassphraseProvider.NONE);
        List<ExecResult> results = runAll(job(t), users(server, 8, List.of()), "echo hi");
        assertTrue(results.stream().allMatch(ExecResult::succeeded), failures(results));
        assertEquals(2, server.maxUnauthenticated.get(), "never more than 2 sessions were logging in at once");
        assertEquals(2, t.connector().handshakesPeak());
    }

    @Test
    void theBastionLimitCapsCommandsThroughOneBastion() throws Exception {
        TestServer bastion = trustedServer();
        TestServer inner = trustedServer();
        SshTransport t = transport(QUICK.withLimits(50, 1), PassphraseProvider.NONE);
        List<ExecResult> results = runAll(job(t), users(inner, 3, List.of(bastion.target("jump", key()))),
                "sleep 100");
        assertTrue(results.stream().allMatch(ExecResult::succeeded), failures(results));
        assertEquals(1, inner.maxRunningCommands.get());
        assertEquals(1, bastion.sessionsOpened.get(), "one bastion session carries every tunnel of the job");
    }

    @Test
    void scansHostKeysBehindABastion() throws Exception {
        TestServer bastion = trustedServer();
        TestServer inner = server();
        SshTransport t = transport();
        List<HostKeyReview> rows = t.scanHostKeys(List.of(inner.target("inner", key())
                .via(List.of(bastion.target("jump", key()))))).get(60, TimeUnit.SECONDS);
        assertEquals(HostKeyStatus.NEW, rows.get(0).status(), rows.get(0).message());
        assertEquals(HostKeys.fingerprint(inner.hostKey.getPublic()), rows.get(0).fingerprint());
        assertEquals(new Endpoint("127.0.0.1", inner.port()), rows.get(0).endpoint());
    }

    @Test
    void reachesATargetThroughTwoBastionsInOrder() throws Exception {
        TestServer first = trustedServer();
        TestServer second = trustedServer();
        TestServer inner = trustedServer();
        SshTarget target = inner.target("deep", key()).via(List.of(first.target("a", key()),
                second.target("b", key())));
        ExecResult r = await(job(transport()).exec(target, "echo deep", OutputSink.DISCARD));
        assertEquals(FailureKind.NONE, r.failure(), r.message());
        assertEquals(1, first.sessionsOpened.get());
        assertEquals(1, second.sessionsOpened.get());
        assertEquals(List.of("echo deep"), inner.commandsRun);
    }

    @Test
    void fiftyHostsRunOnAFewThreads() throws Exception {
        TestServer server = trustedServer();
        SshTransport t = transport(QUICK.withIoWorkers(2), PassphraseProvider.NONE);
        List<ExecResult> results = runAll(job(t), users(server, 50, List.of()), "lines 3");
        assertTrue(results.stream().allMatch(r -> r.succeeded() && r.stdoutLines() == 3), failures(results));
        assertEquals(0, t.inFlight());
        // I/O workers, their resume helpers, one timer, the blocking pool: none of it grows with the hosts
        long clientThreads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.contains("SshClient") || n.startsWith("underlay-ssh")).count();
        assertTrue(clientThreads <= 10, "client threads: " + clientThreads);
    }
}
