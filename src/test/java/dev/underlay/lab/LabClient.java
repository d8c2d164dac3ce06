package dev.underlay.lab;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The client side of the lab tests: Apache SSHD's client with the lab's client key, verifying host keys against the
 * lab's known_hosts (never accept-all), as the console's SSH layer will.
 */
final class LabClient implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** What a command produced; {@code exit} is null when the session dropped before an exit status. */
    record Result(String out, String err, Integer exit) {
    }

    private final SshClient client;

    LabClient(Lab lab) {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE,
                lab.knownHosts()));
        client.setKeyIdentityProvider(new FileKeyPairProvider(lab.clientKey()));
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.start();
    }

    ClientSession connect(int port) throws IOException {
        ClientSession s = client.connect("root", "127.0.0.1", port).verify(TIMEOUT).getSession();
        try {
            s.auth().verify(TIMEOUT);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close(true);
            throw e;
        }
    }

    Result exec(int port, String command) throws IOException {
        return exec(port, command, null);
    }

    Result exec(int port, String command, String stdin) throws IOException {
        try (ClientSession s = connect(port)) {
            return exec(s, command, stdin);
        }
    }

    static Result exec(ClientSession s, String command, String stdin) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec ch = s.createExecChannel(command)) {
            ch.setOut(out);
            ch.setErr(err);
            if (stdin != null) {
                ch.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            ch.open().verify(TIMEOUT);
            ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    ch.getExitStatus());
        }
    }

    SshClient client() {
        return client;
    }

    @Override
    public void close() throws IOException {
        client.stop();
    }
}
