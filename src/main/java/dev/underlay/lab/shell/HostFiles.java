package dev.underlay.lab.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads a host's files: the in-memory file system first, then the generated files ({@code /proc/*},
 * {@code /etc/os-release}, {@code /etc/hostname}) that are computed from the host's identity when read.
 */
final class HostFiles {
    private static final Set<String> VIRTUAL_DIRS = Set.of("/", "/proc", "/etc", "/sys", "/dev");

    private HostFiles() {
    }

    /** The file's text, or null when there is no such file (or it is a directory). */
    static String read(ShellHost host, Path p) {
        if (Files.isRegularFile(p)) {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }
        return virtual(host, p.toString());
    }

    static boolean isFile(ShellHost host, Path p) {
        return Files.isRegularFile(p) || virtual(host, p.toString()) != null;
    }

    static boolean isDirectory(ShellHost host, Path p) {
        return Files.isDirectory(p) || VIRTUAL_DIRS.contains(p.toString());
    }

    static boolean exists(ShellHost host, Path p) {
        return isFile(host, p) || isDirectory(host, p);
    }

    private static String virtual(ShellHost host, String path) {
        HostIdentity id = host.identity();
        switch (path) {
            case "/etc/os-release":
            case "/usr/lib/os-release":
                return id.os().osReleaseFile();
            case "/etc/hostname":
            case "/proc/sys/kernel/hostname":
                return id.hostname() + "\n";
            case "/proc/cpuinfo":
                return Facts.cpuinfo(id);
            case "/proc/meminfo":
                return Facts.meminfo(id);
            case "/proc/loadavg":
                return Facts.loadavg(id, host.nowMillis());
            case "/proc/uptime":
                long up = Math.max(1, host.nowMillis() / 1000 - id.bootEpochSecond());
                return up + ".42 " + (up * id.cpus() * 9 / 10) + ".17\n";
            case "/proc/sys/kernel/random/boot_id":
                return host.bootId() + "\n";
            case "/etc/machine-id":
                return String.format("%032x\n", new java.math.BigInteger(1,
                        id.hostname().getBytes(StandardCharsets.UTF_8)).mod(java.math.BigInteger.TWO.pow(128)));
            default:
                return null;
        }
    }
}
