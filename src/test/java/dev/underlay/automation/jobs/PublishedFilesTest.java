package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How published files are read back: values between markers, trailing newlines stripped, names checked. */
class PublishedFilesTest {
    @Test
    void valuesBetweenMarkersKeepInnerLinesAndLoseTrailingOnes() {
        List<String> lines = List.of("stray output before", PublishedFiles.MARKER + "a", "one", "",
                PublishedFiles.MARKER + "b", "first", "", "third", "", "");
        assertEquals(Map.of("a", "one", "b", "first\n\nthird"), PublishedFiles.parse(lines));
        assertEquals(Map.of(), PublishedFiles.parse(List.of("nothing published")));
    }

    @Test
    void theReadCommandQuotesEveryPathAndRefusesANameThatIsNoFileName() {
        String c = PublishedFiles.readCommand(List.of("k8s_join_command"));
        assertTrue(c.contains("test -f '/run/underlay/publish/k8s_join_command' && echo '::underlay-published "
                + "k8s_join_command' && cat '/run/underlay/publish/k8s_join_command' && echo && rm -f "), c);
        assertTrue(c.endsWith("true\n"), "exits 0 when the last file is missing: " + c);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PublishedFiles.readCommand(List.of("../etc/passwd")));
        assertEquals("param name ../etc/passwd cannot name a file under /run/underlay/publish/", e.getMessage());
    }
}
