package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SshExecTest extends SshTestBase {
    record Line(String host, StreamKind stream, Instant at, String text) {
    }

    @Test
    void streamsStdoutAndStderrLinesWithTimestampsAndReportsExitStatusAndKex() throws Exception {
        TestServer server = trustedServer();
        JobConnections job = job(transport());
        List<Line> lines = new CopyOnWriteArrayList<>();
        Instant before = Instant.now();
        ExecResult r = await(job.exec(server.target("web-01", key()), "echo hello; err oops; partial tail; exit 3",
                (h, s, at, l) -> lines.add(new Line(h, s, at, l))));
        assertEquals(FailureKind.NONE, r.failure(), r.message());
        assertEquals(3, r.exitStatus());
        assertFalse(r.succeeded());
        assertEquals("curve25519-sha256", r.keyExchange());
        assertEquals(2, r.stdoutLines());
        assertEquals(1, r.stderrLines());
        assertTrue(lines.contains(new Line("web-01", StreamKind.STDOUT, lines.get(0).at(), "hello"))
                || lines.stream().anyMatch(l -> l.text().equals("hello") && l.stream() == StreamKind.STDOUT));
        assertTrue(lines.stream().anyMatch(l -> l.text().equals("oops") && l.stream() == StreamKind.STDERR));
        assertTrue(lines.stream().anyMatch(l -> l.text().equals("tail") && l.stream() == StreamKind.STDOUT),
                "an unterminated last line is delivered at the end");
        assertTrue(lines.stream().allMatch(l -> l.host().equals("web-01") && !l.at().isBefore(before)));
    }

    @Test
    void negotiatesThePostQuantumHybridWhenItIsOfferedFirst() throws Exception {
        TestServer server = trustedServer();
        SshTransport pq = transport(QUICK.withAlgorithms(SshAlgorithms.DEFAULT.postQuantumFirst()),
                PassphraseProvider.NONE);
        ExecResult r = await(job(pq).exec(server.target("web-01", key()), "echo quantum", OutputSink.DISCARD));
        assertEquals(FailureKind.NONE, r.failure(), r.message());
        assertEquals("mlkem768x25519-sha256", r.keyExchange());
    }

    @Test
    void sendsKeepalivesWhileACommandIsQuiet() throws Exception {
        TestServer server = trustedServer();
        SshTransport t = transport(QUICK.withKeepAlive(Duration.ofMillis(200), 3, Duration.ofMinutes(1)),
                PassphraseProvider.NONE);
        ExecResult r = await(job(t).exec(server.target("web-01", key()), "sleep 1500; echo awake",
                OutputSink.DISCARD));
        assertEquals(0, r.exitStatus(), r.message());
        assertTrue(server.keepAlivesReceived.get() >= 2, "keepalives during 1.5 s of silence at 200 ms: "
                + server.keepAlivesReceived.get());
    }

    @Test
    void aServerThatStopsAnsweringKeepalivesIsDeclaredLost() throws Exception {
        TestServer server = trustedServer();
        server.answerKeepAlives = false;
        SshTransport t = transport(QUICK.withKeepAlive(Duration.ofMillis(200), 2, Duration.ofMinutes(1)),
                PassphraseProvider.NONE);
        ExecResult r = await(job(t).exec(server.target("web-01", key()), "sleep 20000; echo never",
                OutputSink.DISCARD));
        assertEquals(FailureKind.DISCONNECTED, r.failure(), r.message());
        assertTrue(r.message().startsWith("web-01 ("), r.message());
        assertTrue(r.duration().toMillis() < 15_000, "lost well before the command would end: " + r.duration());
    }

    @Test
    void linesArriveWhileTheCommandStillRuns() throws Exception {
        TestServer server = trustedServer();
        JobConnections job = job(transport());
        java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
        RemoteCommand c = job.exec(server.target("web-01", key()), "echo first; sleep 5000; echo never",
                (h, s, at, l) -> first.countDown());
        assertTrue(first.await(10, TimeUnit.SECONDS), "the first line is streamed before the command ends");
        assertFalse(c.result().isDone());
        c.cancel();
        assertEquals(FailureKind.CANCELLED, await(c).failure());
    }

    @Test
    void reportsTheExitSignal() throws Exception {
        TestServer server = trustedServer();
        ExecResult r = await(job(transport()).exec(server.target("web-01", key()), "echo x; signal KILL",
                OutputSink.DISCARD));
        assertEquals(FailureKind.NONE, r.failure(), r.message());
        assertEquals("KILL", r.exitSignal());
        assertTrue(r.message().contains("signal KILL"), r.message());
    }

    @Test
    void reusesOneSessionForTheCommandsOfAJob() throws Exception {
        TestServer server = trustedServer();
        JobConnections job = job(transport());
        SshTarget t = server.target("web-01", key());
        assertEquals(0, await(job.exec(t, "echo one", OutputSink.DISCARD)).exitStatus());
        assertEquals(0, await(job.exec(t, "echo two", OutputSink.DISCARD)).exitStatus());
        assertEquals(1, server.sessionsOpened.get());
        assertEquals(1, job.openSessions());
        job.close();
        assertEquals(2, server.commandsRun.size());
    }

    @Test
    void stopsACommandThatOutlivesItsTimeout() throws Exception {
        TestServer server = trustedServer();
        ExecResult r = await(job(transport()).exec(server.target("web-01", key()), "echo a; sleep 10000",
                Duration.ofMillis(300), OutputSink.DISCARD));
        assertEquals(FailureKind.COMMAND_TIMEOUT, r.failure());
        assertTrue(r.message().startsWith("web-01 (tester@[127.0.0.1]:"), r.message());
        assertTrue(r.message().contains("longer than 0.3 s"), r.message());
        assertEquals(1, r.stdoutLines());
    }

    @Test
    void cancelTellsTheRemoteSideAndMarksTheHostCancelled() throws Exception {
        TestServer server = trustedServer();
        JobConnections job = job(transport());
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        RemoteCommand c = job.exec(server.target("web-01", key()), "echo go; sleep 10000",
                (h, s, at, l) -> started.countDown());
        assertTrue(started.await(10, TimeUnit.SECONDS));
        c.cancel();
        ExecResult r = await(c);
        assertEquals(FailureKind.CANCELLED, r.failure());
        assertEquals("web-01 (tester@[127.0.0.1]:" + server.port() + "): cancelled while running.", r.message());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.signalsReceived.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of("TERM"), server.signalsReceived);
    }

    @Test
    void reportsADisconnectDuringTheCommand() throws Exception {
        TestServer server = trustedServer();
        ExecResult r = await(job(transport()).exec(server.target("web-01", key()), "lines 3; drop",
                OutputSink.DISCARD));
        assertEquals(FailureKind.DISCONNECTED, r.failure(), r.message());
        assertTrue(r.message().contains("disconnected while the command ran"), r.message());
    }

    @Test
    void uploadsBytesOverSftp() throws Exception {
        TestServer server = trustedServer();
        ExecResult r = job(transport()).upload(server.target("web-01", key()), "payload\n".getBytes(
                StandardCharsets.UTF_8), "/uploaded.txt", 0644).get(60, TimeUnit.SECONDS);
        assertEquals(FailureKind.NONE, r.failure(), r.message());
        assertEquals("payload\n", Files.readString(dir.resolve("uploaded.txt")));
    }

    @Test
    void reachesATargetThroughABastion() throws Exception {
        TestServer bastion = trustedServer();
        TestServer inner = trustedServer();
        SshTarget hop = bastion.target("bastion", key());
        SshTarget target = inner.target("inner", key()).via(List.of(hop));
        JobConnections job = job(transport());
        ExecResult r = await(job.exec(target, "echo through", OutputSink.DISCARD));
        assertEquals(FailureKind.NONE, r.failure(), r.message());
        assertEquals(0, r.exitStatus());
        assertEquals(1, bastion.sessionsOpened.get());
        assertEquals(1, inner.sessionsOpened.get());
        assertTrue(inner.commandsRun.contains("echo through"));
        assertTrue(bastion.commandsRun.isEmpty());
    }

    @Test
    void anIdleSessionIsClosedAndTheNextCommandReconnects() throws Exception {
        TestServer server = trustedServer();
        SshTransport t = transport(QUICK.withKeepAlive(Duration.ZERO, 1, Duration.ofMillis(400)),
                PassphraseProvider.NONE);
        JobConnections job = job(t);
        SshTarget target = server.target("web-01", key());
        assertEquals(0, await(job.exec(target, "echo one", OutputSink.DISCARD)).exitStatus());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (job.openSessions() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, job.openSessions(), "the idle timeout closed the session");
        assertEquals(0, await(job.exec(target, "echo two", OutputSink.DISCARD)).exitStatus());
        assertEquals(2, server.sessionsOpened.get());
    }
}
