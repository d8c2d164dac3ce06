package dev.underlay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer rules of HOUSE-STYLE.md, checked on every build. */
@AnalyzeClasses(packages = "dev.underlay", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsToolkitFree = noClasses()
            .that().resideOutsideOfPackages("..ui..", "dev.underlay.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..")
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
            .should().dependOnClassesThat().resideInAnyPackage("..ui..")
            .because("dependencies point ui -> service -> repository, never back");

    @ArchTest
    static final ArchRule repositoriesDoNotUseServices = noClasses()
            .that().resideInAPackage("..repository..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Service")
            .because("repositories are the bottom layer");

    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.underlay.(*)..").should().beFreeOfCycles()
            .because("feature packages must be understandable and testable one at a time");
}
