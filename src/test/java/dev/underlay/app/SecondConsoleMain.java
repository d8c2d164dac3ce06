package dev.underlay.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/**
 * Test helper run in a child JVM under Monocle: starts the console through {@link Main#main} (the real launch,
 * with its exit guard), and, as a person would, reads the dialog the console shows and clicks its Close button.
 * Prints {@code dialog: <text>} and {@code closed}; what happens next is the console's own exit path.
 */
public final class SecondConsoleMain {
    private SecondConsoleMain() {
    }

    public static void main(String[] args) {
        Thread person = new Thread(SecondConsoleMain::closeTheDialog, "person");
        person.setDaemon(true);
        person.start();
        Main.main(args);
        System.out.println("launch returned");
    }

    private static void closeTheDialog() {
        try {
            for (int i = 0; i < 600; i++) { // at most a minute
                Thread.sleep(100);
                if (!toolkitUp()) {
                    continue;
                }
                CountDownLatch done = new CountDownLatch(1);
                boolean[] clicked = {false};
                Platform.runLater(() -> {
                    try {
                        clicked[0] = clickClose();
                    } finally {
                        done.countDown();
                    }
                });
                if (done.await(10, TimeUnit.SECONDS) && clicked[0]) {
                    System.out.println("closed");
                    return;
                }
            }
            System.out.println("no dialog");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean toolkitUp() {
        try {
            Platform.runLater(() -> { });
            return true;
        } catch (IllegalStateException e) {
            return false; // not started yet
        }
    }

    private static boolean clickClose() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane) {
                StringBuilder text = new StringBuilder(String.valueOf(pane.getHeaderText()));
                for (var n : pane.lookupAll(".label")) {
                    if (n instanceof javafx.scene.control.Label l && l.getText() != null) {
                        text.append(" | ").append(l.getText());
                    }
                }
                System.out.println("dialog: " + text);
                for (var type : pane.getButtonTypes()) {
                    if (type.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE
                            && pane.lookupButton(type) instanceof Button b) {
                        b.fire();
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
