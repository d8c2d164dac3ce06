package dev.underlay.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file holding the random AES-256 key that protects credential secrets, kept beside (never inside) the
 * database. Text format, so a person who finds it knows what it is:
 * <pre>
 * # comment lines
 * v1:&lt;base64 of 32 random bytes&gt;
 * </pre>
 * Created atomically (written to a temporary file, then renamed) with owner-only permissions: POSIX 600, or an
 * owner-only ACL where the file system has ACLs instead.
 */
public final class SecretKeyFile {
    /** Conventional file name inside the data folder. */
    public static final String FILE_NAME = "secrets.key";
    private static final Logger LOG = LoggerFactory.getLogger(SecretKeyFile.class);
    private static final int KEY_BYTES = 32;
    private static final String PREFIX = "v1:";
    private static final String HEADER = "# Underlay credential secrets key. Anyone with this file and the database can"
            + " read the stored passwords.\n# Keep it private; back it up, but not in the same place as the database.\n";

    private final Path path;
    private final SecureRandom random;

    public SecretKeyFile(Path path) {
        this(path, new SecureRandom());
    }

    SecretKeyFile(Path path, SecureRandom random) {
        this.path = path.toAbsolutePath().normalize();
        this.random = random;
    }

    /** The key file of a data folder: {@code <dataFolder>/secrets.key}. */
    public static SecretKeyFile inDataFolder(Path dataFolder) {
        return new SecretKeyFile(dataFolder.resolve(FILE_NAME));
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
        byte[] key = new byte[KEY_BYTES];
        byte[] content = null;
        Path tmp = null;
        try {
            Path dir = path.getParent();
            Files.createDirectories(dir);
            if (Files.exists(path)) {
                throw new SecretsException("Will not create a new secrets key: " + path + " already exists.");
            }
            random.nextBytes(key);
            content = encode(key);
            tmp = dir.resolve("." + FILE_NAME + "." + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + ".tmp");
            boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
            FileAttribute<?>[] attrs = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(EnumSet.of(
                            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
                    : new FileAttribute<?>[0];
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), attrs)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (!posix) {
                restrictToOwner(tmp);
            }
            // The data folder is locked by the open database, so no other Underlay races this rename.
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            LOG.info("Created the credential secrets key file {}", path);
            return new LoadedKey(keyId(key), new SecretKeySpec(key, "AES"));
        } catch (IOException e) {
            throw new SecretsException("Cannot create the secrets key file " + path + ": " + reason(e), e);
        } finally {
            Arrays.fill(key, (byte) 0);
            if (content != null) {
                Arrays.fill(content, (byte) 0);
            }
            deleteQuietly(tmp);
        }
    }

    /** Reads the key; a missing, unreadable or malformed file gives a {@link SecretsException} with a sentence. */
    public LoadedKey load() {
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new SecretsException("Stored credential secrets cannot be decrypted: the key file " + path
                    + " is missing (restore it from a backup of the data folder).", e);
        } catch (IOException e) {
            throw new SecretsException("Stored credential secrets cannot be decrypted: the key file " + path
                    + " cannot be read (" + reason(e) + ").", e);
        }
        byte[] key = null;
        try {
            key = decode(content);
            if (key == null || key.length != KEY_BYTES) {
                throw new SecretsException("Stored credential secrets cannot be decrypted: " + path + " is not an "
                        + "Underlay secrets key (expected a line 'v1:' followed by 32 bytes in base64).");
            }
            warnIfShared();
            return new LoadedKey(keyId(key), new SecretKeySpec(key, "AES"));
        } finally {
            Arrays.fill(content, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static byte[] encode(byte[] key) {
        byte[] b64 = Base64.getEncoder().encode(key);
        byte[] head = (HEADER + PREFIX).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + b64.length + 1];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(b64, 0, out, head.length, b64.length);
        out[out.length - 1] = '\n';
        Arrays.fill(b64, (byte) 0);
        return out;
    }

    /** The key bytes of the first non-comment line, or null when the line is not {@code v1:<base64>}. */
    private static byte[] decode(byte[] content) {
        int i = 0;
        while (i < content.length) {
            int end = i;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            int last = end;
            while (last > i && (content[last - 1] == '\r' || content[last - 1] == ' ')) {
                last--;
            }
            boolean blank = last == i;
            if (!blank && content[i] != '#') {
                byte[] prefix = PREFIX.getBytes(StandardCharsets.US_ASCII);
                if (last - i <= prefix.length
                        || !Arrays.equals(content, i, i + prefix.length, prefix, 0, prefix.length)) {
                    return null;
                }
                byte[] b64 = Arrays.copyOfRange(content, i + prefix.length, last);
                try {
                    return Base64.getDecoder().decode(b64);
                } catch (IllegalArgumentException e) {
                    return null;
                } finally {
                    Arrays.fill(b64, (byte) 0);
                }
            }
            i = end + 1;
        }
        return null;
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

    private void warnIfShared() {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            if (view == null) {
                return;
            }
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            Set<PosixFilePermission> others = new HashSet<>(perms);
            others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (!others.isEmpty()) {
                LOG.warn("The secrets key file {} is accessible to other users ({}); run: chmod 600 {}", path,
                        PosixFilePermissions.toString(perms), path);
            }
        } catch (IOException e) {
            LOG.debug("cannot read permissions of {}: {}", path, e.toString());
        }
    }

    /** Best effort on ACL file systems (Windows): one entry, the owner; inherited entries are dropped. */
    private static void restrictToOwner(Path file) {
        AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            AclEntry owner = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(view.getOwner())
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
            view.setAcl(List.of(owner));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Cannot restrict the secrets key file {} to its owner: {}", file, e.toString());
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("cannot delete temporary file {}: {}", p, e.toString());
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name already exists";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public String toString() {
        return "SecretKeyFile[" + path + "]";
    }
}
