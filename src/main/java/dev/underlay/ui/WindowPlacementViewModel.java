package dev.underlay.ui;

import dev.underlay.background.TaskRunner;
import dev.underlay.settings.SettingsService;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the main window was and how large, remembered in the settings ({@code ui.window}: {@code x,y,w,h,max}) so
 * the console opens as it was left. The view applies a placement only when it lies on a screen; this class never
 * touches the toolkit, and reads and writes on the task runner.
 */
public final class WindowPlacementViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacementViewModel.class);

    /** Settings key. */
    public static final String SETTING = "ui.window";

    /** A window's bounds and whether it was maximized. */
    public record Placement(double x, double y, double width, double height, boolean maximized) {
        /** {@code 120,80,1440,900,false}. */
        public String text() {
            return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%b", x, y, width, height, maximized);
        }

        /** The placement in {@code text}, or empty when it is not one (a hand-edited or older setting). */
        public static Optional<Placement> parse(String text) {
            String[] p = text == null ? new String[0] : text.split(",");
            if (p.length != 5) {
                return Optional.empty();
            }
            try {
                Placement w = new Placement(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                        Double.parseDouble(p[2]), Double.parseDouble(p[3]), Boolean.parseBoolean(p[4]));
                return w.width() >= 200 && w.height() >= 150 && Double.isFinite(w.x()) && Double.isFinite(w.y())
                        ? Optional.of(w) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final SettingsService settings;
    private final TaskRunner tasks;
    private String lastSaved;

    public WindowPlacementViewModel(SettingsService settings, TaskRunner tasks) {
        this.settings = settings;
        this.tasks = tasks;
    }

    /** Reads the remembered placement in the background and hands it to {@code apply} (nothing when none). */
    public void load(Consumer<Placement> apply) {
        tasks.submit("load-window-placement", () -> settings.get(SETTING).flatMap(Placement::parse),
                (Optional<Placement> p) -> p.ifPresent(w -> {
                    lastSaved = w.text();
                    apply.accept(w);
                }), e -> LOG.warn("cannot read the window placement: {}", e.toString()));
    }

    /** Remembers a placement in the background; the same one twice is written once. */
    public void save(Placement p) {
        String text = p.text();
        if (text.equals(lastSaved)) {
            return;
        }
        lastSaved = text;
        tasks.submit("save-window-placement", () -> {
            settings.put(SETTING, text);
            return null;
        }, ok -> { }, e -> LOG.warn("cannot remember the window placement: {}", e.toString()));
    }
}
