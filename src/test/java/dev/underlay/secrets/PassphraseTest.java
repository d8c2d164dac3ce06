package dev.underlay.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.Database;
import dev.underlay.secrets.repository.JdbcCredentialSecretRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional passphrase that wraps the key file (v2 line); a low PBKDF2 cost keeps these tests quick. */
class PassphraseTest {
    private static final int TEST_ITERATIONS = 1_000;

    @TempDir
    Path dir;

    /** Answers with the given passphrases in turn and records whether each ask was a retry. */
    private static final class ScriptedPrompt implements PassphrasePrompt {
        final Iterator<String> answers;
        final List<Boolean> retries = new ArrayList<>();

        ScriptedPrompt(String... answers) {
            this.answers = List.of(answers).iterator();
        }

        @Override
        public char[] ask(Path keyFile, boolean retry) {
            retries.add(retry);
            return answers.hasNext() ? answers.next().toCharArray() : null;
        }
    }

    private SecretKeyFile keyFile(PassphrasePrompt prompt) {
        return new SecretKeyFile(dir.resolve(SecretKeyFile.FILE_NAME), prompt, TEST_ITERATIONS);
    }

    @Test
    void passphraseWrapsTheSameKeySoStoredSecretsStillDecrypt() throws Exception {
        try (Database db = Database.open(dir)) {
            EncryptedCredentialSecrets plain = new EncryptedCredentialSecrets(keyFile(PassphrasePrompt.NONE),
                    new JdbcCredentialSecretRepository(db));
            plain.put("ops", "s3cret".toCharArray());
            String v1 = Files.readString(dir.resolve(SecretKeyFile.FILE_NAME));
            keyFile(PassphrasePrompt.NONE).setPassphrase("open sesame".toCharArray());

            String v2 = Files.readString(dir.resolve(SecretKeyFile.FILE_NAME));
            assertTrue(v2.lines().anyMatch(l -> l.startsWith("v2:pbkdf2-sha256:1000:")), v2);
            String keyB64 = v1.lines().filter(l -> l.startsWith("v1:")).findFirst().orElseThrow().substring(3);
            assertFalse(v2.contains(keyB64), "the raw key is gone from the file");
            assertTrue(keyFile(PassphrasePrompt.NONE).isPassphraseProtected());

            ScriptedPrompt prompt = new ScriptedPrompt("open sesame");
            EncryptedCredentialSecrets locked = new EncryptedCredentialSecrets(keyFile(prompt),
                    new JdbcCredentialSecretRepository(db));
            assertArrayEquals("s3cret".toCharArray(), locked.get("ops").orElseThrow());
            assertEquals(List.of(false), prompt.retries);
        }
    }

    @Test
    void wrongPassphraseIsAskedAgainThenRefusedWithASentence() {
        keyFile(PassphrasePrompt.NONE).create();
        keyFile(PassphrasePrompt.NONE).setPassphrase("right".toCharArray());
        String id = keyFile(new ScriptedPrompt("right")).load().id();

        ScriptedPrompt secondTime = new ScriptedPrompt("wrong", "right");
        assertEquals(id, keyFile(secondTime).load().id());
        assertEquals(List.of(false, true), secondTime.retries);

        SecretsException wrong = assertThrows(SecretsException.class,
                () -> keyFile(new ScriptedPrompt("a", "b", "c", "right")).load());
        assertEquals("Stored credential secrets stay locked: the passphrase for " + dir.resolve("secrets.key")
                + " was wrong 3 times.", wrong.getMessage());
        SecretsException none = assertThrows(SecretsException.class, () -> keyFile(PassphrasePrompt.NONE).load());
        assertEquals("Stored credential secrets stay locked: no passphrase was given for "
                + dir.resolve("secrets.key") + ".", none.getMessage());
    }

    @Test
    void removingThePassphraseGivesBackAPlainKeyFileWithTheSameKey() throws Exception {
        String id = keyFile(PassphrasePrompt.NONE).create().id();
        keyFile(PassphrasePrompt.NONE).setPassphrase("pw".toCharArray());
        keyFile(new ScriptedPrompt("pw")).setPassphrase(null);
        assertFalse(keyFile(PassphrasePrompt.NONE).isPassphraseProtected());
        assertEquals(id, keyFile(PassphrasePrompt.NONE).load().id());
        Path file = dir.resolve(SecretKeyFile.FILE_NAME);
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void defaultCostIsOwaspsPbkdf2Sha256Figure() throws Exception {
        SecretKeyFile f = new SecretKeyFile(dir.resolve("k"));
        f.create();
        f.setPassphrase("pw".toCharArray());
        assertTrue(Files.readString(f.path()).contains("v2:pbkdf2-sha256:600000:"));
    }
}
