package dev.underlay.automation.jobs;

import dev.underlay.inventory.CredentialSecrets;
import dev.underlay.inventory.Machine;
import dev.underlay.lab.FaultSpec;
import dev.underlay.lab.Lab;
import dev.underlay.lab.LabHost;
import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.HostKeyStore;
import dev.underlay.ssh.KnownHostsFileImport;
import dev.underlay.ssh.MemoryHostKeys;
import dev.underlay.ssh.PassphraseProvider;
import dev.underlay.ssh.SshAuth;
import dev.underlay.ssh.SshSettings;
import dev.underlay.ssh.SshTarget;
import dev.underlay.ssh.SshTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rehearsal: the simulated lab serves a twin of every target machine (same name, the identity the lab derives
 * from it: facts, hostname, machine id) on a free loopback port, and the job runs there over its own SSH client,
 * which trusts exactly the twins' host keys (kept in memory, never in the inventory's store). The real machines
 * are not contacted. Closing it stops the client and the lab.
 */
final class Rehearsal implements AutoCloseable {
    private final Lab lab;
    private final SshTransport transport;
    private final Map<String, FanOut.Planned> targets;

    private Rehearsal(Lab lab, SshTransport transport, Map<String, FanOut.Planned> targets) {
        this.lab = lab;
        this.transport = transport;
        this.targets = targets;
    }

    /**
     * Starts the twins.
     *
     * @param folder the rehearsal lab's keys and known_hosts ({@code <data folder>/rehearse})
     * @param faults faults to give the twins (tests); {@link FaultSpec#NONE} otherwise
     */
    static Rehearsal start(List<Machine> machines, Path folder, SshSettings settings, FaultSpec faults)
            throws IOException {
        long boot = System.currentTimeMillis() / 1000;
        List<LabHost> hosts = machines.stream().map(m -> LabHost.of(m.toBuilder().sshPort(0).build(), boot))
                .toList();
        Lab lab = Lab.start(hosts, folder, faults);
        try {
            HostKeyStore keys = new HostKeyStore(new MemoryHostKeys(), Clock.systemUTC());
            List<Endpoint> endpoints = new ArrayList<>();
            lab.hosts().forEach(h -> endpoints.add(new Endpoint("127.0.0.1", h.port())));
            KnownHostsFileImport.run(keys, lab.knownHosts(), endpoints);
            SshTransport transport = new SshTransport(settings.withAcceptNewHostKeys(false), keys, CredentialSecrets.NONE,
                    PassphraseProvider.NONE);
            Map<String, FanOut.Planned> targets = new LinkedHashMap<>();
            for (LabHost h : lab.hosts()) {
                targets.put(h.name(), FanOut.Planned.of(SshTarget.direct(h.name(), "127.0.0.1", h.port(), "root",
                        new SshAuth.KeyFile(lab.clientKey(), ""))));
            }
            return new Rehearsal(lab, transport, targets);
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    SshTransport transport() {
        return transport;
    }

    /** The twin of each machine, by name. */
    Map<String, FanOut.Planned> targets() {
        return targets;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } finally {
            lab.close();
        }
    }
}
