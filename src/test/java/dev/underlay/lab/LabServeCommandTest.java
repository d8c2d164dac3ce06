package dev.underlay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.cli.LabCommand;
import dev.underlay.inventory.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code underlay lab serve}: serves, writes an importable inventory, prints where things are, stops cleanly. */
class LabServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void serveWritesInventoryAndServesUntilStopped() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new LabCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        Path inv = dir.resolve("out").resolve("lab.json");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("serve", "--hosts", "5",
                "--base-port", "0", "--data", dir.toString(), "--inventory-out", inv.toString(),
                "--faults", "fail=uname:lab0002"));
        LabCommand.Serve serve = cl.getSubcommands().get("serve").getCommand();
        for (int i = 0; i < 200 && !out.toString().contains("Press Ctrl-C"); i++) {
            Thread.sleep(50);
        }
        String printed = out.toString();
        assertTrue(printed.matches("(?s)Lab serving 5 hosts on 127\\.0\\.0\\.1 free ports between \\d+-\\d+ .*"),
                printed + err);
        assertTrue(printed.contains(dir.resolve("lab").resolve("client_ed25519").toString()), printed);

        JsonNode json = Json.parse(Files.readString(inv));
        assertEquals("underlay-inventory", json.get("format").asText());
        assertEquals(1, json.get("version").asInt());
        JsonNode m = json.get("machines").get(1);
        assertEquals("lab0002", m.get("name").asText());
        int port = m.get("port").asInt();
        assertTrue(port > 0, "the inventory file has the port lab0002 was given: " + m);
        assertTrue(Files.readString(dir.resolve("lab").resolve("known_hosts")).contains("[127.0.0.1]:" + port + " "),
                "known_hosts lists the same port");
        assertEquals("127.0.0.1", m.get("address").asText());
        assertEquals("lab-key", m.get("credential").asText());
        assertEquals("lab", m.get("tags").get(0).asText());
        assertEquals(dir.resolve("lab").resolve("client_ed25519").toAbsolutePath().toString(),
                json.get("credentials").get(0).get("keyFile").asText());

        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE,
                dir.resolve("lab").resolve("known_hosts")));
        client.setKeyIdentityProvider(new FileKeyPairProvider(dir.resolve("lab").resolve("client_ed25519")));
        client.start();
        try (ClientSession s = client.connect("root", "127.0.0.1", port).verify(LabClient.TIMEOUT).getSession()) {
            s.auth().verify(LabClient.TIMEOUT);
            LabClient.Result r = LabClient.exec(s, "hostname; uname", null);
            assertEquals("lab0002\n", r.out());
            assertEquals(1, r.exit());
        } finally {
            client.stop();
        }

        serve.stop();
        assertEquals(0, exit.get());
        assertTrue(out.toString().contains("Lab stopped."));
    }

    @Test
    void badFaultSpecIsAUsageErrorNamingTheItem() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new LabCommand());
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("serve", "--hosts", "3", "--data", dir.toString(), "--faults", "slow:10%");
        assertEquals(2, code);
        assertEquals("underlay: fault item 'slow:10%': slow needs a duration such as slow=300ms or slow=2s",
                err.toString().trim());
    }
}
