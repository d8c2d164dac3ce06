package dev.underlay.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a data folder's secrets key lives: {@code <keys folder>/<folder id>.key}, apart from the database (decision
 * 0006), the id being a random one stored in the database. A key that an older Underlay kept beside the database
 * ({@code <data folder>/secrets.key}) is moved there the first time, so that everything stays decryptable.
 */
public final class KeyLocation {
    private static final Logger LOG = LoggerFactory.getLogger(KeyLocation.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private KeyLocation() {
    }

    /**
     * The key file of the data folder with id {@code folderId}, after moving a key left in the data folder. When the
     * move cannot be made (the keys folder is not writable), the old file goes on serving, with a warning.
     */
    public static SecretKeyFile of(Path keysFolder, String folderId, Path dataFolder, PassphrasePrompt prompt) {
        if (!ID.matcher(folderId).matches()) {
            throw new IllegalArgumentException("not a data folder id: " + folderId);
        }
        Path target = keysFolder.toAbsolutePath().normalize().resolve(folderId + ".key");
        Path old = dataFolder.toAbsolutePath().normalize().resolve(SecretKeyFile.FILE_NAME);
        if (Files.exists(old)) {
            try {
                moveOld(old, target);
            } catch (IOException e) {
                LOG.warn("Cannot move the secrets key {} to {} ({}); it stays beside the database for now", old,
                        target, e.toString());
                return new SecretKeyFile(old, prompt);
            }
        }
        return new SecretKeyFile(target, prompt);
    }

    private static void moveOld(Path old, Path target) throws IOException {
        byte[] key = Files.readAllBytes(old);
        try {
            if (Files.exists(target)) {
                byte[] there = Files.readAllBytes(target);
                try {
                    if (!Arrays.equals(key, there)) {
                        LOG.warn("Two different secrets keys for one data folder: {} is used, {} was left in "
                                + "place; move it away once nothing needs it", target, old);
                        return;
                    }
                } finally {
                    Arrays.fill(there, (byte) 0);
                }
            } else {
                // a copy, not a rename: the keys folder is usually on another file system than the data folder
                OwnerOnlyFiles.writeAtomically(target, key, new SecureRandom());
                byte[] back = Files.readAllBytes(target);
                try {
                    if (!Arrays.equals(key, back)) {
                        throw new IOException("the copy at " + target + " differs from the original");
                    }
                } finally {
                    Arrays.fill(back, (byte) 0);
                }
            }
            Files.delete(old);
            LOG.info("Moved the secrets key from {} to {}, apart from the database", old, target);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
