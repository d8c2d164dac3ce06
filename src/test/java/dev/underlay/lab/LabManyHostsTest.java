package dev.underlay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 200 hosts at once: every line of every host's output arrives, in order, including lines after a sleep. */
class LabManyHostsTest {
    private static final int HOSTS = 200;
    private static final int LINES = 60;

    @TempDir
    Path dir;

    @Test
    void everyLineFromTwoHundredHostsArrives() throws Exception {
        StringBuilder script = new StringBuilder();
        for (int i = 1; i <= LINES; i++) {
            script.append("echo \"$HOSTNAME line ").append(i).append("\"; ");
            if (i == LINES / 2) {
                script.append("sleep 0.2; ");
            }
        }
        try (Lab lab = Lab.start(LabFixtures.hosts(HOSTS, 23600), dir.resolve("lab"), FaultSpec.NONE);
             LabClient client = new LabClient(lab)) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<LabClient.Result>> results = new ArrayList<>();
                for (LabHost h : lab.hosts()) {
                    results.add(pool.submit(() -> client.exec(h.port(), script.toString())));
                }
                int total = 0;
                for (int i = 0; i < HOSTS; i++) {
                    LabClient.Result r = results.get(i).get();
                    String name = lab.hosts().get(i).name();
                    assertEquals(0, r.exit(), name + ": " + r.err());
                    List<String> lines = r.out().lines().toList();
                    for (int n = 1; n <= lines.size(); n++) {
                        assertEquals(name + " line " + n, lines.get(n - 1));
                    }
                    total += lines.size();
                }
                assertEquals(HOSTS * LINES, total);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
