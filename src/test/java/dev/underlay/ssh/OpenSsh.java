package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real OpenSSH for tests: sshd processes started on free ports of 127.0.0.1 with their own config and keys made
 * by ssh-keygen, stopped by their PIDs ({@link #close}), and the user their sessions run as. Missing tools skip
 * the test with a message, except under {@code CI=true}, where they fail it (.ci/run installs them).
 */
final class OpenSsh implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");
    /**
     * The account sessions run as when the build runs as root (.ci/run creates it): OpenSSH refuses to deliver
     * signals to a root session ("session signalling requires privilege separation"), so cancel could not be
     * checked there.
     */
    static final String CI_USER = "underlay-ci";

    private final List<Process> started = new ArrayList<>();

    /** Skips (or under CI=true fails) the calling test unless sshd, ssh-keygen and ssh-keyscan are there. */
    static void require() {
        String missing = "";
        if (!Files.isExecutable(SSHD)) {
            missing = SSHD + " is missing";
        } else if (!onPath("ssh-keygen") || !onPath("ssh-keyscan")) {
            missing = "ssh-keygen or ssh-keyscan is not on the PATH";
        } else {
            try {
                Files.createDirectories(PRIVSEP_DIR); // sshd refuses to start without its privilege separation dir
            } catch (IOException e) {
                missing = "cannot create " + PRIVSEP_DIR + " (" + e.getMessage() + ")";
            }
        }
        skipOrFail(missing, "OpenSSH interop test needs openssh-server and openssh-client: ",
                " (apt-get install openssh-server openssh-client; .ci/run does it)");
    }

    /**
     * A user whose sessions get the client's signals: this process's user, or {@link #CI_USER} when that is root
     * (sshd started as root switches to it at login). Null when the build runs as root and the account is
     * missing; under CI=true that fails the test instead.
     */
    static String signalledUser() throws Exception {
        String me = System.getProperty("user.name");
        if (!me.equals("root")) {
            return me;
        }
        Process id = new ProcessBuilder("id", "-u", CI_USER).redirectErrorStream(true).start();
        id.getInputStream().readAllBytes();
        if (id.waitFor(10, TimeUnit.SECONDS) && id.exitValue() == 0) {
            return CI_USER;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(NO_CI_USER + "; CI=true, so this fails instead of skipping");
        }
        return null;
    }

    /** Why the signal checks cannot run as root without {@link #CI_USER}. */
    static final String NO_CI_USER = "the build runs as root, whose OpenSSH sessions get no signals, and the "
            + "account " + CI_USER + " to log in as instead is missing (.ci/run creates it: useradd --system "
            + CI_USER + ")";

    private static void skipOrFail(String missing, String prefix, String hint) {
        if (missing.isEmpty()) {
            return;
        }
        String msg = prefix + missing + hint;
        if ("true".equals(System.getenv("CI"))) {
            fail(msg + "; CI=true, so this fails instead of skipping");
        }
        Assumptions.abort(msg);
    }

    /** Runs a tool in {@code d}; fails with its output when it does not exit 0 within 60 s. */
    static String run(Path d, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(d.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = p.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        assertTrue(exited && p.exitValue() == 0, String.join(" ", cmd) + " failed: " + out);
        return out;
    }

    /** ssh-keygen key pairs without passphrase: pairs of (file name, type). */
    static void keys(Path d, String... nameAndType) throws Exception {
        Files.createDirectories(d);
        for (int i = 0; i < nameAndType.length; i += 2) {
            List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", nameAndType[i + 1], "-N", "", "-C",
                    nameAndType[i], "-f", nameAndType[i]));
            if (nameAndType[i + 1].equals("rsa")) {
                cmd.addAll(List.of("-b", "2048"));
            }
            run(d, cmd.toArray(String[]::new));
        }
    }

    /** Writes {@code authorizedKeys} with the public halves of the client keys in {@code d}. */
    static void authorize(Path d, Path authorizedKeys, String... clientKeys) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String k : clientKeys) {
            b.append(Files.readString(d.resolve(k + ".pub")));
        }
        Files.writeString(authorizedKeys, b.toString());
    }

    /** "SHA256:..." of a key pair in {@code d}, as OpenSSH prints it. */
    static String fingerprint(Path d, String key) throws Exception {
        return run(d, "ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub").split(" ")[1];
    }

    /** known_hosts for 127.0.0.1:port as OpenSSH's own ssh-keyscan writes it. */
    static Path keyscan(Path d, int port) throws Exception {
        Path out = d.resolve("known_hosts");
        Process p = new ProcessBuilder("ssh-keyscan", "-p", Integer.toString(port), "-t", "ed25519,rsa", "-T", "10",
                "127.0.0.1").redirectOutput(out.toFile()).redirectError(d.resolve("keyscan.err").toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "ssh-keyscan: "
                + Files.readString(d.resolve("keyscan.err")));
        assertTrue(Files.size(out) > 0, "ssh-keyscan found no key: " + Files.readString(d.resolve("keyscan.err")));
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Makes an ed25519 host key ({@code host_ed25519}) and client key ({@code client_ed25519}, authorised) in
     * {@code d}, starts {@code sshd} with them on a free port, and returns the port.
     */
    int startEd25519(Path d, String extraConfig) throws Exception {
        keys(d, "host_ed25519", "ed25519", "client_ed25519", "ed25519");
        authorize(d, d.resolve("authorized_keys"), "client_ed25519");
        int port = freePort();
        start(d, d.resolve("authorized_keys"), port, extraConfig, "host_ed25519");
        return port;
    }

    /**
     * Starts {@code sshd -D} on 127.0.0.1:port with the given host keys (in {@code d}) and client keys in
     * {@code authorizedKeys}, and waits until it says it is listening. Config as the OpenSSH lab's
     * (bench/lab-up.sh): works as root and not.
     */
    Process start(Path d, Path authorizedKeys, int port, String extraConfig, String... hostKeys) throws Exception {
        List<String> config = new ArrayList<>(List.of("Port " + port, "ListenAddress 127.0.0.1",
                "AuthorizedKeysFile " + authorizedKeys, "PubkeyAuthentication yes",
                "PasswordAuthentication no", "KbdInteractiveAuthentication no", "UsePAM no", "StrictModes no",
                "PermitRootLogin prohibit-password", "PidFile none", "UseDNS no", "PrintMotd no", "PrintLastLog no",
                "SetEnv HOME=" + authorizedKeys.getParent(), "LogLevel " + System.getProperty("openssh.loglevel",
                        "INFO"), "Subsystem sftp internal-sftp", extraConfig));
        for (String k : hostKeys) {
            config.add("HostKey " + d.resolve(k));
        }
        Path cfg = d.resolve("sshd_config-" + port + "-" + started.size());
        Files.writeString(cfg, String.join("\n", config) + "\n");
        Path log = d.resolve("sshd-" + started.size() + ".log");
        Process sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(sshd);
        for (int i = 0; i < 200; i++) { // up to 10 s
            String text = Files.readString(log);
            if (text.contains("Server listening on 127.0.0.1 port " + port)) {
                return sshd;
            }
            if (!sshd.isAlive()) {
                fail("sshd exited with " + sshd.exitValue() + ": " + text);
            }
            Thread.sleep(50);
        }
        fail("sshd did not start listening on port " + port + " within 10 s: " + Files.readString(log));
        return sshd;
    }

    /** SIGTERM to this sshd's PID (its per-connection children end with their connections), SIGKILL after 5 s. */
    static void stop(Process sshd) {
        if (!sshd.isAlive()) {
            return;
        }
        sshd.destroy();
        try {
            if (!sshd.waitFor(5, TimeUnit.SECONDS)) {
                sshd.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops every sshd this instance started, by PID. */
    @Override
    public void close() {
        started.forEach(OpenSsh::stop);
    }

    /** The sshd logs of {@code d}, for assertion messages. */
    static String sshdLog(Path d) throws IOException {
        StringBuilder b = new StringBuilder();
        try (var files = Files.list(d)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("sshd-")).sorted().toList()) {
                b.append("\n--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        }
        return b.toString();
    }

    /** {@link #sshdLog}, for messages built in lambdas. */
    static String sshdLogQuietly(Path d) {
        try {
            return sshdLog(d);
        } catch (IOException e) {
            return " (no sshd log: " + e.getMessage() + ")";
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String p : path.split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, tool))) {
                return true;
            }
        }
        return false;
    }
}
