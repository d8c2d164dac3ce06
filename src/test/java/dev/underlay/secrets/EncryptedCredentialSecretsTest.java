package dev.underlay.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.Database;
import dev.underlay.db.TestBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(TestBackend.class)
class EncryptedCredentialSecretsTest {
    @Parameter
    TestBackend backend;
    private static final String PLAIN = "Tr0ub4dor&3-ünïque-плейн";

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = backend.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private EncryptedCredentialSecrets secrets() {
        return new EncryptedCredentialSecrets(SecretKeyFile.inDataFolder(dir, PassphrasePrompt.NONE),
                new dev.underlay.secrets.repository.JdbcCredentialSecretRepository(db));
    }

    @Test
    void putThenGetGivesTheSecretBackAndPutReplacesIt() {
        EncryptedCredentialSecrets s = secrets();
        s.put("db-admin", PLAIN.toCharArray());
        assertArrayEquals(PLAIN.toCharArray(), s.get("db-admin").orElseThrow());
        s.put("db-admin", "second".toCharArray());
        assertArrayEquals("second".toCharArray(), s.get("db-admin").orElseThrow());
        assertArrayEquals(new char[0], roundTrip(s, ""));
        assertTrue(s.get("nobody").isEmpty());
    }

    private static char[] roundTrip(EncryptedCredentialSecrets s, String secret) {
        s.put("x", secret.toCharArray());
        return s.get("x").orElseThrow();
    }

    @Test
    void secretSurvivesReopeningTheDatabase() {
        secrets().put("ops", PLAIN.toCharArray());
        db.close();
        db = backend.open(dir);
        assertArrayEquals(PLAIN.toCharArray(), secrets().get("ops").orElseThrow());
    }

    @Test
    void tableAndDatabaseFileHoldNoPlaintext() throws Exception {
        secrets().put("db-admin", PLAIN.toCharArray());
        byte[] utf8 = PLAIN.getBytes(StandardCharsets.UTF_8);
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT credential, key_id, nonce, ciphertext FROM credential_secret")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("db-admin", rs.getString(1));
                byte[] nonce = rs.getBytes(3);
                byte[] ct = rs.getBytes(4);
                assertEquals(12, nonce.length);
                assertEquals(utf8.length + 16, ct.length, "ciphertext is the plaintext length plus the GCM tag");
                assertFalse(contains(ct, utf8));
                for (int col = 1; col <= 4; col++) {
                    assertFalse(rs.getString(col).contains(PLAIN), "column " + col);
                }
                assertFalse(rs.next());
            }
        }
        db.close();
        org.junit.jupiter.api.Assumptions.assumeTrue(backend == TestBackend.H2,
                "the rows above are the check on PostgreSQL; the file below is H2's");
        byte[] file = Files.readAllBytes(dir.resolve(Database.FILE_NAME + ".mv.db"));
        assertFalse(contains(file, utf8), "plaintext (UTF-8) in the H2 file");
        assertFalse(contains(file, PLAIN.getBytes(StandardCharsets.UTF_16BE)), "plaintext (UTF-16) in the H2 file");
        assertFalse(contains(file, Files.readAllBytes(dir.resolve(SecretKeyFile.FILE_NAME))), "key in the H2 file");
        db = backend.open(dir);
    }

    @Test
    void everyPutUsesAFreshNonce() throws SQLException {
        EncryptedCredentialSecrets s = secrets();
        s.put("a", PLAIN.toCharArray());
        byte[][] first = rawRow("a");
        s.put("a", PLAIN.toCharArray());
        byte[][] second = rawRow("a");
        assertFalse(java.util.Arrays.equals(first[0], second[0]));
        assertFalse(java.util.Arrays.equals(first[1], second[1]));
    }

    @Test
    void rowsSwappedBetweenCredentialsFailToDecrypt() throws SQLException {
        EncryptedCredentialSecrets s = secrets();
        s.put("alice", "alice-pw".toCharArray());
        s.put("bob", "bob-pw".toCharArray());
        byte[][] a = rawRow("alice");
        byte[][] b = rawRow("bob");
        writeRow("alice", b);
        writeRow("bob", a);
        SecretsException e = assertThrows(SecretsException.class, () -> s.get("alice"));
        assertEquals("The secret of credential 'alice' cannot be decrypted: the stored data is damaged or was copied "
                + "from another credential; enter the secret again.", e.getMessage());
        assertThrows(SecretsException.class, () -> s.get("bob"));
    }

    @Test
    void removeForgetsTheSecretAndIgnoresUnknownNames() {
        EncryptedCredentialSecrets s = secrets();
        s.put("a", "1".toCharArray());
        s.put("b", "2".toCharArray());
        assertEquals(List.of("a", "b"), s.credentialsWithSecrets());
        s.remove("a");
        s.remove("never-stored");
        assertTrue(s.get("a").isEmpty());
        assertArrayEquals("2".toCharArray(), s.get("b").orElseThrow());
        assertEquals(List.of("b"), s.credentialsWithSecrets());
    }

    @Test
    void keyFileIsCreatedOnFirstPutOnlyAndOutsideTheDatabase() {
        EncryptedCredentialSecrets s = secrets();
        Path key = dir.resolve(SecretKeyFile.FILE_NAME);
        assertTrue(s.get("a").isEmpty());
        assertFalse(Files.exists(key));
        s.put("a", "1".toCharArray());
        assertTrue(Files.exists(key));
    }

    @Test
    void replacedKeyFileGivesASentenceNamingTheFile() throws Exception {
        secrets().put("db-admin", PLAIN.toCharArray());
        Path key = dir.resolve(SecretKeyFile.FILE_NAME);
        Files.delete(key);
        new SecretKeyFile(key).create();
        SecretsException e = assertThrows(SecretsException.class, () -> secrets().get("db-admin"));
        assertTrue(e.getMessage().startsWith("The secret of credential 'db-admin' cannot be decrypted: it was "
                + "encrypted with key k"), e.getMessage());
        assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
        assertFalse(e.getMessage().contains(PLAIN));
    }

    @Test
    void missingKeyFileGivesASentenceAndIsNotSilentlyRecreated() throws Exception {
        secrets().put("db-admin", PLAIN.toCharArray());
        Path key = dir.resolve(SecretKeyFile.FILE_NAME);
        Files.delete(key);
        EncryptedCredentialSecrets s = secrets();
        SecretsException get = assertThrows(SecretsException.class, () -> s.get("db-admin"));
        assertEquals("Stored credential secrets cannot be decrypted: the key file " + key + " is missing (restore it "
                + "from a backup of the data folder).", get.getMessage());
        SecretsException put = assertThrows(SecretsException.class, () -> s.put("other", "x".toCharArray()));
        assertTrue(put.getMessage().contains("is missing, and the 1 stored secrets (db-admin) need it"),
                put.getMessage());
        assertFalse(Files.exists(key));
        assertEquals(1, s.forgetAll());
        s.put("other", "x".toCharArray());
        assertArrayEquals("x".toCharArray(), s.get("other").orElseThrow());
    }

    @Test
    void malformedKeyFileGivesASentence() throws Exception {
        secrets().put("db-admin", PLAIN.toCharArray());
        Path key = dir.resolve(SecretKeyFile.FILE_NAME);
        Files.writeString(key, "# hello\nnot a key\n");
        SecretsException e = assertThrows(SecretsException.class, () -> secrets().get("db-admin"));
        assertEquals("Stored credential secrets cannot be decrypted: " + key + " is not an Underlay secrets key "
                + "(expected a line 'v1:' followed by 32 bytes in base64).", e.getMessage());
    }

    @Test
    void toStringsPrintNeitherKeyNorCiphertext() throws SQLException {
        EncryptedCredentialSecrets s = secrets();
        s.put("a", PLAIN.toCharArray());
        byte[][] row = rawRow("a");
        SealedSecret sealed = new SealedSecret("a", "k1", row[0], row[1]);
        String text = sealed + " " + s + " " + SecretKeyFile.inDataFolder(dir).load();
        String b64 = java.util.Base64.getEncoder().encodeToString(row[1]);
        String hex = java.util.HexFormat.of().formatHex(row[1]);
        assertFalse(text.contains(b64.substring(0, 8)) || text.toLowerCase().contains(hex.substring(0, 8)), text);
        assertFalse(text.contains(keyBase64()), text);
        assertFalse(text.contains(PLAIN), text);
    }

    private String keyBase64() {
        try {
            String content = Files.readString(dir.resolve(SecretKeyFile.FILE_NAME));
            int at = content.indexOf("v1:");
            return content.substring(at + 3, at + 15);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private byte[][] rawRow(String credential) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT nonce, ciphertext FROM credential_secret WHERE credential = ?")) {
            ps.setString(1, credential);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return new byte[][] {rs.getBytes(1), rs.getBytes(2)};
            }
        }
    }

    private void writeRow(String credential, byte[][] row) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE credential_secret SET nonce = ?, ciphertext = ? WHERE credential = ?")) {
            ps.setBytes(1, row[0]);
            ps.setBytes(2, row[1]);
            ps.setString(3, credential);
            assertEquals(1, ps.executeUpdate());
        }
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
