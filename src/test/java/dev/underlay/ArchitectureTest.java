package dev.underlay;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The layer rules of HOUSE-STYLE.md and docs/architecture.md, checked on every build. Each feature package has a
 * rule naming the packages it may use (a new feature adds its own), and the layer rules hold across features.
 */
@AnalyzeClasses(packages = "dev.underlay", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "dev.underlay";

    // ---- across features ----

    @ArchTest
    static final ArchRule domainIsToolkitFree = noClasses()
            .that().resideOutsideOfPackages("..ui..", "dev.underlay.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                    "org.kordamp.ikonli..")
            .because("the domain runs on worker threads and is tested without a toolkit");

    @ArchTest
    static final ArchRule onlySshTalksSsh = noClasses()
            .that().resideOutsideOfPackages("dev.underlay.ssh..", "dev.underlay.lab..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.sshd..")
            .because("one package owns the SSH client; the lab's server side is the only other user");

    @ArchTest
    static final ArchRule onlyRepositoriesUseSql = noClasses()
            .that().resideOutsideOfPackages("..repository..", "dev.underlay.db..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..",
                    "org.flywaydb..")
            .because("storage stays behind repositories so that another database can replace H2");

    @ArchTest
    static final ArchRule servicesDoNotReachUp = noClasses()
            .that().resideOutsideOfPackages("..ui..", "dev.underlay.app..")
            .should().dependOnClassesThat().resideInAnyPackage("..ui..", "dev.underlay.app..")
            .because("dependencies point ui -> service -> repository, never back");

    @ArchTest
    static final ArchRule uiGoesThroughServices = noClasses()
            .that().resideInAnyPackage("..ui..", "dev.underlay.app..").and(not(simpleName("AppContext")))
            .should().dependOnClassesThat(storage())
            .because("views and view models read and write through services, which keep the rules; only "
                    + "AppContext, the wiring, builds repositories");

    @ArchTest
    static final ArchRule repositoriesAreTheBottomLayer = classes()
            .that().resideInAPackage("..repository..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "javax.sql..", "dev.underlay.db..",
                    "com.fasterxml.jackson..", "org.slf4j..")
                    .or(resideInAPackage("dev.underlay..").and(not(service()))
                            .and(not(resideInAnyPackage("..ui..", "dev.underlay.app..", "dev.underlay.cli..")))))
            .because("repositories sit under the services: they know the database, the model and the ports they "
                    + "implement, never a service, a view or the CLI");

    @ArchTest
    static final ArchRule onlyLogSetupKnowsLogback = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.underlay.app.LogSetup")
            .and().doNotHaveFullyQualifiedName("dev.underlay.app.LogLayout")
            .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..")
            .because("the code logs through slf4j-api; one class sets Logback up (decision 0020) with its layout"
                    + " (decision 0036)");

    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.underlay.(**)").should().beFreeOfCycles()
            .because("every package, at every depth, must be understandable and testable without the ones "
                    + "that use it");

    @ArchTest
    static final ArchRule benchmarksStayOutOfTheProduct = noClasses().should()
            .resideInAPackage("dev.underlay.bench..")
            .because("benchmark code (test stand-ins, meters) lives with the tests, never in underlay.jar");

    // ---- one rule per feature package: which other dev.underlay packages it may use ----

    @ArchTest
    static final ArchRule background = feature("background")
            .because("the task runner is the bottom of the UI stack and knows no feature");

    @ArchTest
    static final ArchRule db = feature("db")
            .because("the database knows no feature; features' repositories use it");

    @ArchTest
    static final ArchRule inventory = feature("inventory")
            .because("the inventory model and its service are the core every other feature builds on");

    @ArchTest
    static final ArchRule inventoryIo = feature("inventory.io", "inventory")
            .because("import and export turn files into inventory changes and nothing else");

    @ArchTest
    static final ArchRule inventoryRepository = feature("inventory.repository", "inventory", "db")
            .because("the inventory's H2 store implements InventoryStore and nothing else");

    @ArchTest
    static final ArchRule inventoryUi = feature("inventory.ui", "inventory", "inventory.io", "ui", "background")
            .because("the inventory's views use its service and import/export, through the task runner");

    @ArchTest
    static final ArchRule settings = feature("settings", "inventory")
            .because("user settings are kept beside the inventory, in its store");

    @ArchTest
    static final ArchRule secrets = feature("secrets", "inventory", "db")
            .because("secrets are sealed for the inventory's credentials; AppContext hands them their repository; db gives owner-only files");

    @ArchTest
    static final ArchRule secretsRepository = feature("secrets.repository", "secrets", "db")
            .because("the secrets' H2 table implements CredentialSecretRepository and nothing else");

    @ArchTest
    static final ArchRule ssh = feature("ssh", "inventory", "ssh.knownhosts")
            .because("the SSH client reaches machines of the inventory and knows no view, lab or CLI");

    @ArchTest
    static final ArchRule sshKnownHosts = feature("ssh.knownhosts")
            .because("the known_hosts parser reads a file format and knows no feature");

    @ArchTest
    static final ArchRule sshRepository = feature("ssh.repository", "ssh", "db")
            .because("known host keys in H2 implement HostKeyRepository and nothing else");

    @ArchTest
    static final ArchRule sshUi = feature("ssh.ui", "ssh", "inventory", "ui", "background")
            .because("Run command and host key review use the SSH client through the task runner");

    @ArchTest
    static final ArchRule lab = feature("lab", "inventory", "inventory.io", "lab.shell")
            .because("the simulated lab serves inventory machines and never uses the SSH client");

    @ArchTest
    static final ArchRule labShell = feature("lab.shell", "inventory")
            .because("the lab's shell interprets commands in memory and knows no SSH");

    @ArchTest
    static final ArchRule labUi = feature("lab.ui", "lab", "inventory", "ssh", "ui", "background")
            .because("the Lab menu starts and stops the lab and trusts its host keys");

    @ArchTest
    static final ArchRule labUiUsesNoSshClient = noClasses()
            .that().resideInAPackage("dev.underlay.lab.ui..")
            .should().dependOnClassesThat(sshClient())
            .because("the Lab menu only trusts the lab's host keys; commands to lab hosts go through Run command");

    @ArchTest
    static final ArchRule racks = feature("racks", "inventory")
            .because("rack elevations are a pure model, a layout and moves on top of InventoryService: no JDBC, no "
                    + "view");

    @ArchTest
    static final ArchRule racksUi = feature("racks.ui", "racks", "inventory", "inventory.ui", "ui", "background")
            .because("the Racks area draws the racks model, shares the machines table's selection and saves moves "
                    + "through the task runner");

    @ArchTest
    static final ArchRule topology = feature("topology", "inventory")
            .because("the topology graph and its layouts are made from an inventory snapshot, without a toolkit");

    @ArchTest
    static final ArchRule topologyUi = feature("topology.ui", "topology", "racks", "inventory", "inventory.ui", "ui",
            "background")
            .because("the Topology area draws the topology model in the racks' colourings, shares the machines "
                    + "table's selection and lays out on the task runner");

    @ArchTest
    static final ArchRule about = feature("about")
            .because("what a build is (version, commit, bundled licences) is read by the CLI and the console alike");

    @ArchTest
    static final ArchRule ui = feature("ui", "background", "settings", "about")
            .because("the shared UI (shell, dialogs, theme, task runner's FX side) knows no feature");

    @ArchTest
    static final ArchRule automation = feature("automation", "automation.content", "automation.template",
            "automation.io", "inventory")
            .because("the automation services work on the model, templates and pack files, and reach storage only "
                    + "through the ContentStore port; AppContext wires the repository");

    @ArchTest
    static final ArchRule automationContent = feature("automation.content", "inventory")
            .because("the automation model (tasks, stages, workflows, packs) knows only the inventory's records");

    @ArchTest
    static final ArchRule automationTemplate = feature("automation.template")
            .because("the template engine knows no feature: it renders values it is given");

    @ArchTest
    static final ArchRule automationIo = feature("automation.io", "automation.content", "inventory")
            .because("content pack files are read into the model and written from it, nothing else");

    @ArchTest
    static final ArchRule automationJobs = feature("automation.jobs", "automation", "inventory", "ssh", "lab")
            .because("the job engine runs the model's plans over the SSH client (or lab twins) and keeps them "
                    + "through its repository port; it knows no view and no CLI");

    @ArchTest
    static final ArchRule automationUi = feature("automation.ui", "automation", "automation.content", "inventory",
            "ui", "background", "automation.facts")
            .because("the Automation area goes through the automation services and the one task runner");

    @ArchTest
    static final ArchRule automationUiJobs = feature("automation.ui.jobs", "automation", "automation.content",
            "automation.jobs", "inventory", "ssh", "ui", "background", "automation.ui.log")
            .because("the jobs views start and watch jobs through JobService and the one task runner; the step and "
                    + "host states they colour are the SSH step runner's public enums; the job window embeds the log "
                    + "viewer");

    @ArchTest
    static final ArchRule automationRepository = feature("automation.repository", "automation.content",
            "automation.jobs", "automation", "db", "ssh", "automation.facts")
            .because("content packs and jobs are stored behind their ports (ContentStore, JobRepository), nothing else");

    @ArchTest
    static final ArchRule automationJobsLog = feature("automation.jobs.log", "automation.jobs", "inventory", "ssh")
            .because("the log viewer's model keeps and groups job output without a toolkit; it reuses the "
                    + "inventory's node sets and knows no view");

    @ArchTest
    static final ArchRule automationUiLog = feature("automation.ui.log", "automation.jobs.log", "automation.jobs",
            "ssh", "background")
            .because("the live log viewer draws the log model, and exports through the one task runner");

    @ArchTest
    static final ArchRule cli = feature("cli", "inventory", "inventory.io", "db", "lab", "secrets", "ssh",
            "about", "automation", "automation.content", "automation.io", "automation.jobs", "automation.facts")
            .because("the CLI runs on the services the console uses, never on views");

    @ArchTest
    static final ArchRule automationFacts = feature("automation.facts", "automation.jobs", "ssh")
            .because("facts and health are read from the job engine's stored results and kept behind their "
                    + "FactsStore port; they know no view, no CLI and no SQL");

    /**
     * Classes of {@code dev.underlay.<pkg>} (that package only; subpackages have their own rules) may depend on
     * no {@code dev.underlay} package but their own and {@code mayUse}. Libraries are the other rules' business.
     */
    private static ArchRule feature(String pkg, String... mayUse) {
        String[] allowed = new String[mayUse.length + 1];
        allowed[0] = ROOT + "." + pkg;
        for (int i = 0; i < mayUse.length; i++) {
            allowed[i + 1] = ROOT + "." + mayUse[i];
        }
        return noClasses().that().resideInAPackage(ROOT + "." + pkg)
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAnyPackage(allowed))));
    }

    /**
     * Storage: a class in a {@code ..repository..} package, or an interface one of them implements (the port a
     * service reads and writes through, such as {@code InventoryStore}).
     */
    static DescribedPredicate<JavaClass> storage() {
        return DescribedPredicate.describe("are storage (a repository, or the port a repository implements)",
                c -> isRepository(c) || c.isInterface() && c.getAllSubclasses().stream()
                        .anyMatch(ArchitectureTest::isRepository));
    }

    private static boolean isRepository(JavaClass c) {
        return c.getPackageName().contains(".repository");
    }

    /** A service: a class outside the repositories that holds or takes storage (InventoryService, HostKeyStore). */
    static DescribedPredicate<JavaClass> service() {
        DescribedPredicate<JavaClass> storage = storage();
        return DescribedPredicate.describe("are services (classes that use storage)",
                c -> !isRepository(c) && !storage.test(c) && c.getDirectDependenciesFromSelf().stream()
                        .map(Dependency::getTargetClass).anyMatch(storage));
    }

    /**
     * The SSH client: classes of {@code dev.underlay.ssh} that reach Apache SSHD's client, directly or through
     * other classes of that package ({@code SshTransport}, {@code FanOut}, ...). The host key store and the
     * known_hosts import do not.
     */
    static DescribedPredicate<JavaClass> sshClient() {
        return DescribedPredicate.describe("are the SSH client (reach org.apache.sshd.client)", c -> {
            if (!c.getPackageName().startsWith(ROOT + ".ssh")) {
                return false;
            }
            Set<JavaClass> seen = new HashSet<>();
            Deque<JavaClass> todo = new ArrayDeque<>();
            todo.add(c);
            while (!todo.isEmpty()) { // bounded: each class of the ssh packages is visited once
                JavaClass next = todo.poll();
                if (!seen.add(next)) {
                    continue;
                }
                for (Dependency d : next.getDirectDependenciesFromSelf()) {
                    JavaClass t = d.getTargetClass();
                    if (t.getPackageName().startsWith("org.apache.sshd.client")) {
                        return true;
                    }
                    if (t.getPackageName().startsWith(ROOT + ".ssh") && !seen.contains(t)) {
                        todo.add(t);
                    }
                }
            }
            return false;
        });
    }
}
