package dev.underlay.inventory.io;

import java.nio.file.Path;

/**
 * Key file paths as an export writes them, so that the export survives a move to another data folder or machine: a
 * key inside the data folder is written {@code $UNDERLAY_HOME/lab/client_ed25519} (the data folder, as the
 * {@code UNDERLAY_HOME} variable names it), one under the user's home {@code ~/.ssh/id_ed25519}; an import puts the
 * importing folder or home back in front. Any other path is written as stored.
 */
public final class KeyFiles {
    /** The prefix that stands for the data folder. */
    public static final String DATA_FOLDER = "$UNDERLAY_HOME/";
    /** The prefix that stands for the user's home, as OpenSSH's {@code IdentityFile ~/.ssh/id_ed25519}. */
    public static final String HOME = "~/";

    private KeyFiles() {
    }

    /** The path as an export writes it; {@code dataFolder} may be null (then only the home is shortened). */
    public static String portable(String keyFile, Path dataFolder) {
        if (keyFile.isBlank()) {
            return keyFile;
        }
        Path p = Path.of(keyFile);
        if (!p.isAbsolute()) {
            return keyFile;
        }
        p = p.normalize();
        if (dataFolder != null && p.startsWith(dataFolder.toAbsolutePath().normalize())) {
            return DATA_FOLDER + slashes(dataFolder.toAbsolutePath().normalize().relativize(p));
        }
        Path home = home();
        if (home != null && p.startsWith(home) && !p.equals(home)) {
            return HOME + slashes(home.relativize(p));
        }
        return keyFile;
    }

    /**
     * The path an import stores: {@code $UNDERLAY_HOME/} resolved against {@code dataFolder} (left as written when
     * it is null), {@code ~/} against the user's home.
     */
    public static String local(String keyFile, Path dataFolder) {
        if (keyFile.startsWith(DATA_FOLDER) && dataFolder != null) {
            return resolve(dataFolder.toAbsolutePath().normalize(), keyFile.substring(DATA_FOLDER.length()));
        }
        Path home = home();
        if (keyFile.startsWith(HOME) && home != null) {
            return resolve(home, keyFile.substring(HOME.length()));
        }
        return keyFile;
    }

    private static String resolve(Path base, String rest) {
        Path p = base;
        for (String part : rest.split("/")) {
            if (!part.isEmpty()) {
                p = p.resolve(part);
            }
        }
        return p.normalize().toString();
    }

    private static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static Path home() {
        String h = System.getProperty("user.home");
        return h == null || h.isBlank() ? null : Path.of(h).toAbsolutePath().normalize();
    }
}
