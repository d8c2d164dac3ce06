package dev.underlay.ssh;

import dev.underlay.db.Database;
import dev.underlay.ssh.repository.JdbcHostKeyRepository;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real H2 host key store, a client key, and servers on loopback, closed after each test. */
abstract class SshTestBase {
    @TempDir
    Path dir;
    Database db;
    HostKeyStore store;
    Fixtures.MemorySecrets secrets = new Fixtures.MemorySecrets();
    KeyPair clientKey;
    Path clientKeyFile;
    final List<AutoCloseable> closeables = new ArrayList<>();

    /** Generous limits: the build box is shared and loaded; tests of timeouts set their own. */
    static final SshSettings QUICK = SshSettings.DEFAULTS.withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ZERO);

    @BeforeEach
    void baseSetUp() throws Exception {
        db = Database.open(dir.resolve("data"));
        store = new HostKeyStore(new JdbcHostKeyRepository(db), Clock.systemUTC());
        clientKey = Fixtures.ed25519();
        clientKeyFile = Fixtures.writeKey(dir.resolve("id_ed25519"), clientKey, null);
    }

    @AfterEach
    void baseTearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        db.close();
    }

    /** A server accepting the client key, whose host key is trusted by the store. */
    TestServer trustedServer() throws Exception {
        TestServer s = server();
        store.trust(new Endpoint("127.0.0.1", s.port()), s.hostKey.getPublic(), "test");
        return s;
    }

    TestServer server() throws Exception {
        TestServer s = new TestServer(Fixtures.ed25519(), dir);
        s.authorizedKeys.add(clientKey.getPublic());
        closeables.add(s);
        return s;
    }

    SshTransport transport(SshSettings settings, PassphraseProvider passphrases) {
        SshTransport t = new SshTransport(settings, store, secrets, passphrases);
        closeables.add(t);
        return t;
    }

    SshTransport transport() {
        return transport(QUICK, PassphraseProvider.NONE);
    }

    JobConnections job(SshTransport t) {
        JobConnections j = t.openJob();
        closeables.add(j);
        return j;
    }

    /** The messages of the results that did not succeed, for assertion messages. */
    static String failures(List<ExecResult> results) {
        return results.stream().filter(r -> !r.succeeded()).limit(3).map(ExecResult::message).toList().toString();
    }

    SshAuth key() {
        return new SshAuth.KeyFile(clientKeyFile, "");
    }

    static ExecResult await(RemoteCommand c) throws Exception {
        return c.result().get(60, TimeUnit.SECONDS);
    }
}
