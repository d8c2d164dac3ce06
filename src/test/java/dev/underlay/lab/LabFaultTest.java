package dev.underlay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in 10% of 100 hosts, each kind observed as a client sees it, and the other hosts untouched. One spec with
 * every kind, so the hundred connections cover all of them at once.
 */
class LabFaultTest {
    private static final String PROBE = "echo ok > /tmp/probe && uname -s && hostname";
    private static final String ALL = "refuse:10%,hostkey:10%,auth:10%,disconnect:10%,fail=uname:10%,diskfull:10%,"
            + "slow=300ms:10%";

    @TempDir
    static Path dir;
    static Lab lab;
    static LabClient client;

    /** What the client saw. */
    enum Seen { REFUSED, HOST_KEY_REJECTED, AUTH_FAILED, DISCONNECTED, COMMAND_FAILED, DISK_FULL, OK }

    record Observation(String host, Seen seen, long millis) {
    }

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start(LabFixtures.hosts(100), dir.resolve("lab"), FaultSpec.parse(ALL));
        client = new LabClient(lab);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        lab.close();
    }

    @Test
    void eachFaultHitsItsTenPercentAndTheOtherHostsWork() throws Exception {
        Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
        int healthy = 0;
        for (Observation o : observeAll()) {
            HostFaults f = lab.faultsOf(o.host());
            count(counts, f);
            Seen expected = expected(f);
            assertEquals(expected, o.seen(), o.host() + " with " + f);
            if (f.slowMillis() > 0 && expected.ordinal() >= Seen.DISCONNECTED.ordinal()) {
                assertTrue(o.millis() >= 300, o.host() + " is slow but answered in " + o.millis() + " ms");
            }
            if (!f.any()) {
                healthy++;
            }
        }
        for (FaultKind k : FaultKind.values()) {
            assertEquals(10, counts.getOrDefault(k, 0), k + " should hit exactly 10 of 100 hosts");
        }
        assertTrue(healthy > 30, "only " + healthy + " hosts without faults");
        assertEquals(90, lab.status().listening());
    }

    @Test
    void theSameSpecPicksTheSameHostsAndFaultsChangeWhileRunning() throws Exception {
        List<String> names = lab.hosts().stream().map(LabHost::name).toList();
        assertEquals(FaultSpec.parse(ALL).resolve(names), FaultSpec.parse(ALL).resolve(names));
        try {
            lab.setFaults(FaultSpec.parse("fail=hostname:lab[0001-0003]"));
            assertEquals(100, lab.status().listening());
            for (Observation o : observeAll()) {
                boolean failing = o.host().compareTo("lab0003") <= 0;
                assertEquals(failing ? Seen.COMMAND_FAILED : Seen.OK, o.seen(), o.host());
            }
        } finally {
            lab.setFaults(FaultSpec.parse(ALL));
        }
    }

    @Test
    void diskFullRefusesSftpWritesAndShowsInDfUntilCleared() throws Exception {
        LabHost h = lab.hosts().get(0);
        try {
            lab.setFaults(FaultSpec.parse("diskfull:" + h.name()));
            try (ClientSession s = client.connect(h.port());
                 SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
                IOException e = assertThrows(IOException.class, () -> {
                    try (OutputStream out = sftp.write("/tmp/upload.bin")) {
                        out.write(new byte[] {1, 2, 3});
                    }
                });
                assertTrue(String.valueOf(e.getMessage()).contains("No space left on device"), e.toString());
            }
            assertTrue(client.exec(h.port(), "df -h /").out().contains("100% /"));
            lab.setFaults(FaultSpec.NONE);
            assertEquals(0, client.exec(h.port(), "echo fine > /tmp/upload.txt && df /").exit());
        } finally {
            lab.setFaults(FaultSpec.parse(ALL));
        }
    }

    private static void count(Map<FaultKind, Integer> counts, HostFaults f) {
        if (f.refuse()) counts.merge(FaultKind.REFUSE, 1, Integer::sum);
        if (f.hostKey()) counts.merge(FaultKind.HOSTKEY, 1, Integer::sum);
        if (f.auth()) counts.merge(FaultKind.AUTH, 1, Integer::sum);
        if (f.disconnect()) counts.merge(FaultKind.DISCONNECT, 1, Integer::sum);
        if (!f.failCommands().isEmpty()) counts.merge(FaultKind.FAIL, 1, Integer::sum);
        if (f.diskFull()) counts.merge(FaultKind.DISKFULL, 1, Integer::sum);
        if (f.slowMillis() > 0) counts.merge(FaultKind.SLOW, 1, Integer::sum);
    }

    /** What a client must see, by the order in which the faults bite: TCP, key exchange, auth, then the command. */
    private static Seen expected(HostFaults f) {
        if (f.refuse()) return Seen.REFUSED;
        if (f.hostKey()) return Seen.HOST_KEY_REJECTED;
        if (f.auth()) return Seen.AUTH_FAILED;
        if (f.disconnect()) return Seen.DISCONNECTED;
        if (f.diskFull()) return Seen.DISK_FULL;
        if (!f.failCommands().isEmpty()) return Seen.COMMAND_FAILED;
        return Seen.OK;
    }

    private static List<Observation> observeAll() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Observation>> futures = new ArrayList<>();
            for (LabHost h : lab.hosts()) {
                futures.add(pool.submit(() -> observe(h)));
            }
            List<Observation> out = new ArrayList<>();
            for (Future<Observation> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Observation observe(LabHost h) {
        long t0 = System.nanoTime();
        Seen seen;
        try {
            LabClient.Result r = client.exec(h.port(), PROBE);
            if (r.exit() == null) {
                seen = Seen.DISCONNECTED;
            } else if (r.exit() == 1 && r.err().contains("/tmp/probe: No space left on device")) {
                seen = Seen.DISK_FULL;
            } else if (r.exit() == 1 && r.err().contains("simulated failure")) {
                seen = Seen.COMMAND_FAILED;
            } else {
                assertEquals(0, r.exit(), h.name() + ": " + r.err());
                assertEquals("Linux\n" + h.name() + "\n", r.out());
                seen = Seen.OK;
            }
        } catch (IOException e) {
            seen = classify(e);
        }
        return new Observation(h.name(), seen, (System.nanoTime() - t0) / 1_000_000);
    }

    private static Seen classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof ConnectException || m.contains("Connection refused")) {
                return Seen.REFUSED;
            }
            if (m.contains("did not validate")) {
                return Seen.HOST_KEY_REJECTED;
            }
            if (m.contains("No more authentication methods")) {
                return Seen.AUTH_FAILED;
            }
        }
        throw new AssertionError("unexpected failure", e);
    }
}
