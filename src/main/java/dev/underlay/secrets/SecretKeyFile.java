package dev.underlay.secrets;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file holding the random AES-256 key that protects credential secrets, kept beside (never inside) the
 * database. Text, so that a person who finds it knows what it is: comment lines, then {@code v1:<base64 key>},
 * or {@code v2:pbkdf2-sha256:...} when the key is wrapped with a passphrase ({@link #setPassphrase}).
 * Written atomically (temporary file, then rename) with owner-only permissions: POSIX 600, or an owner-only ACL
 * where the file system has ACLs instead.
 */
public final class SecretKeyFile {
    /** Conventional file name inside the data folder. */
    public static final String FILE_NAME = "secrets.key";
    private static final Logger LOG = LoggerFactory.getLogger(SecretKeyFile.class);
    private static final int MAX_ATTEMPTS = 3;

    private final Path path;
    private final PassphrasePrompt prompt;
    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    /** A key file without a passphrase prompt: a passphrase-protected file then fails to load with a sentence. */
    public SecretKeyFile(Path path) {
        this(path, PassphrasePrompt.NONE);
    }

    public SecretKeyFile(Path path, PassphrasePrompt prompt) {
        this(path, prompt, KeyFileFormat.DEFAULT_ITERATIONS);
    }

    /** With a chosen PBKDF2 cost for new passphrases (tests use a low one; loading honours the file's own). */
    SecretKeyFile(Path path, PassphrasePrompt prompt, int iterations) {
        this.path = path.toAbsolutePath().normalize();
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.iterations = iterations;
    }

    /** The key file of a data folder: {@code <dataFolder>/secrets.key}. */
    public static SecretKeyFile inDataFolder(Path dataFolder) {
        return new SecretKeyFile(dataFolder.resolve(FILE_NAME));
    }

    /** Same, asking {@code prompt} for the passphrase when the file has one. */
    public static SecretKeyFile inDataFolder(Path dataFolder, PassphrasePrompt prompt) {
        return new SecretKeyFile(dataFolder.resolve(FILE_NAME), prompt);
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.exists(path);
    }

    /** A loaded key and its id; the id (a hash prefix) is stored with each ciphertext to name the key it needs. */
    public record LoadedKey(String id, SecretKey key) {
        @Override
        public String toString() {
            return "LoadedKey[id=" + id + "]";
        }
    }

    /** Generates a new key and writes it; refuses to replace an existing file (that would orphan every secret). */
    public LoadedKey create() {
        if (Files.exists(path)) {
            throw new SecretsException("Will not create a new secrets key: " + path + " already exists.");
        }
        byte[] key = new byte[KeyFileFormat.KEY_BYTES];
        random.nextBytes(key);
        try {
            write(KeyFileFormat.encodeV1(key));
            LOG.info("Created the credential secrets key file {}", path);
            return new LoadedKey(keyId(key), new SecretKeySpec(key, "AES"));
        } catch (IOException e) {
            throw new SecretsException("Cannot create the secrets key file " + path + ": " + reason(e), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Reads the key, asking the prompt for the passphrase when the file has one (at most three attempts). A
     * missing, unreadable or malformed file, a wrong or refused passphrase give a {@link SecretsException}.
     */
    public LoadedKey load() {
        byte[] key = rawKey();
        try {
            OwnerOnlyFiles.warnIfShared(path);
            return new LoadedKey(keyId(key), new SecretKeySpec(key, "AES"));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** True when the file exists and its key is wrapped with a passphrase. */
    public boolean isPassphraseProtected() {
        byte[] content = read();
        try {
            return KeyFileFormat.isV2(content);
        } catch (KeyFileFormat.MalformedException e) {
            throw malformed();
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /**
     * Wraps the key with {@code passphrase} (PBKDF2-HMAC-SHA256, AES-GCM), or unwraps it when it is null or empty.
     * The key itself, and so every stored secret, stays the same; the current passphrase, if any, is asked for.
     */
    public void setPassphrase(char[] passphrase) {
        byte[] key = rawKey();
        try {
            boolean none = passphrase == null || passphrase.length == 0;
            write(none ? KeyFileFormat.encodeV1(key) : KeyFileFormat.encodeV2(key, passphrase, iterations, random));
            LOG.info(none ? "Removed the passphrase of {}" : "Protected {} with a passphrase", path);
        } catch (IOException e) {
            throw new SecretsException("Cannot rewrite the secrets key file " + path + ": " + reason(e), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private byte[] rawKey() {
        byte[] content = read();
        try {
            if (!KeyFileFormat.isV2(content)) {
                return KeyFileFormat.decode(content, null);
            }
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                char[] pass = prompt.ask(path, attempt > 0);
                if (pass == null) {
                    throw new SecretsException("Stored credential secrets stay locked: no passphrase was given for "
                            + path + ".");
                }
                try {
                    return KeyFileFormat.decode(content, pass);
                } catch (KeyFileFormat.WrongPassphraseException e) {
                    LOG.debug("wrong passphrase for {} (attempt {})", path, attempt + 1);
                } finally {
                    Arrays.fill(pass, '\0');
                }
            }
            throw new SecretsException("Stored credential secrets stay locked: the passphrase for " + path
                    + " was wrong " + MAX_ATTEMPTS + " times.");
        } catch (KeyFileFormat.MalformedException e) {
            throw malformed();
        } catch (KeyFileFormat.WrongPassphraseException e) {
            throw new IllegalStateException("a v1 key file has no passphrase", e);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new SecretsException("Stored credential secrets cannot be decrypted: the key file " + path
                    + " is missing (restore it from a backup of the data folder).", e);
        } catch (IOException e) {
            throw new SecretsException("Stored credential secrets cannot be decrypted: the key file " + path
                    + " cannot be read (" + reason(e) + ").", e);
        }
    }

    private void write(byte[] content) throws IOException {
        try {
            // The data folder is locked by the open database, so no other Underlay races this rename.
            OwnerOnlyFiles.writeAtomically(path, content, random);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private SecretsException malformed() {
        return new SecretsException("Stored credential secrets cannot be decrypted: " + path + " is not an "
                + "Underlay secrets key (expected a line 'v1:' followed by 32 bytes in base64).");
    }

    static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("underlay secrets key id v1".getBytes(StandardCharsets.US_ASCII));
            return "k" + HexFormat.of().formatHex(sha.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public String toString() {
        return "SecretKeyFile[" + path + "]";
    }
}
