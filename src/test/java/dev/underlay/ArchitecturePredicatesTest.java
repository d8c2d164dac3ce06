package dev.underlay;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The predicates {@link ArchitectureTest}'s rules are built on pick the classes they name, so no rule is vacuous. */
class ArchitecturePredicatesTest {
    static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.underlay");
    }

    private static boolean is(DescribedPredicate<JavaClass> p, Class<?> c) {
        return p.test(main.get(c));
    }

    @Test
    void storageIsTheRepositoriesAndThePortsTheyImplement() {
        assertTrue(is(ArchitectureTest.storage(), dev.underlay.inventory.repository.JdbcInventoryStore.class));
        assertTrue(is(ArchitectureTest.storage(), dev.underlay.inventory.InventoryStore.class));
        assertTrue(is(ArchitectureTest.storage(), dev.underlay.ssh.HostKeyRepository.class));
        assertFalse(is(ArchitectureTest.storage(), dev.underlay.inventory.InventoryService.class));
        assertFalse(is(ArchitectureTest.storage(), dev.underlay.inventory.Machine.class));
    }

    @Test
    void servicesAreTheClassesThatUseStorage() {
        assertTrue(is(ArchitectureTest.service(), dev.underlay.inventory.InventoryService.class));
        assertTrue(is(ArchitectureTest.service(), dev.underlay.ssh.HostKeyStore.class));
        assertTrue(is(ArchitectureTest.service(), dev.underlay.settings.SettingsService.class));
        assertFalse(is(ArchitectureTest.service(), dev.underlay.inventory.Machine.class));
        assertFalse(is(ArchitectureTest.service(), dev.underlay.inventory.repository.JdbcInventoryStore.class));
    }

    @Test
    void theSshClientIsWhatReachesApacheSshdsClient() {
        assertTrue(is(ArchitectureTest.sshClient(), dev.underlay.ssh.SshTransport.class));
        assertTrue(is(ArchitectureTest.sshClient(), dev.underlay.ssh.FanOut.class));
        assertFalse(is(ArchitectureTest.sshClient(), dev.underlay.ssh.HostKeyStore.class));
        assertFalse(is(ArchitectureTest.sshClient(), dev.underlay.ssh.KnownHostsFileImport.class));
        assertFalse(is(ArchitectureTest.sshClient(), dev.underlay.ssh.Endpoint.class));
    }

    @Test
    void everyRuleOfTheArchitectureTestIsRun() {
        // two feature rules once sat there without @ArchTest, so JUnit never checked them
        for (java.lang.reflect.Field f : ArchitectureTest.class.getDeclaredFields()) {
            if (com.tngtech.archunit.lang.ArchRule.class.isAssignableFrom(f.getType())) {
                assertTrue(f.isAnnotationPresent(com.tngtech.archunit.junit.ArchTest.class),
                        f.getName() + " has no @ArchTest");
            }
        }
    }
}
