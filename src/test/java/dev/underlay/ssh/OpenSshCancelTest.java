package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancel, signals, an encrypted client key and SFTP upload against a real OpenSSH sshd, in every build (as
 * {@link OpenSshInteropTest}). OpenSSH delivers a client's signal only to sessions of a user other than root, so
 * when the build runs as root (CI does) sshd is started as root and the sessions log in as
 * {@value OpenSsh#CI_USER}, which .ci/run creates; what that user must read or write (its authorized_keys, the
 * marker files, the upload) lives in a folder it owns.
 */
class OpenSshCancelTest extends SshTestBase {
    private final OpenSsh sshd = new OpenSsh();
    /** The session user when its sessions get signals, else null (root without the CI account, outside CI). */
    private String signalled;
    private String user;
    private Path keys;
    private Path home;
    private int port;

    @BeforeEach
    void startSshd() throws Exception {
        OpenSsh.require();
        signalled = OpenSsh.signalledUser();
        user = signalled != null ? signalled : System.getProperty("user.name");
        closeables.add(sshd);
        keys = dir.resolve("openssh");
        OpenSsh.keys(keys, "host_ed25519", "ed25519", "client_ed25519", "ed25519");
        OpenSsh.run(keys, "ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "pass phrase", "-f", "client_rsa");
        home = dir.resolve("home");
        Files.createDirectories(home);
        if (!user.equals(System.getProperty("user.name"))) {
            // the session user reaches its folder through this test's own (otherwise private) temporary folder
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            Files.setOwner(home, owner);
        }
        OpenSsh.authorize(keys, home.resolve("authorized_keys"), "client_ed25519", "client_rsa");
        port = OpenSsh.freePort();
        sshd.start(keys, home.resolve("authorized_keys"), port, "", "host_ed25519");
    }

    /** Waits up to 10 s for a file the remote command writes; its text, or "" when it never came. */
    private static String awaitFile(Path f) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (Files.exists(f)) {
                String text = Files.readString(f).strip();
                if (!text.isEmpty()) {
                    return text;
                }
            }
            Thread.sleep(100);
        }
        return "";
    }

    @Test
    void cancelDeliversTermToTheRemoteCommandAndAnIgnoredTermIsDroppedAfterTheGracePeriod() throws Exception {
        Assumptions.assumeTrue(signalled != null, OpenSsh.NO_CI_USER);
        store.trust(new Endpoint("127.0.0.1", port), HostKeys.parse(Files.readString(keys.resolve("host_ed25519.pub"))),
                "test");
        SshTarget target = SshTarget.direct("lab-1", "127.0.0.1", port, user,
                new SshAuth.KeyFile(keys.resolve("client_ed25519"), ""));
        JobConnections job = job(transport());
        Path marker = home.resolve("term-marker");
        CountDownLatch started = new CountDownLatch(1);
        // Short foreground sleeps in a bounded loop: the shell runs its trap within 0.1 s of TERM. (A long sleep in
        // the background is no good: a TERM that reaches the forked child before it execs sleep is lost, and the
        // sleep outlives the test.)
        List<String> out = new CopyOnWriteArrayList<>();
        RemoteCommand c = job.exec(target, "trap 'echo cleaning up; echo TERM as $(id -un) > " + marker + "; exit 143' "
                + "TERM; echo started; i=0; while [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done", (h, s, at, l) -> {
                    out.add(s + " " + l);
                    if (s == StreamKind.STDOUT && l.equals("started")) {
                        started.countDown(); // not on stderr: sshd may first complain there about the home folder
                    }
                });
        assertTrue(started.await(30, TimeUnit.SECONDS), () -> "never started: " + c.result().getNow(null)
                + OpenSsh.sshdLogQuietly(keys));
        long t0 = System.nanoTime();
        c.cancel();
        ExecResult cancelled = await(c);
        assertEquals(FailureKind.CANCELLED, cancelled.failure(), cancelled.message());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "the cancel does not wait for sleep");
        assertEquals("TERM as " + user, awaitFile(marker), "the remote command's trap saw TERM: " + cancelled
                + OpenSsh.sshdLog(keys));
        // the channel stayed open while the trap ran: its output arrived and it was not killed by SIGPIPE
        assertEquals(List.of("STDOUT started", "STDOUT cleaning up"), out.stream().filter(l -> l.startsWith("STDOUT"))
                .toList());
        assertEquals(143, cancelled.exitStatus(), cancelled.toString());
        ExecResult left = null;
        for (int i = 0; i < 50; i++) { // '[t]' keeps pgrep's own shell from matching
            left = await(job.exec(target, "pgrep -u " + user + " -f 'i -l[t] 600'", OutputSink.DISCARD));
            if (left.exitStatus() == 1) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(1, left.exitStatus(), "the cancelled shell exited through its trap");

        CountDownLatch ignoring = new CountDownLatch(1);
        RemoteCommand stubborn = job.exec(target, "trap '' TERM; echo go; sleep 38.5; echo never",
                (h, s, at, l) -> {
                    if (s == StreamKind.STDOUT && l.equals("go")) {
                        ignoring.countDown();
                    }
                });
        assertTrue(ignoring.await(30, TimeUnit.SECONDS), () -> "never started: " + stubborn.result().getNow(null));
        t0 = System.nanoTime();
        stubborn.cancel();
        ExecResult dropped = await(stubborn);
        assertEquals(FailureKind.CANCELLED, dropped.failure(), dropped.message());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "dropped after the grace period");
        // the sleep ignores TERM (inherited from the shell): KILL it by its command line, this test's own
        await(job.exec(target, "pkill -KILL -u " + user + " -f '^sleep 38.5'; true", OutputSink.DISCARD));
    }

    @Test
    void encryptedKeySignalsUploadAndScanWorkAgainstOpenSsh() throws Exception {
        List<Path> asked = new CopyOnWriteArrayList<>();
        SshTransport t = transport(QUICK, (file, attempt) -> {
            asked.add(file);
            return Optional.of("pass phrase".toCharArray());
        });
        SshTarget target = SshTarget.direct("lab-1", "127.0.0.1", port, user,
                new SshAuth.KeyFile(keys.resolve("client_rsa"), ""));

        List<HostKeyReview> scan = t.scanHostKeys(List.of(target)).get(60, TimeUnit.SECONDS);
        assertEquals(HostKeyStatus.NEW, scan.get(0).status(), scan.get(0).message());
        assertEquals(1, t.accept(scan));

        JobConnections job = job(t);
        List<String> lines = new CopyOnWriteArrayList<>();
        ExecResult r = await(job.exec(target, "uname -a; echo err >&2; exit 3",
                (h, s, at, l) -> lines.add(s + " " + l)));
        assertEquals(3, r.exitStatus(), r.message() + OpenSsh.sshdLog(keys));
        assertEquals("curve25519-sha256", r.keyExchange());
        assertEquals(1, r.stdoutLines());
        assertTrue(lines.contains("STDERR err"), lines.toString());

        ExecResult killed = await(job.exec(target, "kill -KILL $$", OutputSink.DISCARD));
        assertEquals("KILL", killed.exitSignal(), killed.message());

        ExecResult up = job.upload(target, "hello\n".getBytes(StandardCharsets.UTF_8),
                home.resolve("up.txt").toString(), 0600).get(60, TimeUnit.SECONDS);
        assertEquals(FailureKind.NONE, up.failure(), up.message());
        assertEquals("hello\n", Files.readString(home.resolve("up.txt")));
        assertEquals(1, asked.size(), "the passphrase is asked once");
    }
}
