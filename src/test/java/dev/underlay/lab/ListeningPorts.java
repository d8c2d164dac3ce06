package dev.underlay.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP ports on 127.0.0.1 that this JVM listens on, read from Linux's {@code /proc} (its socket inodes in
 * {@code /proc/self/fd}, matched against the listening entries of {@code /proc/net/tcp}). Lets a test see that a
 * lab left nothing bound without knowing, or guessing, which ports it had.
 */
final class ListeningPorts {
    private static final Path TCP = Path.of("/proc/net/tcp");
    /** Java's sockets are IPv6 ones where the system has IPv6: 127.0.0.1 then shows as ::ffff:127.0.0.1. */
    private static final Path TCP6 = Path.of("/proc/net/tcp6");
    private static final Set<String> LOOPBACK_HEX = Set.of("0100007F", "0000000000000000FFFF00000100007F");
    private static final String LISTEN = "0A";

    private ListeningPorts() {
    }

    /** Whether this machine can tell (Linux with /proc). */
    static boolean available() {
        return Files.isReadable(TCP) && Files.isDirectory(Path.of("/proc/self/fd"));
    }

    static Set<Integer> ofThisProcess() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // the descriptor was closed while listing (the directory listing itself, for one)
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        listening(TCP, inodes, ports);
        if (Files.isReadable(TCP6)) {
            listening(TCP6, inodes, ports);
        }
        return ports;
    }

    private static void listening(Path table, Set<String> inodes, Set<Integer> ports) throws IOException {
        List<String> lines = Files.readAllLines(table);
        for (String line : lines.subList(1, lines.size())) {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
            String[] f = line.trim().split("\\s+");
            String[] local = f[1].split(":");
            if (f[3].equals(LISTEN) && LOOPBACK_HEX.contains(local[0]) && inodes.contains(f[9])) {
                ports.add(Integer.parseInt(local[1], 16));
            }
        }
    }
}
