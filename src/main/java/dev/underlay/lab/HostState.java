package dev.underlay.lab;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.underlay.lab.shell.HostIdentity;
import dev.underlay.lab.shell.Services;
import dev.underlay.lab.shell.ShellHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.security.KeyPair;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The live state of one simulated host while the lab runs: its services, its file system (made on first use so an
 * idle host costs a few hundred bytes) and its current faults.
 */
final class HostState implements ShellHost {
    /** Each host's disk in memory is capped so a runaway script cannot fill the workstation's heap. */
    static final long MAX_FILES_BYTES = 16L << 20;

    private volatile LabHost host;
    private final Services services;
    private volatile HostFaults faults = HostFaults.NONE;
    private FileSystem fs;
    private KeyPair key;
    private KeyPair changedKey;
    private final Consumer<HostState> onReboot;
    private volatile boolean rebooting;
    private volatile String bootId;

    HostState(LabHost host, Consumer<HostState> onReboot) {
        this.host = host;
        this.onReboot = onReboot;
        this.services = new Services(host.identity().bootEpochSecond(), host.kubelet());
    }

    LabHost host() {
        return host;
    }

    /** Records the free port the system gave a host asked for on port 0. */
    void bound(int port) {
        host = host.withPort(port);
    }

    /** True from a reboot until the host listens again: the lab does not bind its port meanwhile. */
    boolean rebooting() {
        return rebooting;
    }

    void rebooting(boolean down) {
        rebooting = down;
    }

    /** The host booted again now: uptime counts from here and the boot id is new. */
    void booted(long epochMillis) {
        host = new LabHost(host.name(), host.port(), host.identity().withBoot(epochMillis / 1000), host.kubelet());
        bootId = UUID.randomUUID().toString();
    }

    @Override
    public String bootId() {
        String id = bootId;
        return id == null ? ShellHost.super.bootId() : id;
    }

    @Override
    public void reboot() {
        onReboot.accept(this);
    }

    HostFaults faults() {
        return faults;
    }

    void faults(HostFaults f) {
        faults = f;
    }

    /** The host's key, or the other one a host-key fault presents; each derived once and kept. */
    synchronized KeyPair hostKey(LabKeys keys, boolean changed) {
        if (changed) {
            if (changedKey == null) {
                changedKey = keys.hostKey(host.name(), true);
            }
            return changedKey;
        }
        if (key == null) {
            key = keys.hostKey(host.name(), false);
        }
        return key;
    }

    @Override
    public HostIdentity identity() {
        return host.identity();
    }

    @Override
    public synchronized FileSystem files() {
        if (fs == null) {
            fs = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                    .setBlockSize(1024)
                    .setMaxSize(MAX_FILES_BYTES)
                    .setMaxCacheSize(0)
                    .setWorkingDirectory("/root")
                    .setAttributeViews("basic", "owner", "posix", "unix")
                    .build());
            try {
                for (String d : new String[] {"/root", "/tmp", "/etc", "/var/log", "/var/tmp", "/home", "/opt",
                    "/usr/local/bin", "/srv"}) {
                    Files.createDirectories(fs.getPath(d));
                }
                Files.writeString(fs.getPath("/etc/hostname"), host.name() + "\n", StandardCharsets.UTF_8);
                Files.writeString(fs.getPath("/etc/os-release"), host.identity().os().osReleaseFile(),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the file system of lab host " + host.name(), e);
            }
        }
        return fs;
    }

    @Override
    public Services services() {
        return services;
    }

    @Override
    public boolean diskFull() {
        return faults.diskFull();
    }

    @Override
    public boolean failing(String command) {
        return faults.failCommands().contains(command);
    }

    synchronized void close() {
        if (fs != null) {
            try {
                fs.close();
            } catch (IOException e) {
                // an in-memory file system has nothing to flush; closing only releases it
            }
            fs = null;
        }
    }
}
