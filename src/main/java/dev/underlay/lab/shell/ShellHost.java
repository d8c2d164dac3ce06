package dev.underlay.lab.shell;

import java.nio.file.FileSystem;

/** The host a script runs on, as the shell sees it: facts, files, services and the faults that bend them. */
public interface ShellHost {
    HostIdentity identity();

    /** The host's own in-memory file system (never the workstation's). */
    FileSystem files();

    Services services();

    /** True while the "disk full" fault is on: every write fails with "No space left on device". */
    boolean diskFull();

    /** True when the "a given command fails" fault names this command. */
    boolean failing(String command);

    /** {@code /proc/sys/kernel/random/boot_id}: new at every boot. By default derived from the boot time. */
    default String bootId() {
        return java.util.UUID.nameUUIDFromBytes((identity().hostname() + "@" + identity().bootEpochSecond())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /**
     * Asks the host to reboot: a lab host soon drops its sessions, refuses connections for a while and comes back
     * on the same port with a new boot id. By default (a host outside a running lab) nothing happens.
     */
    default void reboot() {
    }

    /** Current time in epoch milliseconds (a clock the tests could replace). */
    default long nowMillis() {
        return System.currentTimeMillis();
    }
}
