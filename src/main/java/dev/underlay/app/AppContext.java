package dev.underlay.app;

import dev.underlay.cli.CliContext;
import dev.underlay.db.DataFolders;
import dev.underlay.db.Database;
import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.CredentialSecrets;
import dev.underlay.inventory.InventoryService;
import dev.underlay.lab.LabService;
import dev.underlay.inventory.InventoryValidationException;
import dev.underlay.secrets.EncryptedCredentialSecrets;
import dev.underlay.secrets.EncryptedParamSecrets;
import dev.underlay.secrets.SealingKey;
import dev.underlay.secrets.KeyLocation;
import dev.underlay.secrets.SecretsException;
import dev.underlay.secrets.repository.JdbcCredentialSecretRepository;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.underlay.secrets.PassphrasePrompt;
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
import dev.underlay.automation.jobs.JobService;
import dev.underlay.automation.jobs.PlanSource;
import dev.underlay.automation.repository.JdbcJobRepository;

/**
 * Wires the application by hand: database, stores, services, task runner. One per open data folder; the console
 * and the CLI build the same one (the CLI without demo data and with a caller-thread executor).
 */
public final class AppContext implements CliContext {
    /** Setting recording that the demo inventory was offered, so deleting it does not bring it back. */
    public static final String DEMO_SEEDED = "demo.seeded";
    /** Setting recording that secure values stored in plain by an older Underlay were sealed (V1 of that pass). */
    static final String PARAMS_SEALED = "secrets.params-sealed.v1";
    /** Setting holding the data folder's id, the name of its secrets key file (decision 0006). */
    static final String FOLDER_ID = "data-folder.id";
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final Path dataFolder;
    private final Database database;
    private final InventoryService inventory;
    private final TaskRunner tasks;
    private final EncryptedCredentialSecrets secrets;
    private final HostKeyStore hostKeys;
    private final Prompts prompts;
    private final LabService lab = new LabService();
    private final SettingsService settings;
    private final dev.underlay.automation.ContentService content;
    /** This open filled a new folder with the demo inventory (the console's first start). */
    private boolean seededNow;
    private final dev.underlay.automation.AutomationCatalog automation;
    private final dev.underlay.automation.ParamPublisher publisher;
    private final JobService jobs;
    private final dev.underlay.automation.facts.FactsService facts;
    private SshTransport ssh;
    private SshSettings sshSettings = SshSettings.DEFAULTS;
    private final java.util.List<Runnable> onClose = new java.util.concurrent.CopyOnWriteArrayList<>();

    private AppContext(Path dataFolder, Database database, InventoryService inventory, TaskRunner tasks,
                       Prompts prompts, EncryptedCredentialSecrets secrets) {
        this.dataFolder = dataFolder;
        this.database = database;
        this.inventory = inventory;
        this.tasks = tasks;
        this.prompts = prompts;
        this.secrets = secrets;
        this.settings = new SettingsService(inventory.store());
        this.hostKeys = new HostKeyStore(new JdbcHostKeyRepository(database), Clock.systemUTC());
        // automation model (issue 13): content packs, templates, the plans the job engine runs
        var templates = new dev.underlay.automation.template.Templates();
        this.content = new dev.underlay.automation.ContentService(
                new dev.underlay.automation.repository.JdbcContentRepository(database), inventory, templates);
        this.publisher = new dev.underlay.automation.ParamPublisher(inventory);
        this.automation = new dev.underlay.automation.AutomationCatalog(content,
                new dev.underlay.automation.TaskRenderer(templates, inventory.paramValues()), publisher);
        // marks the jobs a killed process left running as interrupted, then purges those past their retention
        this.jobs = new JobService(inventory, this::ssh, new JdbcJobRepository(database), plansByName(),
                dataFolder.resolve("rehearse"));
        // facts and health (issue 13): kept per run, harvested when a job ends
        this.facts = new dev.underlay.automation.facts.FactsService(
                new dev.underlay.automation.repository.JdbcFactsRepository(database), jobs);
        jobs.addEndListener(facts::harvest);
        purgeOldJobs();
    }

    /** Workflows and tasks by name for {@code run}: a workflow wins over a task of the same name. */
    private PlanSource plansByName() {
        return name -> {
            var idx = content.index();
            return idx.workflows().containsKey(name) || idx.tasks().containsKey(name)
                    ? java.util.Optional.of(automation.plan(name)) : java.util.Optional.empty();
        };
    }

    /** Setting: days a finished job (its results and output) is kept; default {@value #JOB_RETENTION_DEFAULT}. */
    public static final String JOB_RETENTION_DAYS = "jobs.retention.days";
    static final int JOB_RETENTION_DEFAULT = 90;

    private void purgeOldJobs() {
        int days = JOB_RETENTION_DEFAULT;
        try {
            days = Integer.parseInt(settings.get(JOB_RETENTION_DAYS).orElse(Integer.toString(days)).trim());
        } catch (NumberFormatException e) {
            LOG.warn("Setting {} is not a number of days; keeping jobs {} days", JOB_RETENTION_DAYS, days);
        }
        if (days > 0) {
            int n = jobs.purgeOlderThan(java.time.Duration.ofDays(days));
            if (n > 0) {
                LOG.info("Purged {} jobs that ended more than {} days ago", n, days);
            }
        }
    }

    /** Jobs: start, control, history and logs. */
    @Override
    public JobService jobs() {
        return jobs;
    }

    /** Installed content packs: import, export, list. */
    @Override
    public dev.underlay.automation.ContentService content() {
        return content;
    }

    /** Plans for the job engine, what-if renders and params with their sources. */
    @Override
    public dev.underlay.automation.AutomationCatalog automation() {
        return automation;
    }

    /** Where a task's published values go (its cluster's profile). */
    /** Facts and health of machines, latest and history. */
    @Override
    public dev.underlay.automation.facts.FactsService facts() {
        return facts;
    }

    public dev.underlay.automation.ParamPublisher publisher() {
        return publisher;
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
        return open(dataFolder, DataFolders.keys(), seedDemo, callbacks, prompts);
    }

    /** Same, with the folder of the user's secrets keys named ({@link DataFolders#keys()} otherwise). */
    public static AppContext open(Path dataFolder, Path keysFolder, boolean seedDemo, Executor callbacks,
                                  Prompts prompts) {
        Database db = Database.open(dataFolder);
        StartupTrace.mark("database open");
        try {
            JdbcInventoryStore store = new JdbcInventoryStore(db);
            // one key for everything sealed in this folder: credential secrets and secure param values
            SealingKey key = new SealingKey(KeyLocation.of(keysFolder, folderId(store), db.folder(),
                    prompts.secretsKey()));
            EncryptedCredentialSecrets secrets = new EncryptedCredentialSecrets(key,
                    new JdbcCredentialSecretRepository(db));
            key.sealedBy(() -> {
                int n = store.sealedParamCount();
                return n == 0 ? List.of() : List.of(n + " secure param values");
            });
            InventoryService service = new InventoryService(store, new EncryptedParamSecrets(key));
            if (sealPlaintextAtRest(store, service)) {
                db.compactOnClose();
            }
            boolean seeding = seedDemo && db.created() && store.setting(DEMO_SEEDED).isEmpty();
            if (seeding) {
                service.apply(DemoInventory.changes(labKey(db.folder())));
                store.putSetting(DEMO_SEEDED, "true");
            }
            TaskRunner tasks = new ExecutorTaskRunner("underlay-task", 4, callbacks);
            AppContext ctx = new AppContext(db.folder(), db, service, tasks, prompts, secrets);
            ctx.seededNow = seeding;
            StartupTrace.mark("services wired");
            return ctx;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * The console's first start on a new folder installs the bundled content packs beside the demo inventory, so
     * that the Automation area and the start dialog have workflows to offer. A pack that cannot be installed is
     * logged and left out: the folder still opens, and {@code underlay content import --bundled NAME} says why.
     * Does nothing on any later open. Off the FX thread.
     */
    public void installBundledContentOnFirstStart() {
        if (!seededNow) {
            return;
        }
        seededNow = false;
        for (String name : dev.underlay.automation.ContentService.BUNDLED) {
            try {
                if (!content.index().packs().containsKey(name)) {
                    content.install(content.bundled(name), false);
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(AppContext.class).warn("bundled content pack {} not installed: {}",
                        name, e.getMessage());
            }
        }
    }

    /** The data folder's stable id, made on first use: it names the folder's key file among the user's keys. */
    private static String folderId(JdbcInventoryStore store) {
        return store.setting(FOLDER_ID).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            store.putSetting(FOLDER_ID, id);
            return id;
        });
    }

    /**
     * Once per data folder: seals the secure values an older Underlay stored in plain (secure params were not
     * sealed before schema version 4, and names such as ansible_become_password did not count as secret). When the
     * key cannot be had (a passphrase refused), the folder still opens and the next open tries again. True when
     * something was sealed: then the file is rewritten on close, so that no old page keeps the plaintext.
     */
    private static boolean sealPlaintextAtRest(JdbcInventoryStore store, InventoryService service) {
        if (store.setting(PARAMS_SEALED).isPresent()) {
            return false;
        }
        try {
            int n = service.sealPlaintextAtRest();
            if (n > 0) {
                LOG.info("Encrypted {} secure param values that were stored in plain", n);
            }
            store.putSetting(PARAMS_SEALED, "1");
            return n > 0;
        } catch (SecretsException | InventoryValidationException e) {
            LOG.warn("Secure param values stored in plain by an older Underlay stay unencrypted until the next "
                    + "start: {}", e.getMessage());
            return false;
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

    /** Runs {@code r} once this context has closed. */
    void onClose(Runnable r) {
        onClose.add(r);
    }

    @Override
    public void close() {
        try {
            closeAll();
        } finally {
            onClose.forEach(Runnable::run);
        }
    }

    private void closeAll() {
        tasks.close();
        jobs.close();
        lab.close();
        synchronized (this) {
            if (ssh != null) {
                ssh.close();
            }
        }
        database.close();
    }
}
