package dev.underlay.db;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where Underlay keeps its data: {@code --data DIR}, else {@code UNDERLAY_HOME}, else the platform's user data
 * folder (XDG data home on Linux, Application Support on macOS, %APPDATA% on Windows).
 */
public final class DataFolders {
    public static final String ENV = "UNDERLAY_HOME";

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
}
