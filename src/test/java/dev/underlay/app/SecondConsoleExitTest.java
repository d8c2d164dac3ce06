package dev.underlay.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.HoldDatabase;
import dev.underlay.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second console on a data folder another Underlay holds: it says so in one sentence and the process ends when
 * that dialog is closed. Both run as separate JVMs (the console under Monocle, started by its real {@code main}).
 */
class SecondConsoleExitTest {
    @TempDir
    Path dir;

    @Test
    void secondConsoleOnAHeldFolderExplainsAndExitsWhenTheDialogIsClosed() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldDatabase.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = r.readLine();
            assertTrue(ready != null && ready.startsWith("ready"), "holder did not start: " + ready);
            try (ChildJvm console = ChildJvm.start(SecondConsoleMain.class, monocle(), List.of("--data",
                    dir.toString()))) {
                ChildJvm.Line dialog = console.awaitLine(s -> s.startsWith("dialog: ") || s.equals("no dialog"),
                        90_000);
                assertNotNull(dialog, "no dialog line; the console printed:\n" + console.lines());
                assertTrue(dialog.text().contains("Cannot open the data folder")
                        && dialog.text().contains("is in use by another running Underlay"), dialog.text());
                assertNotNull(console.awaitLine("closed"::equals, 30_000), "the Close button was not clicked");
                int code = console.waitFor(30_000);
                assertTrue(code >= 0, "the console still runs 30 s after its dialog was closed:\n"
                        + console.lines());
                assertEquals(0, code, "exit code; the console printed:\n" + console.lines());
            }
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    private static List<String> monocle() {
        return List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dheadless.geometry=1600x1000-32",
                "-Dunderlay.keys=" + System.getProperty("underlay.keys", "target/test-keys"));
    }
}
