package dev.underlay.app;

import dev.underlay.cli.CliContext;
import dev.underlay.db.Database;
import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.CredentialSecrets;
import dev.underlay.inventory.InventoryService;
import dev.underlay.lab.LabService;
import dev.underlay.secrets.EncryptedCredentialSecrets;
import dev.underlay.secrets.PassphrasePrompt;
import dev.underlay.secrets.SecretKeyFile;
import dev.underlay.secrets.repository.JdbcCredentialSecretRepository;
import dev.underlay.settings.SettingsService;
import dev.underlay.ssh.HostKeyStore;
import dev.underlay.ssh.PassphraseProvider;
import dev.underlay.ssh.SshSettings;
import dev.underlay.ssh.SshTransport;
import dev.underlay.ssh.repository.JdbcHostKeyRepository;
import java.time.Clock;
import java.util.Optional;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import dev.underlay.background.ExecutorTaskRunner;
import dev.underlay.background.TaskRunner;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * Wires the application by hand: database, stores, services, task runner. One per open data folder; the console
 * and the CLI build the same one (the CLI without demo data and with a caller-thread executor).
 */
public final class AppContext implements CliContext {
    /** Setting recording that the demo inventory was offered, so deleting it does not bring it back. */
    public static final String DEMO_SEEDED = "demo.seeded";

    private final Path dataFolder;
    private final Database database;
    private final InventoryService inventory;
    private final TaskRunner tasks;
    private final EncryptedCredentialSecrets secrets;
    private final HostKeyStore hostKeys;
    private final Prompts prompts;
    private final LabService lab = new LabService();
    private final SettingsService settings;
    private SshTransport ssh;
    private SshSettings sshSettings = SshSettings.DEFAULTS;

    private AppContext(Path dataFolder, Database database, InventoryService inventory, TaskRunner tasks,
                       Prompts prompts) {
        this.dataFolder = dataFolder;
        this.database = database;
        this.inventory = inventory;
        this.tasks = tasks;
        this.prompts = prompts;
        this.secrets = new EncryptedCredentialSecrets(SecretKeyFile.inDataFolder(dataFolder, prompts.secretsKey()),
                new JdbcCredentialSecretRepository(database));
        this.settings = new SettingsService(inventory.store());
        this.hostKeys = new HostKeyStore(new JdbcHostKeyRepository(database), Clock.systemUTC());
    }

    /**
     * How the application asks a person for passphrases: of encrypted SSH private keys, and of a
     * passphrase-protected secrets key file. The console answers with dialogs, the CLI at the terminal.
     */
    public record Prompts(PassphraseProvider sshKeys, PassphrasePrompt secretsKey) {
        /** Never asks: encrypted keys without a stored passphrase fail with a sentence. */
        public static final Prompts NONE = new Prompts(PassphraseProvider.NONE, PassphrasePrompt.NONE);
    }

    /**
     * Opens the data folder.
     *
     * @param seedDemo   fill a newly created database with the demo inventory (the console does, the CLI not)
     * @param callbacks  where task results are delivered ({@code Platform::runLater} in the console)
     */
    public static AppContext open(Path dataFolder, boolean seedDemo, Executor callbacks) {
        return open(dataFolder, seedDemo, callbacks, Prompts.NONE);
    }

    /** Opens the data folder with the given ways of asking for passphrases. */
    public static AppContext open(Path dataFolder, boolean seedDemo, Executor callbacks, Prompts prompts) {
        Database db = Database.open(dataFolder);
        try {
            JdbcInventoryStore store = new JdbcInventoryStore(db);
            InventoryService service = new InventoryService(store);
            if (seedDemo && db.created() && store.setting(DEMO_SEEDED).isEmpty()) {
                service.apply(DemoInventory.changes(labKey(db.folder())));
                store.putSetting(DEMO_SEEDED, "true");
            }
            TaskRunner tasks = new ExecutorTaskRunner("underlay-task", 4, callbacks);
            return new AppContext(db.folder(), db, service, tasks, prompts);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The client key the simulated lab accepts, kept in the data folder. */
    public static Path labKey(Path dataFolder) {
        return dataFolder.resolve("lab").resolve("client_ed25519");
    }

    @Override
    public Path dataFolder() {
        return dataFolder;
    }

    public Database database() {
        return database;
    }

    @Override
    public InventoryService inventory() {
        return inventory;
    }

    /** The user's settings (theme, ...), kept in this data folder. */
    public SettingsService settings() {
        return settings;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    /** Encrypted secrets of credentials (passwords, key passphrases). */
    @Override
    public Optional<CredentialSecrets> secrets() {
        return Optional.of(secrets);
    }

    public EncryptedCredentialSecrets credentialSecrets() {
        return secrets;
    }

    /** Known SSH host keys, per address and port. */
    @Override
    public HostKeyStore hostKeys() {
        return hostKeys;
    }

    /** Changes the SSH settings used when the transport is next started (e.g. from CLI options). */
    public synchronized void sshSettings(SshSettings settings) {
        if (ssh != null) {
            throw new IllegalStateException("the SSH transport is already running");
        }
        this.sshSettings = settings;
    }

    @Override
    public synchronized void sshAlgorithms(dev.underlay.ssh.SshAlgorithms algorithms) {
        sshSettings(sshSettings.withAlgorithms(algorithms));
    }

    /** The one SSH client of the application, started on first use. */
    @Override
    public synchronized SshTransport ssh() {
        if (ssh == null) {
            ssh = new SshTransport(sshSettings, hostKeys, secrets, prompts.sshKeys());
        }
        return ssh;
    }

    /** The simulated lab (not running until started). */
    @Override
    public LabService lab() {
        return lab;
    }

    @Override
    public void close() {
        tasks.close();
        lab.close();
        synchronized (this) {
            if (ssh != null) {
                ssh.close();
            }
        }
        database.close();
    }
}
