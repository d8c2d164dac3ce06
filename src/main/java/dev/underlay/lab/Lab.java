package dev.underlay.lab;

import dev.underlay.inventory.Inventory;
import dev.underlay.lab.shell.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * A running simulated lab: one Apache SSHD server on 127.0.0.1 whose acceptor listens on every host's port and
 * tells hosts apart by the local port of each connection. A host whose port is 0 listens on a free port the system
 * picks, kept for the lab's lifetime and reported by {@link #hosts()} and the lab's known_hosts, so a lab can run
 * beside anything else on the machine (tests, a second lab) without choosing port numbers. Threads are bounded
 * whatever the host count: the SSHD I/O workers (cores + 1), one scheduler (sleep, slowness) and a shell pool of
 * {@value #SHELL_THREADS}. Thread-safe; {@link #close()} stops it.
 */
public final class Lab implements AutoCloseable {
    /** Threads running lab shell scripts; commands are in-memory and short, so a few suffice for 1,000 hosts. */
    public static final int SHELL_THREADS = 4;
    private static final String LOOPBACK = "127.0.0.1";

    private final LabKeys keys;
    /** Every host in the order given; a host's port is fixed once bound. */
    private final Map<String, HostState> byName = new LinkedHashMap<>();
    /** Read by the I/O threads of every connection, written while binding. */
    private final Map<Integer, HostState> byPort = new ConcurrentHashMap<>();
    private final Set<Integer> bound = new HashSet<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService shellPool;
    private final Commands commands;
    private final LabReboots reboots;
    private final AtomicLong commandCount = new AtomicLong();
    private final long startMillis = System.currentTimeMillis();
    private LabSshServer server;
    private volatile FaultSpec faults = FaultSpec.NONE;
    private volatile boolean running;

    private Lab(LabKeys keys, List<LabHost> hosts) {
        this.keys = keys;
        for (LabHost h : hosts) {
            HostState s = new HostState(h, this::reboot);
            if (h.port() != 0 && byPort.put(h.port(), s) != null) {
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
        reboots = new LabReboots(this, scheduler);
    }

    /** Starts the lab for the inventory's lab machines (tagged {@code lab}, on 127.0.0.0/8). */
    public static Lab start(Inventory inventory, Path labFolder, FaultSpec faults) throws IOException {
        return start(LabHost.fromInventory(inventory, System.currentTimeMillis() / 1000), labFolder, faults);
    }

    /**
     * Starts serving the hosts: creates the lab folder's keys if needed, binds the ports (a free one for each host
     * whose port is 0), writes {@code known_hosts} with the ports bound.
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
            lab.server = LabSshServer.create(lab);
            // a rebooted host listens on its port again while its old connections may linger in TIME_WAIT
            CoreModuleProperties.SOCKET_REUSEADDR.set(lab.server, true);
            lab.server.setHost(LOOPBACK);
            lab.server.setPort(0);
            lab.server.start();
            lab.server.acceptor().unbind(); // the ephemeral port start() insists on; hosts' ports come next
            lab.running = true;
            lab.setFaults(faults);
            lab.writeKnownHosts();
            return lab;
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /**
     * Changes the faults while the lab runs. New connections and commands see them at once; a host that starts
     * refusing stops listening (open sessions stay). A host not bound yet whose port is 0 gets its free port here,
     * even when it refuses, so that it has a port to refuse connections on.
     */
    public synchronized void setFaults(FaultSpec spec) throws IOException {
        Map<String, HostFaults> plan = spec.resolve(List.copyOf(byName.keySet()));
        faults = spec;
        List<HostState> toBind = new ArrayList<>();
        // a refusing host's new port is let go only once every host has its own: a port let go at once could be
        // the next host's "free" port, and two hosts would share it (LabFaultTest saw lab0058 answer as lab0063)
        List<Integer> toUnbind = new ArrayList<>();
        for (HostState s : byName.values()) {
            HostFaults f = plan.getOrDefault(s.host().name(), HostFaults.NONE);
            s.faults(f);
            int port = s.host().port();
            if (port == 0) {
                bindFree(s);
                if (f.refuse()) {
                    toUnbind.add(s.host().port());
                }
            } else if (f.refuse() && bound.contains(port)) {
                unbind(port);
            } else if (!f.refuse() && !bound.contains(port) && !s.rebooting()) {
                toBind.add(s);
            }
        }
        toUnbind.forEach(this::unbind);
        for (HostState s : toBind) {
            bind(s, s.host().port());
        }
    }

    private void bindFree(HostState s) throws IOException {
        Set<SocketAddress> before = Set.copyOf(server.acceptor().getBoundAddresses());
        bind(s, 0);
        for (SocketAddress a : server.acceptor().getBoundAddresses()) {
            if (!before.contains(a) && a instanceof InetSocketAddress i) {
                s.bound(i.getPort());
                byPort.put(i.getPort(), s);
                bound.add(i.getPort());
                return;
            }
        }
        throw new IOException("lab host " + s.host().name() + " was given no port on " + LOOPBACK);
    }

    private void bind(HostState s, int port) throws IOException {
        try {
            server.acceptor().bind(new InetSocketAddress(LOOPBACK, port));
            if (port != 0) {
                bound.add(port);
            }
        } catch (IOException e) {
            String host = s.host().name();
            String why = String.valueOf(e.getMessage());
            throw new IOException(why.contains("in use")
                    ? "port " + port + " of lab host " + host + " is already in use on 127.0.0.1; stop what uses"
                            + " it or give the lab other ports"
                    : "cannot listen on 127.0.0.1:" + port + " for lab host " + host + ": " + why, e);
        }
    }

    private void unbind(int port) {
        server.acceptor().unbind(new InetSocketAddress(LOOPBACK, port));
        bound.remove(port);
    }

    /** How long a host that runs {@code reboot} refuses connections (2 s by default; tests shorten it). */
    public void rebootDowntime(Duration downtime) {
        reboots.downtime(downtime);
    }

    /** Reboots a host as its {@code reboot} command does (see {@link LabReboots}). */
    public void reboot(String host) {
        HostState s = byName.get(host);
        if (s == null) {
            throw new IllegalArgumentException("the lab has no host called " + host);
        }
        reboot(s);
    }

    private void reboot(HostState s) {
        reboots.reboot(s);
    }

    /** Stops the host listening; false when the lab is stopped or the host is already rebooting. */
    synchronized boolean goDown(HostState s) {
        if (!running || s.rebooting()) {
            return false;
        }
        s.rebooting(true);
        if (bound.contains(s.host().port())) {
            unbind(s.host().port());
        }
        return true;
    }

    /** Ends every session on the host's port (tunnels through it too). */
    void dropSessions(HostState s) {
        LabSshServer srv = server;
        if (srv != null && running) {
            srv.getActiveSessions().stream().filter(x -> hostOf(x) == s).forEach(x -> x.close(true));
        }
    }

    /**
     * Boots the host again and listens on its port unless a refuse fault holds it down; false to try again later.
     * On the last attempt a port still taken leaves the host down.
     */
    synchronized boolean comeUp(HostState s, boolean last) {
        if (!running) {
            return true;
        }
        s.booted(System.currentTimeMillis());
        if (!s.faults().refuse() && !bound.contains(s.host().port())) {
            try {
                bind(s, s.host().port());
            } catch (IOException e) {
                if (!last) {
                    return false;
                }
            }
        }
        s.rebooting(false);
        return true;
    }

    public FaultSpec faults() {
        return faults;
    }

    /** The faults one host has now ({@link HostFaults#NONE} for a healthy or unknown host). */
    public HostFaults faultsOf(String host) {
        HostState s = byName.get(host);
        return s == null ? HostFaults.NONE : s.faults();
    }

    /** The hosts in the order given, each with the port it listens on (the one the system picked for port 0). */
    public List<LabHost> hosts() {
        return byName.values().stream().map(HostState::host).toList();
    }

    /** True when {@code port} is one of the lab's hosts' ports (a tunnel may lead only there). */
    boolean servesPort(int port) {
        return byPort.containsKey(port);
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
        List<LabHost> hosts = hosts();
        int first = hosts.stream().mapToInt(LabHost::port).min().orElse(0);
        int last = hosts.stream().mapToInt(LabHost::port).max().orElse(0);
        int sessions = running && server != null ? server.getActiveSessions().size() : 0;
        int faulty = (int) byName.values().stream().filter(s -> s.faults().any()).count();
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
        byName.values().forEach(HostState::close);
    }

    /** Derives every host key once (kept by its host) and lists them in known_hosts. */
    private void writeKnownHosts() throws IOException {
        List<String> lines = new ArrayList<>(byName.size());
        for (HostState s : byName.values()) {
            lines.add(LabKeys.knownHostsLine(s.host(), s.hostKey(keys, false).getPublic()));
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
