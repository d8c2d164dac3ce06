package dev.underlay.db;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where Underlay keeps its data: {@code --data DIR}, else {@code UNDERLAY_HOME}, else the platform's user data
 * folder (XDG data home on Linux, Application Support on macOS, %APPDATA% on Windows). And where it keeps the
 * secrets keys of those folders, apart from them (decision 0006): {@code UNDERLAY_KEYS} (or the system property
 * {@code underlay.keys}, which the tests set), else the platform's per-user configuration folder.
 */
public final class DataFolders {
    public static final String ENV = "UNDERLAY_HOME";
    public static final String KEYS_ENV = "UNDERLAY_KEYS";
    public static final String KEYS_PROPERTY = "underlay.keys";

    private DataFolders() {
    }

    public static Path resolve(String dataOption) {
        return resolve(dataOption, System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    /** Pure form of {@link #resolve(String)} for tests, on this machine's file system. */
    public static Path resolve(String dataOption, Map<String, String> env, String osName, String userHome) {
        return resolve(dataOption, env, osName, userHome, FileSystems.getDefault());
    }

    /**
     * Pure form of {@link #resolve(String)} on a given file system, so that a test can resolve Windows paths
     * ({@code C:\Users\Ana}) as Windows does, on any machine. An unset, blank or relative {@code APPDATA} or
     * {@code XDG_DATA_HOME} counts as unset (a relative one would put the data wherever the console was started).
     */
    public static Path resolve(String dataOption, Map<String, String> env, String osName, String userHome,
                               FileSystem fs) {
        if (dataOption != null && !dataOption.isBlank()) {
            return fs.getPath(dataOption).toAbsolutePath().normalize();
        }
        String home = env.get(ENV);
        if (home != null && !home.isBlank()) {
            return fs.getPath(home).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return absolute(fs, env.get("APPDATA")).orElse(fs.getPath(userHome, "AppData", "Roaming"))
                    .resolve("Underlay");
        }
        if (os.contains("mac")) {
            return fs.getPath(userHome, "Library", "Application Support", "Underlay");
        }
        return absolute(fs, env.get("XDG_DATA_HOME")).orElse(fs.getPath(userHome, ".local", "share"))
                .resolve("underlay");
    }

    private static Optional<Path> absolute(FileSystem fs, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path p = fs.getPath(value);
        return p.isAbsolute() ? Optional.of(p) : Optional.empty();
    }

    /** The folder of the secrets keys, one file per data folder (see {@link #keys(Map, String, String, String)}). */
    public static Path keys() {
        return keys(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."),
                System.getProperty(KEYS_PROPERTY));
    }

    /**
     * Pure form of {@link #keys()}: {@code property}, else {@code UNDERLAY_KEYS}, else {@code $XDG_CONFIG_HOME/
     * underlay/keys} (or {@code ~/.config/underlay/keys}) on Linux, {@code ~/Library/Application Support/Underlay
     * Keys} on macOS, {@code %LOCALAPPDATA%\Underlay\Keys} on Windows (local, never the roaming profile).
     */
    public static Path keys(Map<String, String> env, String osName, String userHome, String property) {
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String fromEnv = env.get(KEYS_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return (local != null ? Path.of(local) : Path.of(userHome, "AppData", "Local")).resolve("Underlay")
                    .resolve("Keys");
        }
        if (os.contains("mac")) {
            // not Application Support/Underlay/Keys: that is inside the default data folder, which travels whole
            return Path.of(userHome, "Library", "Application Support", "Underlay Keys");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(userHome, ".config");
        return base.resolve("underlay").resolve("keys");
    }

    /**
     * Why a folder could not be created, in words ({@code /proc does not take new folders}) rather than the bare
     * path Java's exceptions carry.
     */
    public static String whyNotCreated(Path folder, java.io.IOException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return (f.getFile() == null ? folder.toString() : f.getFile()) + " is a file, not a folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException f) {
            return "permission denied for " + (f.getFile() == null ? folder.toString() : f.getFile());
        }
        Path parent = folder.getParent();
        while (parent != null && !java.nio.file.Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return parent == null ? "its drive or root does not exist"
                    : parent + " does not take new folders (a system or read-only file system?)";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT) + (f.getFile() == null ? ""
                    : " (" + f.getFile() + ")");
        }
        return String.valueOf(e.getMessage());
    }
}
