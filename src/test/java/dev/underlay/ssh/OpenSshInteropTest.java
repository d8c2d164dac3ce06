package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Against a real OpenSSH sshd on 127.0.0.1 ({@link OpenSsh}: a free port, its own config and keys made by
 * ssh-keygen, known_hosts written by ssh-keyscan, stopped by its PID). Runs in every build where /usr/sbin/sshd,
 * ssh-keygen and ssh-keyscan exist (.ci/run installs them); skipped with a message elsewhere, except under
 * {@code CI=true}, where a missing sshd fails the build. Cancel, signals and upload: {@link OpenSshCancelTest}. The
 * fan-out figures are opt-in with {@code -Dopenssh=true}.
 */
class OpenSshInteropTest extends SshTestBase {
    private final OpenSsh sshd = new OpenSsh();

    @BeforeEach
    void requireOpenSsh() {
        OpenSsh.require();
        closeables.add(sshd); // stopped even when an assertion fails: by PID, only the sshd processes started here
    }

    @Test
    void hostKeysScannedByOpenSshAreImportedAndCommandsRunWithEd25519AndRsaClientKeys() throws Exception {
        Path d = dir.resolve("interop");
        OpenSsh.keys(d, "host_ed25519", "ed25519", "host_rsa", "rsa", "client_ed25519", "ed25519", "client_rsa",
                "rsa");
        OpenSsh.authorize(d, d.resolve("authorized_keys"), "client_ed25519", "client_rsa");
        int port = OpenSsh.freePort();
        sshd.start(d, d.resolve("authorized_keys"), port, "", "host_ed25519", "host_rsa");

        Path knownHosts = OpenSsh.keyscan(d, port);
        KnownHostsImport.Report imported = KnownHostsFileImport.run(store, knownHosts,
                List.of(new Endpoint("127.0.0.1", port)));
        assertEquals(2, imported.added(), "ed25519 and RSA host keys from ssh-keyscan: " + imported.notes());

        String user = System.getProperty("user.name");
        SshTransport t = transport();
        JobConnections job = job(t);
        List<String> lines = new CopyOnWriteArrayList<>();
        SshTarget ed = SshTarget.direct("ed", "127.0.0.1", port, user, new SshAuth.KeyFile(d.resolve("client_ed25519"),
                ""));
        ExecResult r = await(job.exec(ed, "uname -s; echo err >&2; exit 3", (h, s, at, l) -> lines.add(s + " " + l)));
        assertEquals(FailureKind.NONE, r.failure(), r.message() + OpenSsh.sshdLog(d));
        assertEquals(3, r.exitStatus(), r.message());
        assertEquals("curve25519-sha256", r.keyExchange());
        assertEquals(List.of("STDERR err", "STDOUT Linux"), lines.stream().sorted().toList());

        SshTarget rsa = SshTarget.direct("rsa", "127.0.0.1", port, user, new SshAuth.KeyFile(d.resolve("client_rsa"),
                ""));
        List<String> rsaLines = new CopyOnWriteArrayList<>();
        ExecResult r2 = await(job.exec(rsa, "echo signed with rsa", (h, s, at, l) -> rsaLines.add(l)));
        assertEquals(0, r2.exitStatus(), r2.message() + OpenSsh.sshdLog(d));
        assertEquals(List.of("signed with rsa"), rsaLines);

        // the imported RSA host key verifies too when only RSA is offered (the list also limits client signatures,
        // hence the RSA client key here)
        SshTransport rsaHostKey = transport(QUICK.withAlgorithms(SshAlgorithms.DEFAULT.withHostKeyTypes(
                List.of("rsa-sha2-512", "rsa-sha2-256"))), PassphraseProvider.NONE);
        ExecResult r3 = await(job(rsaHostKey).exec(rsa, "true", OutputSink.DISCARD));
        assertEquals(0, r3.exitStatus(), r3.message() + OpenSsh.sshdLog(d));
    }

    @Test
    void aChangedHostKeyIsRefusedNamingBothFingerprints() throws Exception {
        Path d = dir.resolve("changed");
        OpenSsh.keys(d, "host_old", "ed25519", "host_new", "ed25519", "client_ed25519", "ed25519");
        OpenSsh.authorize(d, d.resolve("authorized_keys"), "client_ed25519");
        int port = OpenSsh.freePort();
        Process first = sshd.start(d, d.resolve("authorized_keys"), port, "", "host_old");
        KnownHostsFileImport.run(store, OpenSsh.keyscan(d, port), List.of(new Endpoint("127.0.0.1", port)));
        SshTarget target = SshTarget.direct("reinstalled", "127.0.0.1", port, System.getProperty("user.name"),
                new SshAuth.KeyFile(d.resolve("client_ed25519"), ""));
        SshTransport t = transport();
        assertEquals(0, await(job(t).exec(target, "true", OutputSink.DISCARD)).exitStatus());

        OpenSsh.stop(first);
        sshd.start(d, d.resolve("authorized_keys"), port, "", "host_new");
        ExecResult r = await(job(t).exec(target, "echo must not run", OutputSink.DISCARD));
        assertEquals(FailureKind.HOST_KEY_CHANGED, r.failure(), r.message());
        assertTrue(r.message().contains(OpenSsh.fingerprint(d, "host_old")), r.message());
        assertTrue(r.message().contains(OpenSsh.fingerprint(d, "host_new")), r.message());
        assertEquals(0, r.stdoutLines());
    }

    /**
     * Benchmark (prints figures): one command on N sessions to one OpenSSH sshd (one forked server process per
     * session, as in the lab). The client's CPU is its own threads' CPU; the server runs outside this JVM.
     * {@code -Dopenssh=true -Dbench.hosts=500 -Dtest=OpenSshInteropTest#fanOutAgainstOpenSsh}
     */
    @Test
    @EnabledIfSystemProperty(named = "openssh", matches = "true")
    void fanOutAgainstOpenSsh() throws Exception {
        int hosts = Integer.getInteger("bench.hosts", 100);
        Path d = dir.resolve("openssh-bench");
        int port = sshd.startEd25519(d, "MaxStartups 1000:30:1000\nMaxSessions 10");
        {
            store.trust(new Endpoint("127.0.0.1", port), HostKeys.parse(Files.readString(d.resolve("host_ed25519.pub"))),
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
        }
    }
}
