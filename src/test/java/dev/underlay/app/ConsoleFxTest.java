package dev.underlay.app;

import java.nio.file.Path;
import javafx.application.Platform;
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

    /** The machines table of the console that is open. */
    TableView<?> table() {
        return console.robot.lookup("#machine-table").queryAs(TableView.class);
    }
}
