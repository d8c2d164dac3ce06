package dev.underlay.db;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster for tests: initdb in a temporary folder, the server on 127.0.0.1 at a port chosen
 * when it starts (its socket in that folder too), trust authentication for the user {@code underlay}, stopped and
 * deleted on close. As root it runs as the account {@code postgres} (initdb refuses root). Where no binaries are
 * found the test is skipped with the reason; under {@code CI=true} it fails instead.
 */
final class PostgresCluster implements AutoCloseable {
    static final String USER = "underlay";
    private final Path bin;
    private final Path dir;
    private final List<String> runAs;
    private final int port;

    private PostgresCluster(Path bin, Path dir, List<String> runAs, int port) {
        this.bin = bin;
        this.dir = dir;
        this.runAs = runAs;
        this.port = port;
    }

    /** Starts a cluster, or skips (fails under CI=true) saying what is missing. */
    static PostgresCluster startOrSkip() throws Exception {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            skipOrFail("no PostgreSQL binaries (initdb, pg_ctl) in $UNDERLAY_PG_BIN, /usr/lib/postgresql/*/bin, "
                    + "/usr/pgsql-*/bin or on the PATH; apt-get install postgresql (.ci/run does)");
        }
        List<String> runAs = List.of();
        Path dir = Files.createTempDirectory("underlay-pg");
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal postgres;
            try {
                postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            } catch (IOException e) {
                delete(dir);
                skipOrFail("the build runs as root, which initdb refuses, and there is no account postgres to run "
                        + "it as");
                throw e;
            }
            Files.setOwner(dir, postgres);
            runAs = List.of("runuser", "-u", "postgres", "--");
        }
        PostgresCluster c = new PostgresCluster(bin.get(), dir, runAs, 0);
        c.run("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync");
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // the free port may be taken before the server binds it
            int port = freePort();
            PostgresCluster s = new PostgresCluster(bin.get(), dir, runAs, port);
            try {
                s.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                        "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 "
                                + "-c fsync=off -c synchronous_commit=off", "start");
                return s;
            } catch (IOException e) {
                last = e;
            }
        }
        c.delete();
        throw last;
    }

    /** A JDBC URL of a new, empty database in this cluster. */
    String newDatabase(String name) throws Exception {
        run("createdb", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER, name);
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** The server's version line, as {@code postgres --version} prints it. */
    String version() throws Exception {
        return run("postgres", "--version").strip();
    }

    @Override
    public void close() throws Exception {
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            delete();
        }
    }

    private void delete() throws IOException {
        delete(dir);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private String run(String tool, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(runAs);
        cmd.add(bin.resolve(tool).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(tool + " did not end within 90 s: " + out);
        }
        if (p.exitValue() != 0) {
            String log = Files.isReadable(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log"))
                    : "";
            throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + out + log);
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The folder with initdb, pg_ctl and postgres, newest version first. */
    static Optional<Path> binaries() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("UNDERLAY_PG_BIN");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        for (String root : new String[] {"/usr/lib/postgresql", "/usr/pgsql"}) {
            Path parent = Path.of(root).getParent();
            String prefix = Path.of(root).getFileName().toString();
            if (Files.isDirectory(parent)) {
                try (Stream<Path> s = Files.list(parent)) {
                    s.filter(p -> p.getFileName().toString().startsWith(prefix))
                            .flatMap(p -> p.getFileName().toString().equals("postgresql") ? list(p) : Stream.of(p))
                            .map(p -> p.resolve("bin"))
                            .sorted(Comparator.comparing(PostgresCluster::major).reversed())
                            .forEach(candidates::add);
                }
            }
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty()) {
                candidates.add(Path.of(d));
            }
        }
        return candidates.stream().filter(d -> Files.isExecutable(d.resolve("initdb"))
                && Files.isExecutable(d.resolve("pg_ctl")) && Files.isExecutable(d.resolve("postgres"))).findFirst();
    }

    private static Stream<Path> list(Path p) {
        try (Stream<Path> s = Files.list(p)) {
            return s.toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static int major(Path bin) {
        String v = bin.getParent().getFileName().toString().replaceAll("\\D", "");
        return v.isEmpty() ? 0 : Integer.parseInt(v.length() > 3 ? v.substring(0, 3) : v);
    }

    private static void skipOrFail(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; CI=true, so this fails instead of skipping");
        }
        Assumptions.abort(why);
    }
}
