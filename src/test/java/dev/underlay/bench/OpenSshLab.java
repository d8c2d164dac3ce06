package dev.underlay.bench;

import dev.underlay.ssh.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenSSH lab made by {@code bench/lab-up.sh} (one sshd per host on 127.1.x.y): its hosts from
 * {@code inventory.ini}, its client key, its known_hosts and the PIDs of its sshd listeners.
 *
 * @param hosts one entry per {@code hostNNN ansible_host=IP ansible_port=PORT} line of the inventory
 */
public record OpenSshLab(Path dir, List<Host> hosts, String user, Path clientKey, Path knownHosts, List<Long> pids) {

    /** One lab host. */
    public record Host(String name, String address, int port) {
        public Endpoint endpoint() {
            return new Endpoint(address, port);
        }
    }

    private static final Pattern HOST_LINE = Pattern.compile(
            "^(\\S+)\\s+.*\\bansible_host=(\\S+)\\s+.*\\bansible_port=(\\d+).*$");

    /**
     * Reads the lab folder.
     *
     * @throws IOException with a sentence naming the missing file when the folder is not a running lab
     */
    public static OpenSshLab load(Path dir) throws IOException {
        Path ini = dir.resolve("inventory.ini");
        Path pidFile = dir.resolve("pids");
        for (Path p : List.of(ini, pidFile, dir.resolve("client_ed25519"), dir.resolve("known_hosts"))) {
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p.toString(), null,
                        "no running OpenSSH lab there (start one with bench/ssh-fanout.sh or lab-up.sh)");
            }
        }
        List<Host> hosts = new ArrayList<>();
        String user = "root";
        int lineNo = 0;
        for (String line : Files.readAllLines(ini)) {
            lineNo++;
            Matcher m = HOST_LINE.matcher(line.trim());
            if (m.matches()) {
                try {
                    hosts.add(new Host(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
                } catch (NumberFormatException e) {
                    throw new IOException(ini + " line " + lineNo + ": the port " + m.group(3) + " is not a number");
                }
            } else if (line.startsWith("ansible_user=")) {
                user = line.substring("ansible_user=".length()).trim();
            }
        }
        if (hosts.isEmpty()) {
            throw new IOException(ini + " lists no host with ansible_host= and ansible_port=");
        }
        List<Long> pids = new ArrayList<>();
        lineNo = 0;
        for (String line : Files.readAllLines(pidFile)) {
            lineNo++;
            if (!line.isBlank()) {
                try {
                    pids.add(Long.parseLong(line.trim()));
                } catch (NumberFormatException e) {
                    throw new IOException(pidFile + " line " + lineNo + ": '" + line + "' is not a process id");
                }
            }
        }
        return new OpenSshLab(dir, List.copyOf(hosts), user, dir.resolve("client_ed25519"),
                dir.resolve("known_hosts"), List.copyOf(pids));
    }
}
