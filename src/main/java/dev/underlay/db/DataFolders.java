package dev.underlay.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

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

    /** Pure form of {@link #resolve(String)} for tests. */
    public static Path resolve(String dataOption, Map<String, String> env, String osName, String userHome) {
        if (dataOption != null && !dataOption.isBlank()) {
            return Path.of(dataOption).toAbsolutePath().normalize();
        }
        String home = env.get(ENV);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming")).resolve("Underlay");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Underlay");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("underlay");
    }
}
