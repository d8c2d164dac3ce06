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
    void sleepingHostsHoldNoThreadSoOthersAnswerMeanwhile() throws Exception {
        int sleepers = Lab.SHELL_THREADS * 5;
        try (Lab lab = Lab.start(LabFixtures.hosts(sleepers + 1), dir.resolve("lab"), FaultSpec.NONE);
             LabClient client = new LabClient(lab)) {
            List<org.apache.sshd.client.session.ClientSession> sessions = new ArrayList<>();
            List<org.apache.sshd.client.channel.ChannelExec> channels = new ArrayList<>();
            List<java.io.ByteArrayOutputStream> outs = new ArrayList<>();
            try {
                for (int i = 0; i < sleepers; i++) {
                    var s = client.connect(lab.hosts().get(i).port());
                    sessions.add(s);
                    var ch = s.createExecChannel("sleep 3; echo done");
                    var out = new java.io.ByteArrayOutputStream();
                    ch.setOut(out);
                    ch.open().verify(LabClient.TIMEOUT);
                    channels.add(ch);
                    outs.add(out);
                }
                for (int i = 0; i < 100 && lab.status().commands() < sleepers; i++) {
                    Thread.sleep(20);
                }
                assertEquals(sleepers, lab.status().commands());
                LabHost last = lab.hosts().get(sleepers);
                LabClient.Result r = client.exec(last.port(), "hostname");
                assertEquals(last.name() + "\n", r.out());
                assertEquals(0, channels.stream().filter(c -> c.isClosed() || c.getExitStatus() != null).count(),
                        "a sleeper finished before the other host answered: sleeps are holding threads");
                for (int i = 0; i < sleepers; i++) {
                    channels.get(i).waitFor(java.util.EnumSet.of(
                            org.apache.sshd.client.channel.ClientChannelEvent.CLOSED), LabClient.TIMEOUT);
                    assertEquals("done\n", outs.get(i).toString(java.nio.charset.StandardCharsets.UTF_8));
                }
            } finally {
                for (var s : sessions) {
                    s.close(true);
                }
            }
        }
    }

    @Test
    void everyLineFromTwoHundredHostsArrives() throws Exception {
        StringBuilder script = new StringBuilder();
        for (int i = 1; i <= LINES; i++) {
            script.append("echo \"$HOSTNAME line ").append(i).append("\"; ");
            if (i == LINES / 2) {
                script.append("sleep 0.2; ");
            }
        }
        try (Lab lab = Lab.start(LabFixtures.hosts(HOSTS), dir.resolve("lab"), FaultSpec.NONE);
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
