package dev.underlay.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second process on the same data folder gets a sentence, not a stack trace. */
class DataFolderLockTest {
    @TempDir
    Path dir;

    @Test
    void folderHeldByAnotherProcessIsRefusedWithAClearMessage() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldDatabase.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = r.readLine();
            assertTrue(line != null && line.startsWith("ready"), "holder did not start: " + line);
            DataFolderInUseException e = assertThrows(DataFolderInUseException.class, () -> Database.open(dir));
            assertTrue(e.getMessage().contains("in use by another running Underlay"), e.getMessage());
            assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
            Path trace = dir.resolve("underlay.trace.db");
            String traced = Files.exists(trace) ? Files.readString(trace) : "";
            assertFalse(traced.contains("locked"), "the refused open left its stack trace in the holder's folder: "
                    + traced);
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        assertEquals(0, holder.exitValue());
        try (Database db = Database.open(dir)) {
            assertTrue(db.folder().endsWith(dir.getFileName()), "the folder opens once the other process is gone");
        }
    }
}
