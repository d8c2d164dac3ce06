package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SshAuthTest extends SshTestBase {

    private ExecResult runWithKey(TestServer server, KeyPair kp, String file) throws Exception {
        Path keyFile = Fixtures.writeKey(dir.resolve(file), kp, null);
        server.authorizedKeys.add(kp.getPublic());
        return await(job(transport()).exec(server.target("web-01", new SshAuth.KeyFile(keyFile, "")), "echo ok",
                OutputSink.DISCARD));
    }

    @Test
    void authenticatesWithAnEd25519KeyFile() throws Exception {
        assertEquals(0, runWithKey(trustedServer(), Fixtures.ed25519(), "id_ed").exitStatus());
    }

    @Test
    void authenticatesWithAnEcdsaKeyFile() throws Exception {
        assertEquals(0, runWithKey(trustedServer(), Fixtures.ecdsa(), "id_ecdsa").exitStatus());
    }

    @Test
    void authenticatesWithAnRsaKeyFile() throws Exception {
        assertEquals(0, runWithKey(trustedServer(), Fixtures.rsa(), "id_rsa").exitStatus());
    }

    @Test
    void asksTheEncryptedKeysPassphraseOnceForTwoConnections() throws Exception {
        TestServer server = trustedServer();
        KeyPair kp = Fixtures.ed25519();
        server.authorizedKeys.add(kp.getPublic());
        Path keyFile = Fixtures.writeKey(dir.resolve("id_enc"), kp, "s3cret");
        List<Path> asked = new CopyOnWriteArrayList<>();
        SshTransport t = transport(QUICK, (file, attempt) -> {
            asked.add(file);
            return Optional.of("s3cret".toCharArray());
        });
        SshTarget target = server.target("web-01", new SshAuth.KeyFile(keyFile, ""));
        assertEquals(0, await(job(t).exec(target, "echo one", OutputSink.DISCARD)).exitStatus());
        assertEquals(0, await(job(t).exec(target, "echo two", OutputSink.DISCARD)).exitStatus());
        assertEquals(2, server.sessionsOpened.get(), "two jobs, two connections");
        assertEquals(List.of(keyFile.toAbsolutePath().normalize()), asked);
    }

    @Test
    void takesTheKeyPassphraseFromTheCredentialSecretsWithoutAsking() throws Exception {
        TestServer server = trustedServer();
        KeyPair kp = Fixtures.ecdsa();
        server.authorizedKeys.add(kp.getPublic());
        Path keyFile = Fixtures.writeKey(dir.resolve("id_enc2"), kp, "stored");
        secrets.put("ops-key", "stored".toCharArray());
        SshTransport t = transport(QUICK, (file, attempt) -> {
            throw new AssertionError("must not ask");
        });
        ExecResult r = await(job(t).exec(server.target("web-01", new SshAuth.KeyFile(keyFile, "ops-key")), "echo",
                OutputSink.DISCARD));
        assertEquals(FailureKind.NONE, r.failure(), r.message());
    }

    @Test
    void aDeclinedPassphraseFailsWithASentenceNamingTheKeyFile() throws Exception {
        TestServer server = trustedServer();
        Path keyFile = Fixtures.writeKey(dir.resolve("id_enc3"), Fixtures.ed25519(), "pw");
        ExecResult r = await(job(transport()).exec(server.target("web-01", new SshAuth.KeyFile(keyFile, "")),
                "echo", OutputSink.DISCARD));
        assertEquals(FailureKind.KEY_FILE, r.failure());
        assertTrue(r.message().startsWith("web-01 (tester@"), r.message());
        assertTrue(r.message().contains(keyFile.toString()) && r.message().contains("passphrase"), r.message());
    }

    @Test
    void authenticatesWithThePasswordFromCredentialSecrets() throws Exception {
        TestServer server = trustedServer();
        server.passwords.put("tester", "pa55");
        secrets.put("lab-password", "pa55".toCharArray());
        ExecResult r = await(job(transport()).exec(server.target("web-01", new SshAuth.Password("lab-password")),
                "echo hi", OutputSink.DISCARD));
        assertEquals(FailureKind.NONE, r.failure(), r.message());
        assertEquals(0, r.exitStatus());
    }

    @Test
    void aMissingPasswordSecretIsReported() throws Exception {
        TestServer server = trustedServer();
        ExecResult r = await(job(transport()).exec(server.target("web-01", new SshAuth.Password("nothing-stored")),
                "echo hi", OutputSink.DISCARD));
        assertEquals(FailureKind.AUTH_FAILED, r.failure());
        assertTrue(r.message().contains("no password is stored for credential nothing-stored"), r.message());
    }

    @Test
    void aKeyTheServerDoesNotKnowGivesAnAuthenticationFailedSentence() throws Exception {
        TestServer server = trustedServer();
        Path other = Fixtures.writeKey(dir.resolve("id_other"), Fixtures.ed25519(), null);
        ExecResult r = await(job(transport()).exec(server.target("web-01", new SshAuth.KeyFile(other, "")), "echo",
                OutputSink.DISCARD));
        assertEquals(FailureKind.AUTH_FAILED, r.failure());
        assertTrue(r.message().startsWith("web-01 (tester@[127.0.0.1]:" + server.port() + "): authentication failed"),
                r.message());
        assertTrue(r.message().contains("publickey (key file " + other + ")"), r.message());
    }

    @Test
    void aWrongPasswordGivesAnAuthenticationFailedSentence() throws Exception {
        TestServer server = trustedServer();
        server.passwords.put("tester", "right");
        secrets.put("pw", "wrong".toCharArray());
        ExecResult r = await(job(transport()).exec(server.target("web-01", new SshAuth.Password("pw")), "echo",
                OutputSink.DISCARD));
        assertEquals(FailureKind.AUTH_FAILED, r.failure());
        assertTrue(r.message().contains("authentication failed: the server refused password (credential pw)"),
                r.message());
    }
}
