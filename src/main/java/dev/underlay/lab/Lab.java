package dev.underlay.lab;

import dev.underlay.inventory.Inventory;
import dev.underlay.lab.shell.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.session.Session;

/**
 * A running simulated lab: one Apache SSHD server on 127.0.0.1 whose acceptor listens on every host's port and
 * tells hosts apart by the local port of each connection. Threads are bounded whatever the host count: the SSHD
 * I/O workers (cores + 1), one scheduler (sleep, slowness) and a shell pool of {@value #SHELL_THREADS}.
 * Thread-safe; {@link #close()} stops it.
 */
public final class Lab implements AutoCloseable {
    /** Threads running lab shell scripts; commands are in-memory and short, so a few suffice for 1,000 hosts. */
    public static final int SHELL_THREADS = 4;
    private static final String LOOPBACK = "127.0.0.1";

    private final LabKeys keys;
    private final List<LabHost> hosts;
    private final Map<Integer, HostState> byPort = new HashMap<>();
    private final Map<String, HostState> byName = new HashMap<>();
    private final Set<Integer> bound = new HashSet<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService shellPool;
    private final Commands commands;
    private final AtomicLong commandCount = new AtomicLong();
    private final long startMillis = System.currentTimeMillis();
    private LabSshServer server;
    private volatile FaultSpec faults = FaultSpec.NONE;
    private volatile boolean running;

    private Lab(LabKeys keys, List<LabHost> hosts) {
        this.keys = keys;
        this.hosts = List.copyOf(hosts);
        for (LabHost h : hosts) {
            HostState s = new HostState(h);
            if (byPort.put(h.port(), s) != null) {
                throw new IllegalArgumentException("two lab hosts use port " + h.port()
                        + "; give each lab host its own port");
            }
            if (byName.put(h.name(), s) != null) {
                throw new IllegalArgumentException("two lab hosts are called " + h.name());
            }
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("lab-scheduler"));
        shellPool = Executors.newFixedThreadPool(SHELL_THREADS, daemon("lab-shell"));
        commands = new Commands(scheduler);
    }

    /** Starts the lab for the inventory's lab machines (tagged {@code lab}, on 127.0.0.0/8). */
    public static Lab start(Inventory inventory, Path labFolder, FaultSpec faults) throws IOException {
        return start(LabHost.fromInventory(inventory, System.currentTimeMillis() / 1000), labFolder, faults);
    }

    /**
     * Starts serving the hosts: creates the lab folder's keys if needed, writes {@code known_hosts}, binds the ports.
     *
     * @throws IOException naming the port and host when a port is taken (nothing stays bound then)
     */
    public static Lab start(List<LabHost> hosts, Path labFolder, FaultSpec faults) throws IOException {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("the lab has no hosts to serve: no machine is tagged lab and "
                    + "addressed on 127.0.0.1");
        }
        Lab lab = new Lab(LabKeys.open(labFolder), hosts);
        try {
            lab.writeKnownHosts();
            lab.server = LabSshServer.create(lab);
            lab.server.setHost(LOOPBACK);
            lab.server.setPort(0);
            lab.server.start();
            lab.server.acceptor().unbind(); // the ephemeral port start() insists on; hosts' ports come next
            lab.running = true;
            lab.setFaults(faults);
            return lab;
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /**
     * Changes the faults while the lab runs. New connections and commands see them at once; a host that starts
     * refusing stops listening (open sessions stay).
     */
    public synchronized void setFaults(FaultSpec spec) throws IOException {
        Map<String, HostFaults> plan = spec.resolve(hosts.stream().map(LabHost::name).toList());
        faults = spec;
        List<SocketAddress> toBind = new ArrayList<>();
        for (HostState s : byPort.values()) {
            HostFaults f = plan.getOrDefault(s.host().name(), HostFaults.NONE);
            s.faults(f);
            int port = s.host().port();
            if (f.refuse() && bound.remove(port)) {
                server.acceptor().unbind(new InetSocketAddress(LOOPBACK, port));
            } else if (!f.refuse() && !bound.contains(port)) {
                toBind.add(new InetSocketAddress(LOOPBACK, port));
            }
        }
        for (SocketAddress a : toBind) {
            int port = ((InetSocketAddress) a).getPort();
            try {
                server.acceptor().bind(a);
                bound.add(port);
            } catch (IOException e) {
                String host = byPort.get(port).host().name();
                String why = String.valueOf(e.getMessage());
                throw new IOException(why.contains("in use")
                        ? "port " + port + " of lab host " + host + " is already in use on 127.0.0.1; stop what uses"
                                + " it or give the lab other ports"
                        : "cannot listen on 127.0.0.1:" + port + " for lab host " + host + ": " + why, e);
            }
        }
    }

    public FaultSpec faults() {
        return faults;
    }

    /** The faults one host has now ({@link HostFaults#NONE} for a healthy or unknown host). */
    public HostFaults faultsOf(String host) {
        HostState s = byName.get(host);
        return s == null ? HostFaults.NONE : s.faults();
    }

    public List<LabHost> hosts() {
        return hosts;
    }

    /** The OpenSSH private key every lab host accepts. */
    public Path clientKey() {
        return keys.clientKey();
    }

    /** The known_hosts file listing every host's key, for a client to pre-trust. */
    public Path knownHosts() {
        return keys.knownHosts();
    }

    /** One host's known_hosts line, e.g. {@code [127.0.0.1]:22001 ssh-ed25519 AAAA...}. */
    public String knownHostsLine(String host) {
        HostState s = byName.get(host);
        if (s == null) {
            throw new IllegalArgumentException("the lab has no host called " + host);
        }
        return LabKeys.knownHostsLine(s.host(), s.hostKey(keys, false).getPublic());
    }

    public boolean running() {
        return running;
    }

    public LabStatus status() {
        int first = hosts.stream().mapToInt(LabHost::port).min().orElse(0);
        int last = hosts.stream().mapToInt(LabHost::port).max().orElse(0);
        int sessions = running && server != null ? server.getActiveSessions().size() : 0;
        int faulty = (int) byPort.values().stream().filter(s -> s.faults().any()).count();
        int listening;
        synchronized (this) {
            listening = bound.size();
        }
        return new LabStatus(running, hosts.size(), first, last, listening, sessions, faulty, commandCount.get(),
                faults.toString(), keys.clientKey(), keys.knownHosts(), startMillis);
    }

    /** Stops the server, ends every session and frees the hosts' in-memory files. */
    @Override
    public synchronized void close() {
        running = false;
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                throw new UncheckedIOException("the lab server did not stop cleanly", e);
            } finally {
                bound.clear();
                shutdownPools();
            }
        } else {
            shutdownPools();
        }
    }

    private void shutdownPools() {
        scheduler.shutdownNow();
        shellPool.shutdownNow();
        try {
            shellPool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byPort.values().forEach(HostState::close);
    }

    /** Derives every host key once (kept by its host) and lists them in known_hosts. */
    private void writeKnownHosts() throws IOException {
        List<String> lines = new ArrayList<>(hosts.size());
        for (LabHost h : hosts) {
            lines.add(LabKeys.knownHostsLine(h, byName.get(h.name()).hostKey(keys, false).getPublic()));
        }
        keys.writeKnownHosts(lines);
    }

    // ---- for the server side of this package ----

    HostState hostOf(Session session) {
        SocketAddress local = session.getIoSession().getLocalAddress();
        HostState s = local instanceof InetSocketAddress i ? byPort.get(i.getPort()) : null;
        if (s == null) {
            throw new IllegalStateException("connection on " + local + " belongs to no lab host");
        }
        return s;
    }

    KeyPair hostKey(HostState s) {
        return s.hostKey(keys, s.faults().hostKey());
    }

    LabKeys keys() {
        return keys;
    }

    Commands commands() {
        return commands;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ExecutorService shellPool() {
        return shellPool;
    }

    void countCommand() {
        commandCount.incrementAndGet();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
