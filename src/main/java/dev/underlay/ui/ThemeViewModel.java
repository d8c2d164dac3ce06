package dev.underlay.ui;

import dev.underlay.background.TaskRunner;
import dev.underlay.settings.SettingsService;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current theme and its persistence in the settings. Applying the stylesheet is the view's job (it listens
 * to {@link #themeProperty()}); this class never touches the toolkit.
 */
public final class ThemeViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ThemeViewModel.class);

    /** Settings key holding {@code light} or {@code dark}. */
    public static final String SETTING = "ui.theme";

    private final SettingsService settings;
    private final TaskRunner tasks;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);

    public ThemeViewModel(SettingsService settings, TaskRunner tasks) {
        this.settings = settings;
        this.tasks = tasks;
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    /** Reads the remembered theme (in the background) and switches to it. */
    public void load() {
        tasks.submit("load-theme", () -> settings.get(SETTING), (Optional<String> v) -> v.map(Theme::fromId)
                .ifPresent(theme::set), e -> LOG.warn("cannot read the theme setting, keeping {}: {}", theme.get().id(),
                e.toString()));
    }

    /** Switches the theme at once and remembers it (in the background). */
    public void select(Theme t) {
        theme.set(t);
        tasks.submit("save-theme", () -> {
            settings.put(SETTING, t.id());
            return null;
        }, ok -> { }, e -> LOG.warn("cannot remember the {} theme: {}", t.id(), e.toString()));
    }
}
