package dev.underlay.app;

import dev.underlay.ui.LabPorts;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * What every test of the real console shares: a data folder of its own, the toolkit's one stage kept across
 * consoles, and the console stopped after each test.
 */
abstract class ConsoleFxTest {
    @TempDir
    Path dir;
    final ConsoleFx console = new ConsoleFx();
    UnderlayApp app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false); // the shared test stage outlives each console
    }

    @AfterEach
    void stopConsole() throws Exception {
        if (app != null) {
            console.stop(app);
        }
    }

    /**
     * Starts the open console's lab with {@code start} (a click, or the view model's start) on free ports: moves the
     * lab machines there, waits until the window shows them, starts, and waits until the lab runs or says why not;
     * again on other ports when one was taken meanwhile ({@link LabPorts}).
     *
     * @return each lab machine's port, by name
     */
    Map<String, Integer> startLab(Runnable start) throws Exception {
        return LabPorts.startOnFreePorts(app.context().inventory(), ports -> {
            ConsoleFx.waitFor(() -> ConsoleFx.fx(() -> app.window().machinesView().tableView().table().getItems()
                    .stream().filter(m -> ports.containsKey(m.name()) && m.sshPort() == ports.get(m.name()))
                    .count() == ports.size()));
            start.run();
            ConsoleFx.waitFor(() -> ConsoleFx.fx(() -> app.window().lab().running() || statusMessage()
                    .startsWith("The lab did not start")));
            return ConsoleFx.fx(() -> app.window().lab().running() ? "" : statusMessage());
        });
    }

    private String statusMessage() {
        return console.robot.lookup("#status-message").queryAs(Label.class).getText();
    }

    /** The machines table of the console that is open. */
    TableView<?> table() {
        return console.robot.lookup("#machine-table").queryAs(TableView.class);
    }
}
