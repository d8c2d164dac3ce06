package dev.underlay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab over the real SSH protocol: the demo inventory's hosts (on free ports, so that a lab already serving the
 * demo's 22001-22041 on this machine does not matter), fact commands, files, SFTP.
 */
class LabSshTest {
    @TempDir
    static Path dir;
    static Lab lab;
    static LabClient client;
    static int port;

    @BeforeAll
    static void startLab() throws Exception {
        Path folder = dir.resolve("data").resolve("lab");
        InventoryChanges demo = DemoInventory.changes(folder.resolve(LabKeys.CLIENT_KEY));
        Inventory inv = Inventory.builder().machines(demo.machines).build();
        List<LabHost> hosts = LabHost.fromInventory(inv, 1_700_000_000L).stream().map(h -> h.withPort(0)).toList();
        lab = Lab.start(hosts, folder, FaultSpec.NONE);
        client = new LabClient(lab);
        port = lab.hosts().get(0).port();
    }

    @AfterAll
    static void stopLab() throws Exception {
        client.close();
        lab.close();
    }

    @Test
    void servesEveryDemoMachineOnAPortOfItsOwnListedInKnownHosts() throws Exception {
        int demoMachines = DemoInventory.changes(Path.of("k")).machines.size();
        assertEquals(demoMachines, lab.hosts().size());
        assertEquals(demoMachines, lab.hosts().stream().mapToInt(LabHost::port).filter(p -> p > 0).distinct()
                .count(), "every host got a port of its own");
        assertTrue(ListeningPorts.available() ? ListeningPorts.ofThisProcess().containsAll(lab.hosts().stream()
                .map(LabHost::port).toList()) : true, "the lab listens on the ports it reports");
        String knownHosts = Files.readString(lab.knownHosts());
        for (LabHost h : lab.hosts()) {
            assertTrue(lab.knownHostsLine(h.name()).startsWith("[127.0.0.1]:" + h.port() + " "), h.toString());
            assertTrue(knownHosts.contains(lab.knownHostsLine(h.name()) + "\n"), h.name());
        }
        LabHost w01 = lab.hosts().stream().filter(h -> h.name().equals("fra1-k8s-w01")).findFirst().orElseThrow();
        assertEquals("fra1-k8s-w01\n", client.exec(w01.port(), "hostname").out());
        assertEquals(demoMachines, lab.status().listening());
    }

    @Test
    void osReleaseIsParseableKeyValueText() throws Exception {
        String text = client.exec(port, "cat /etc/os-release").out();
        Map<String, String> kv = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            assertTrue(eq > 0, "line without '=': " + line);
            kv.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
        }
        assertTrue(List.of("ubuntu", "debian", "rocky").contains(kv.get("ID")), kv.toString());
        assertTrue(kv.containsKey("VERSION_ID") && kv.containsKey("PRETTY_NAME"));
    }

    @Test
    void ipJsonAndLsblkJsonAreValidJson() throws Exception {
        JsonNode ip = Json.parse(client.exec(port, "ip -j addr").out());
        assertTrue(ip.isArray() && ip.size() >= 2);
        assertEquals("lo", ip.get(0).get("ifname").asText());
        assertTrue(ip.get(1).get("address").asText().matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"));
        assertTrue(ip.get(1).get("addr_info").get(0).get("local").asText().matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
        JsonNode blk = Json.parse(client.exec(port, "lsblk -J").out());
        assertTrue(blk.get("blockdevices").size() >= 1);
        assertEquals("disk", blk.get("blockdevices").get(0).get("type").asText());
    }

    @Test
    void factsAgreeWithEachOther() throws Exception {
        LabClient.Result r = client.exec(port, "nproc; grep -c processor /proc/cpuinfo; uname -r; uname -n");
        String[] lines = r.out().split("\n");
        assertEquals(lines[0], lines[1]);
        assertEquals(lab.hosts().get(0).identity().os().kernel(), lines[2]);
        assertEquals(lab.hosts().get(0).name(), lines[3]);
        assertEquals(0, r.exit());
    }

    @Test
    void unknownCommandExits127WithBashMessage() throws Exception {
        LabClient.Result r = client.exec(port, "frobnicate --now");
        assertEquals(127, r.exit());
        assertEquals("bash: frobnicate: command not found\n", r.err());
    }

    @Test
    void sftpWriteThenCatReadsItBack() throws Exception {
        try (ClientSession s = client.connect(port);
             SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
            sftp.mkdir("/srv/app");
            try (OutputStream out = sftp.write("/srv/app/config.yml")) {
                out.write("replicas: 3\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertEquals("replicas: 3\n", client.exec(port, "cat /srv/app/config.yml").out());
    }

    @Test
    void catFromStdinWritesAFileThatPersistsAcrossSessions() throws Exception {
        LabClient.Result w = client.exec(port, "cat > /tmp/motd", "hello lab\nline two\n");
        assertEquals(0, w.exit());
        assertEquals("hello lab\nline two\n", client.exec(port, "cat /tmp/motd").out());
        try (ClientSession s = client.connect(port);
             SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
            assertEquals(19, sftp.stat("/tmp/motd").getSize());
        }
    }

    @Test
    void serviceStatePersistsWhileTheLabRuns() throws Exception {
        assertEquals(0, client.exec(port, "systemctl is-active chronyd").exit());
        assertEquals(0, client.exec(port, "systemctl stop chronyd").exit());
        LabClient.Result r = client.exec(port, "systemctl is-active chronyd");
        assertEquals(3, r.exit());
        assertEquals("inactive\n", r.out());
        client.exec(port, "systemctl start chronyd");
        assertEquals("active\n", client.exec(port, "systemctl is-active chronyd").out());
    }

    @Test
    void aTakenPortIsReportedWithItsHostAndNothingStaysBound() throws Exception {
        Assumptions.assumeTrue(ListeningPorts.available(), "needs Linux's /proc to see this JVM's listening ports");
        Set<Integer> before = ListeningPorts.ofThisProcess();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            List<LabHost> hosts = new ArrayList<>(LabFixtures.hosts(3));
            hosts.set(1, hosts.get(1).withPort(port)); // lab0001 and lab0003 on free ports are bound first
            IOException e = assertThrows(IOException.class,
                    () -> Lab.start(hosts, dir.resolve("taken"), FaultSpec.NONE));
            assertEquals("port " + port + " of lab host lab0002 is already in use on 127.0.0.1; stop what uses it or"
                    + " give the lab other ports", e.getMessage());
            Set<Integer> left = ListeningPorts.ofThisProcess();
            left.removeAll(before);
            assertEquals(Set.of(port), left, "only the test's own socket listens; the lab freed lab0001 and lab0003");
        }
        int open;
        try (Lab again = Lab.start(LabFixtures.hosts(3), dir.resolve("taken"), FaultSpec.NONE)) {
            assertEquals(3, again.status().listening());
            open = again.hosts().get(0).port();
            assertTrue(ListeningPorts.ofThisProcess().contains(open));
        }
        assertFalse(ListeningPorts.ofThisProcess().contains(open), "closing the lab frees its ports");
    }

    @Test
    void shellChannelRunsTheScriptSentOnStdin() throws Exception {
        try (ClientSession s = client.connect(port);
             ChannelShell shell = s.createShellChannel()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            shell.setOut(out);
            shell.setErr(new java.io.ByteArrayOutputStream());
            shell.setIn(new java.io.ByteArrayInputStream("whoami\nexit 3\n".getBytes(StandardCharsets.UTF_8)));
            shell.open().verify(LabClient.TIMEOUT);
            shell.waitFor(java.util.EnumSet.of(ClientChannelEvent.CLOSED), LabClient.TIMEOUT);
            assertEquals("root\n", out.toString(StandardCharsets.UTF_8));
            assertEquals(3, shell.getExitStatus());
        }
    }

    @Test
    void hostKeysStayTheSameAcrossLabRestarts() throws Exception {
        Path folder = dir.resolve("restart");
        Map<String, String> first;
        try (Lab a = Lab.start(LabFixtures.hosts(3), folder, FaultSpec.NONE)) {
            first = keysByHost(a);
            try (LabClient c = new LabClient(a)) {
                assertEquals("lab0002\n", c.exec(a.hosts().get(1).port(), "hostname").out());
            }
        }
        String clientKey = Files.readString(folder.resolve(LabKeys.CLIENT_KEY));
        try (Lab b = Lab.start(LabFixtures.hosts(3), folder, FaultSpec.NONE)) {
            assertEquals(first, keysByHost(b), "the same key for each host, whichever port it has now");
            assertEquals(clientKey, Files.readString(b.clientKey()));
            try (LabClient c = new LabClient(b)) {
                assertEquals("lab0003\n", c.exec(b.hosts().get(2).port(), "hostname").out());
            }
            assertNotEquals(first.get("lab0001"), first.get("lab0002"));
        }
    }

    /** Each host's key as its known_hosts line gives it, without the {@code [127.0.0.1]:port} in front. */
    private static Map<String, String> keysByHost(Lab lab) {
        Map<String, String> keys = new HashMap<>();
        for (LabHost h : lab.hosts()) {
            String line = lab.knownHostsLine(h.name());
            keys.put(h.name(), line.substring(line.indexOf(' ') + 1));
        }
        return keys;
    }
}
