package dev.underlay.cli;

import dev.underlay.inventory.CredentialSecrets;
import dev.underlay.inventory.InventoryService;
import dev.underlay.lab.LabService;
import dev.underlay.ssh.HostKeyStore;
import dev.underlay.ssh.SshTransport;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a CLI command gets from an open data folder. An interface here (implemented by {@code app.AppContext}),
 * so that the CLI does not depend on {@code app}, which depends on the CLI to start it. A new command that needs
 * another service adds a method here that AppContext already has.
 */
public interface CliContext extends AutoCloseable {
    Path dataFolder();

    InventoryService inventory();

    /** Where imported passwords go; empty until a secret store is wired. */
    default Optional<CredentialSecrets> secrets() {
        return Optional.empty();
    }

    /** Known SSH host keys. */
    HostKeyStore hostKeys();

    /** The application's SSH client, started on first use. */
    SshTransport ssh();

    /**
     * Offers these algorithms when the SSH client starts; call before {@link #ssh()}. An unknown or unavailable
     * name fails at that first {@code ssh()} with a sentence.
     */
    void sshAlgorithms(dev.underlay.ssh.SshAlgorithms algorithms);

    /** Installed automation content packs. */
    dev.underlay.automation.ContentService content();

    /** Plans, what-if renders and params with sources. */
    dev.underlay.automation.AutomationCatalog automation();

    /** Jobs: run, list, logs, rerun (issue 13). */
    dev.underlay.automation.jobs.JobService jobs();

    /** Facts and health of machines, kept per run (issue 13). */
    dev.underlay.automation.facts.FactsService facts();

    /** The simulated lab. */
    LabService lab();

    @Override
    void close();

    /** Opens a data folder for one command; {@code app.Main} passes {@code AppContext.open(dir, false, ...)}. */
    @FunctionalInterface
    interface Opener {
        CliContext open(Path dataFolder);
    }
}
