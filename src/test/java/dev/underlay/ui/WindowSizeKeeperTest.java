package dev.underlay.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window manager that shrinks a just-shown window (openbox with JavaFX 21 on GTK: the console opened at 898x535
 * instead of 1440x900) is played here by setting a smaller size right after showing, as its configure event does.
 */
class WindowSizeKeeperTest {
    Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            fx(() -> {
                stage.close();
                return null;
            });
        }
    }

    static <T> T fx(Callable<T> c) throws Exception {
        T t = WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return t;
    }

    private void show(double w, double h) throws Exception {
        stage = fx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(), w, h));
            WindowSizeKeeper.keep(s);
            s.show();
            return s;
        });
    }

    private void shrink(double w, double h) throws Exception {
        fx(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aShrinkRightAfterShowingIsUndone() throws Exception {
        show(700, 500);
        double w = fx(stage::getWidth);
        double h = fx(stage::getHeight);
        shrink(300, 200);
        assertEquals(w, fx(stage::getWidth), 1.0, "the width it was shown with");
        assertEquals(h, fx(stage::getHeight), 1.0, "the height it was shown with");
    }

    @Test
    void theSizeTheCodeAsksForAfterShowingIsTheOneKept() throws Exception {
        show(700, 500);
        fx(() -> {
            stage.setWidth(640);
            stage.setHeight(420);
            WindowSizeKeeper.want(stage, 640, 420); // as StagePlacement does with a remembered placement
            return null;
        });
        shrink(300, 200);
        assertEquals(640, fx(stage::getWidth), 1.0);
        assertEquals(420, fx(stage::getHeight), 1.0);
    }

    @Test
    void onlyAFewShrinksAreUndoneThenTheWindowIsTheUsers() throws Exception {
        show(700, 500);
        for (int i = 0; i < WindowSizeKeeper.MAX_RESTORES + 3; i++) {
            shrink(300 + i, 200 + i);
        }
        assertEquals(WindowSizeKeeper.MAX_RESTORES, fx(() -> WindowSizeKeeper.restores(stage)));
        shrink(333, 222);
        assertEquals(333, fx(stage::getWidth), 1.0, "a resize after the last undone shrink stays");
    }

    @Test
    void aResizeAfterTheWatchStays() throws Exception {
        show(700, 500);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(WindowSizeKeeper.WATCH_NANOS) + 300);
        shrink(350, 250);
        assertEquals(350, fx(stage::getWidth), 1.0);
        assertEquals(0, fx(() -> WindowSizeKeeper.restores(stage)));
    }
}
