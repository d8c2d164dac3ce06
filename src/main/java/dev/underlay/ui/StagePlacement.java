package dev.underlay.ui;

import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The view side of {@link WindowPlacementViewModel}: a good first size (most of the screen, never below the
 * window's minimum), the remembered placement when it still lies on a screen, and the placement saved a moment
 * after the window was last moved or resized.
 */
public final class StagePlacement {
    private StagePlacement() {
    }

    /** Width and height for a first start: 90% of the screen, at most 1440x900, never below the minimum. */
    public static double[] firstSize(double minWidth, double minHeight) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.max(minWidth, Math.min(1440, screen.getWidth() * 0.9));
        double h = Math.max(minHeight, Math.min(900, screen.getHeight() * 0.9));
        return new double[] {w, h};
    }

    /**
     * Applies the remembered placement, then keeps remembering it until the returned handle is closed (with
     * the data folder: nothing is written after it).
     */
    public static AutoCloseable remember(Stage stage, WindowPlacementViewModel vm) {
        vm.load(p -> {
            boolean onScreen = !Screen.getScreensForRectangle(p.x(), p.y(), Math.min(p.width(), 200), 40)
                    .isEmpty();
            if (!onScreen) {
                return; // the screen it was on is gone: keep the first placement
            }
            stage.setX(p.x());
            stage.setY(p.y());
            stage.setWidth(Math.max(p.width(), stage.getMinWidth()));
            stage.setHeight(Math.max(p.height(), stage.getMinHeight()));
            stage.setMaximized(p.maximized());
            WindowSizeKeeper.want(stage, stage.getWidth(), stage.getHeight());
        });
        PauseTransition settle = new PauseTransition(Duration.millis(700));
        settle.setOnFinished(e -> {
            if (!stage.isIconified() && stage.isShowing()) {
                vm.save(new WindowPlacementViewModel.Placement(stage.getX(), stage.getY(), stage.getWidth(),
                        stage.getHeight(), stage.isMaximized()));
            }
        });
        InvalidationListener moved = o -> settle.playFromStart();
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        stage.maximizedProperty().addListener(moved);
        return () -> {
            settle.stop();
            stage.xProperty().removeListener(moved);
            stage.yProperty().removeListener(moved);
            stage.widthProperty().removeListener(moved);
            stage.heightProperty().removeListener(moved);
            stage.maximizedProperty().removeListener(moved);
        };
    }
}
