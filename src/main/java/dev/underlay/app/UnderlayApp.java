package dev.underlay.app;

import dev.underlay.db.DataFolders;
import dev.underlay.background.ExecutorTaskRunner;
import dev.underlay.background.TaskRunner;
import dev.underlay.ui.AppIcon;
import dev.underlay.ui.Dialogs;
import dev.underlay.ui.Failures;
import dev.underlay.ui.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Starts opening the data folder ({@code --data DIR}, else {@code UNDERLAY_HOME}, else the
 * platform folder) on a worker, shows the main window at once (disabled, "Opening folder…" in the status bar) and
 * fills it when the folder is open; a folder that cannot be opened (another Underlay holds it, ...) is explained in
 * a dialog. Closes everything at exit.
 */
public class UnderlayApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(UnderlayApp.class);

    /**
     * Set by {@link #launch(ExitGuard, String[])} before JavaFX creates this class (it takes no constructor
     * arguments); tests that start the application themselves run without one.
     */
    private static volatile ExitGuard launchGuard;

    private final TaskRunner opener = new ExecutorTaskRunner("underlay-open", 1, Platform::runLater);
    private volatile boolean stopped;
    private AppContext context;
    private ConsoleWindow building;
    private ConsoleWindow window;
    private Stage stage;
    private String folderLabel = "";

    @Override
    public void start(Stage primary) {
        StartupTrace.mark("javafx toolkit up");
        this.stage = primary;
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        Map<String, String> named = getParameters() == null ? Map.of() : getParameters().getNamed();
        Path folder = DataFolders.resolve(dataOption(raw, named));
        folderLabel = labelOption(raw, named, folder);
        PassphraseDialogs prompts = new PassphraseDialogs(Platform::runLater, () -> stage);
        AppContext.Prompts asking = new AppContext.Prompts(prompts.sshKeys(), prompts.secretsKey());
        // first the folder, on a worker: reading a large inventory then overlaps building and showing the window
        ExitGuard guard = launchGuard;
        opener.submit("open-data-folder", () -> guard == null
                ? openFolder(folder, asking)
                : guard.watch(() -> openFolder(folder, asking)),
                this::opened, e -> openFailed(folder, e));
        applyTheme(Theme.LIGHT);
        building = new ConsoleWindow(primary, folderLabel);
        double[] size = dev.underlay.ui.StagePlacement.firstSize(900, 560);
        Scene scene = new Scene(building.root(), size[0], size[1]);
        scene.getStylesheets().add(UnderlayApp.class.getResource(Theme.APP_CSS).toExternalForm());
        primary.setScene(scene);
        primary.setTitle("Underlay \u2014 " + folderLabel);
        primary.getIcons().setAll(AppIcon.images());
        primary.setMinWidth(900);
        primary.setMinHeight(560);
        dev.underlay.ui.WindowSizeKeeper.install(); // a window manager's shrink of a just-shown window is undone
        primary.show();
        StartupTrace.mark("window shown");
    }

    /** The folder as the console opens it: the demo and the bundled content packs on a first start. */
    private static AppContext openFolder(Path folder, AppContext.Prompts asking) {
        AppContext ctx = AppContext.open(folder, true, Platform::runLater, asking);
        try {
            ctx.installBundledContentOnFirstStart();
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
        return ctx;
    }

    private void opened(AppContext ctx) {
        opener.close();
        if (stopped) {
            ctx.close();
            return;
        }
        context = ctx;
        building.open(ctx);
        window = building;
        StartupTrace.mark("inventory in the window");
        // how long a technician waited for their inventory, from the process's start (docs/benchmarks.md)
        LOG.info("opened {}: {} machines, {} ms after the JVM started", folderLabel,
                ctx.inventory().inventory().machines().size(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }

    private void openFailed(Path folder, Throwable e) {
        opener.close();
        LOG.warn("cannot open data folder {}: {}", folder, e.toString());
        if (stopped) {
            return;
        }
        Dialogs.error(stage, "Cannot open the data folder", Failures.describe(e));
        stage.close();
        if (launchGuard != null) {
            // the real application (not a test's): nothing is left to show, so it ends with its dialog
            Platform.exit();
        }
    }

    /** Starts the console with {@code guard} watching its data folder (SIGTERM and Ctrl-C, as the CLI). */
    static void launch(ExitGuard guard, String[] args) {
        launchGuard = guard;
        Application.launch(UnderlayApp.class, args);
    }

    /** The {@code --data DIR} or {@code --data=DIR} value, or {@code null}. */
    static String dataOption(List<String> raw, Map<String, String> named) {
        if (named.containsKey("data")) {
            return named.get("data");
        }
        for (int i = 0; i + 1 < raw.size(); i++) {
            if (raw.get(i).equals("--data")) {
                return raw.get(i + 1);
            }
        }
        return null;
    }

    /**
     * The {@code --data-label NAME} value (a short name for the data folder in the title and status bar, e.g. in
     * screenshots), else the folder's path.
     */
    static String labelOption(List<String> raw, Map<String, String> named, Path folder) {
        if (named.containsKey("data-label")) {
            return named.get("data-label");
        }
        for (int i = 0; i + 1 < raw.size(); i++) {
            if (raw.get(i).equals("--data-label")) {
                return raw.get(i + 1);
            }
        }
        return folder.toString();
    }

    /** Switches the AtlantaFX look of every window. */
    static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
    }

    /** The main window, once the data folder is open (for tests). */
    ConsoleWindow window() {
        return window;
    }

    /** The open context, or null while opening (for tests). */
    AppContext context() {
        return context;
    }

    @Override
    public void stop() {
        stopped = true;
        opener.close();
        if (building != null) {
            building.close();
        }
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
