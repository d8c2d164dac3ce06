package dev.underlay.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BundledLibrariesTest {
    @Test
    void everyBundledLibraryHasItsLicenceRecorded() {
        List<BundledLibrary> libs = BundledLibraries.list();
        assertTrue(libs.size() > 20, "the runtime classpath Maven listed: " + libs);
        List<String> unrecorded = libs.stream().filter(l -> l.licence().equals(BundledLibraries.NOT_RECORDED))
                .map(BundledLibrary::coordinates).toList();
        assertEquals(List.of(), unrecorded, "add these to src/main/resources/dev/underlay/about/licences.tsv");
    }

    @Test
    void eachLibraryOnceWithItsOwnLicence() {
        List<BundledLibrary> libs = BundledLibraries.list();
        assertEquals(1, libs.stream().filter(l -> l.artifact().equals("javafx-graphics")).count(),
                "the platform jar and its empty twin are one library");
        BundledLibrary sshd = libs.stream().filter(l -> l.artifact().equals("sshd-core")).findFirst().orElseThrow();
        assertEquals("org.apache.sshd", sshd.group());
        assertEquals("Apache-2.0", sshd.licence());
        BundledLibrary bridge = libs.stream().filter(l -> l.artifact().equals("jcl-over-slf4j")).findFirst()
                .orElseThrow();
        assertEquals("Apache-2.0", bridge.licence(), "group:artifact wins over the group's licence (SLF4J: MIT)");
        assertTrue(libs.stream().noneMatch(l -> l.group().startsWith("org.junit")), "test libraries are not bundled");
    }

    @Test
    void pathsOfEitherSeparatorAreRead() {
        Map<String, String[]> licences = Map.of("com.h2database", new String[] {"MPL-2.0 OR EPL-1.0", "h"});
        assertEquals(Optional.of(new BundledLibrary("com.h2database", "h2", "2.4.240", "MPL-2.0 OR EPL-1.0", "h")),
                BundledLibraries.parse("com\\h2database\\h2\\2.4.240\\h2-2.4.240.jar", licences));
        assertEquals(BundledLibraries.NOT_RECORDED,
                BundledLibraries.parse("org/x/y/1/y-1.jar", licences).orElseThrow().licence());
        assertEquals(Optional.empty(), BundledLibraries.parse("/work/target/classes", licences));
        assertEquals(Optional.empty(), BundledLibraries.parse("", licences));
    }
}
