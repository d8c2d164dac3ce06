package dev.underlay.ui;

import java.util.Optional;

/**
 * Named user settings (theme, ...). Implementations may block (the console's reads the settings table), so
 * ViewModels call them through the task runner only.
 */
public interface Settings {
    Optional<String> get(String key);

    void put(String key, String value);
}
