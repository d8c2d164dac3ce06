package dev.underlay.db;

import java.io.IOException;
import java.nio.file.Path;

/** Test helper run in a child JVM: holds a data folder open until its standard input closes. */
public final class HoldDatabase {
    private HoldDatabase() {
    }

    public static void main(String[] args) throws IOException {
        try (Database db = Database.open(Path.of(args[0]))) {
            System.out.println("ready " + db.folder());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
