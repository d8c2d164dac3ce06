package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Against a real OpenSSH sshd on 127.0.0.1 (started and stopped by the test, keys made by ssh-keygen). Opt-in
 * ({@code -Dopenssh=true}) because it needs /usr/sbin/sshd and /run/sshd; the Apache SSHD tests cover the logic.
 */
@EnabledIfSystemProperty(named = "openssh", matches = "true")
class OpenSshInteropTest extends SshTestBase {

    private static void run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd));
    }

    @Test
    void execCancelSignalUploadAndScanWorkAgainstOpenSsh() throws Exception {
        Path d = dir.resolve("openssh");
        Process sshd = startSshd(d, "");
        int port = Integer.parseInt(Files.readString(d.resolve("port")));
        try {
            String user = System.getProperty("user.name");
            List<Path> asked = new CopyOnWriteArrayList<>();
            SshTransport t = transport(QUICK, (file, attempt) -> {
                asked.add(file);
                return Optional.of("pass phrase".toCharArray());
            });
            SshTarget target = SshTarget.direct("lab-1", "127.0.0.1", port, user,
                    new SshAuth.KeyFile(d.resolve("client_rsa"), ""));

            List<HostKeyReview> scan = t.scanHostKeys(List.of(target)).get(60, TimeUnit.SECONDS);
            assertEquals(HostKeyStatus.NEW, scan.get(0).status(), scan.get(0).message());
            assertEquals(1, t.accept(scan));

            JobConnections job = job(t);
            List<String> lines = new CopyOnWriteArrayList<>();
            ExecResult r = await(job.exec(target, "uname -a; echo err >&2; exit 3",
                    (h, s, at, l) -> lines.add(s + " " + l)));
            assertEquals(3, r.exitStatus(), r.message());
            assertEquals("curve25519-sha256", r.keyExchange());
            assertEquals(1, r.stdoutLines());
            assertTrue(lines.contains("STDERR err"), lines.toString());

            ExecResult killed = await(job.exec(target, "kill -KILL $$", OutputSink.DISCARD));
            assertEquals("KILL", killed.exitSignal(), killed.message());

            CountDownLatch started = new CountDownLatch(1);
            RemoteCommand c = job.exec(target, "echo started; exec sleep 37.25", (h, s, at, l) -> started.countDown());
            assertTrue(started.await(30, TimeUnit.SECONDS));
            long t0 = System.nanoTime();
            c.cancel();
            assertEquals(FailureKind.CANCELLED, await(c).failure());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "the cancel does not wait for sleep");
            if (!user.equals("root")) {
                // OpenSSH refuses signals in root sessions ("session signalling requires privilege separation")
                ExecResult check = null;
                for (int i = 0; i < 50; i++) {
                    check = await(job.exec(target, "pgrep -f '^sleep 37.25'", OutputSink.DISCARD));
                    if (check.exitStatus() == 1) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertEquals(1, check.exitStatus(), "TERM reached the cancelled remote command");
            }
            await(job.exec(target, "pkill -f '^sleep 37.25'; true", OutputSink.DISCARD));

            CountDownLatch forked = new CountDownLatch(1);
            RemoteCommand orphaning = job.exec(target, "echo go; sleep 38.5; echo never",
                    (h, s, at, l) -> forked.countDown());
            assertTrue(forked.await(30, TimeUnit.SECONDS));
            t0 = System.nanoTime();
            orphaning.cancel();
            assertEquals(FailureKind.CANCELLED, await(orphaning).failure());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "dropped after the grace period");
            await(job.exec(target, "pkill -f '^sleep 38.5'", OutputSink.DISCARD));

            ExecResult up = job.upload(target, "hello\n".getBytes(StandardCharsets.UTF_8),
                    d.resolve("up.txt").toString(), 0600).get(60, TimeUnit.SECONDS);
            assertEquals(FailureKind.NONE, up.failure(), up.message());
            assertEquals("hello\n", Files.readString(d.resolve("up.txt")));
            assertEquals(1, asked.size(), "the passphrase is asked once");
        } finally {
            sshd.destroy();
            sshd.waitFor(10, TimeUnit.SECONDS);
            if (Boolean.getBoolean("openssh.log")) {
                System.out.println(Files.readString(d.resolve("sshd.log")));
            }
        }
    }

    /** Starts sshd -D on a free loopback port with fresh keys in {@code d}; the port is written to d/port. */
    private Process startSshd(Path d, String extraConfig) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")) && Files.isDirectory(Path.of("/run/sshd")));
        Files.createDirectories(d);
        run(d, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "host");
        run(d, "ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "pass phrase", "-f", "client_rsa");
        run(d, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "client_ed25519");
        Files.writeString(d.resolve("authorized_keys"), Files.readString(d.resolve("client_rsa.pub"))
                + Files.readString(d.resolve("client_ed25519.pub")));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(d.resolve("port"), Integer.toString(port));
        Files.writeString(d.resolve("sshd_config"), String.join("\n", "Port " + port, "ListenAddress 127.0.0.1",
                "HostKey " + d.resolve("host"), "AuthorizedKeysFile " + d.resolve("authorized_keys"),
                "PasswordAuthentication no", "KbdInteractiveAuthentication no", "UsePAM no", "StrictModes no",
                "PermitRootLogin yes", "PidFile none", "LogLevel " + System.getProperty("openssh.loglevel", "INFO"),
                "Subsystem sftp internal-sftp", extraConfig, ""));
        Process sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", d.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(d.resolve("sshd.log").toFile()).start();
        waitForPort(port);
        return sshd;
    }

    /**
     * Benchmark (prints figures): one command on N sessions to one OpenSSH sshd (one forked server process per
     * session, as in the lab). The client's CPU is its own threads' CPU; the server runs outside this JVM.
     * {@code -Dopenssh=true -Dbench.hosts=500 -Dtest=OpenSshInteropTest#fanOutAgainstOpenSsh}
     */
    @Test
    void fanOutAgainstOpenSsh() throws Exception {
        int hosts = Integer.getInteger("bench.hosts", 100);
        Path d = dir.resolve("openssh-bench");
        Process sshd = startSshd(d, "MaxStartups 1000:30:1000\nMaxSessions 10");
        try {
            int port = Integer.parseInt(Files.readString(d.resolve("port")));
            store.trust(new Endpoint("127.0.0.1", port), HostKeys.parse(Files.readString(d.resolve("host.pub"))),
                    "test");
            SshTransport t = transport(QUICK.withTimeouts(java.time.Duration.ofSeconds(60),
                    java.time.Duration.ofSeconds(60), java.time.Duration.ZERO)
                    .withLimits(Integer.getInteger("bench.concurrency", 200), 32), PassphraseProvider.NONE);
            SshAuth auth = new SshAuth.KeyFile(d.resolve("client_ed25519"), "");
            String user = System.getProperty("user.name");
            FanOutBench.Round warm = FanOutBench.round(t, Math.min(50, hosts),
                    i -> new SshTarget("h" + i, "127.0.0.1", port, user, auth, List.of()), "uname -a");
            FanOutBench.Round r = FanOutBench.round(t, hosts,
                    i -> new SshTarget("h" + i, "127.0.0.1", port, user, auth, List.of()), "uname -a");
            System.out.println("OpenSSH " + r.describe(t) + " (warm-up " + warm.ok() + " ok)");
            assertEquals(hosts, r.ok(), r.firstFailure());
        } finally {
            sshd.destroy();
            sshd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void waitForPort(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(50);
            }
        }
    }
}
