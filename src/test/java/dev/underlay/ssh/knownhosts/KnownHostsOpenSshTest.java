package dev.underlay.ssh.knownhosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser against the real OpenSSH ssh-keygen on this machine: fresh keys, a file hashed by {@code ssh-keygen
 * -H}, fingerprints from {@code ssh-keygen -lf} and lookups from {@code ssh-keygen -F} as the oracle. Skipped
 * where ssh-keygen is not installed (the committed fixtures in KnownHostsFileTest cover that case).
 */
class KnownHostsOpenSshTest {
    private static final Pattern FOUND = Pattern.compile("^# Host .* found: line (\\d+)", Pattern.MULTILINE);
    private static final List<String> HOSTS = List.of("web1.example.com", "192.0.2.10", "db.example.com",
            "a.lab.example.com", "secret.lab.example.com", "lab7.example.net", "lab77.example.net", "x.example.org",
            "old.example.com", "unknown.example.com");
    private static final int[] PORTS = {22, 2222, 2200};

    @TempDir
    static Path dir;
    private static Path plain;
    private static Path hashed;

    @BeforeAll
    static void writeFilesWithRealKeys() throws Exception {
        assumeTrue(sshKeygen() != null, "ssh-keygen is not installed");
        String ed = newKey("ed25519", "-t", "ed25519");
        String ec = newKey("ecdsa", "-t", "ecdsa", "-b", "256");
        String rsa = newKey("rsa", "-t", "rsa", "-b", "2048");
        plain = dir.resolve("known_hosts");
        Files.writeString(plain, String.join("\n",
                "# written by the test",
                "web1.example.com,192.0.2.10 " + ed,
                "[db.example.com]:2222 " + rsa + " db",
                "[db.example.com]:2*,!db.example.com " + ec,
                "*.lab.example.com,!secret.lab.example.com,lab?.example.net " + ec,
                "@cert-authority *.example.org " + ed,
                "@revoked old.example.com " + rsa,
                "[web1.example.com]:2200 " + rsa,
                ""));
        hashed = dir.resolve("known_hosts.hashed");
        Files.copy(plain, hashed);
        run(sshKeygen(), "-H", "-f", hashed.toString());
    }

    @Test
    void fingerprintsEqualSshKeygenLf() throws Exception {
        KnownHostsFile f = KnownHostsFile.parse(plain);
        assertEquals(List.of(), f.problems());
        List<String> expected = new ArrayList<>();
        for (String line : run(sshKeygen(), "-lf", plain.toString()).lines().toList()) {
            expected.add(line.split(" ")[1]);
        }
        // ssh-keygen -lf lists the unmarked lines only
        assertEquals(expected, f.entries().stream().filter(e -> e.marker() == KnownHostsMarker.NONE)
                .map(KnownHostsEntry::fingerprint).toList());
        assertEquals(5, expected.size());
    }

    @Test
    void matchingAgreesWithSshKeygenFOnPlainAndHashedFiles() throws Exception {
        for (Path file : List.of(plain, hashed)) {
            KnownHostsFile f = KnownHostsFile.parse(file);
            assertEquals(List.of(), f.problems(), file.toString());
            int matched = 0;
            for (String host : HOSTS) {
                for (int port : PORTS) {
                    String name = port == 22 ? host : "[" + host + "]:" + port;
                    List<Integer> expected = new ArrayList<>();
                    Matcher m = FOUND.matcher(run(sshKeygen(), "-F", name, "-f", file.toString()));
                    while (m.find()) {
                        expected.add(Integer.parseInt(m.group(1)));
                    }
                    List<Integer> actual = f.matching(host, port).stream().map(KnownHostsEntry::lineNumber).toList();
                    assertEquals(expected, actual, file.getFileName() + " " + name);
                    matched += actual.size();
                }
            }
            assertTrue(matched >= 9, "the lookups must exercise matches, not only misses: " + matched);
        }
    }

    private static String newKey(String name, String... type) throws Exception {
        Path key = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(sshKeygen(), "-q", "-N", "", "-C", name, "-f", key.toString()));
        cmd.addAll(List.of(type));
        run(cmd.toArray(String[]::new));
        String pub = Files.readString(dir.resolve(name + ".pub")).trim();
        return pub.substring(0, pub.lastIndexOf(' '));
    }

    private static String sshKeygen() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(p, "ssh-keygen");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** Runs a command to completion (bounded), returns its standard output; standard error goes nowhere. */
    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
