package dev.underlay.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
    @Test
    void mavenWroteTheVersionAndTheCommitOrSaidUnknown() {
        BuildInfo b = BuildInfo.current();
        assertTrue(Pattern.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?", b.version()), b.version());
        assertTrue(b.commit().equals(BuildInfo.UNKNOWN) || Pattern.matches("[0-9a-f]{7,40}(-dirty)?", b.commit()),
                "a git commit, or unknown without git: " + b.commit());
        assertEquals(b.version() + " (commit " + b.commit() + ")", b.describe());
    }

    @Test
    void missingOrUnfilteredFactsReadUnknown() {
        BuildInfo b = new BuildInfo(null, "${underlay.commit}");
        assertEquals("unknown (commit unknown)", b.describe());
        assertEquals("1.2.0", new BuildInfo(" 1.2.0\n", " ").version());
        assertEquals(BuildInfo.UNKNOWN, new BuildInfo("1.2.0", " ").commit());
    }

    @Test
    void runtimeNamesTheJavaHome() {
        assertTrue(BuildInfo.runtime().endsWith(" at " + System.getProperty("java.home")), BuildInfo.runtime());
    }
}
