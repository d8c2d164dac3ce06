package dev.underlay.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: opens the data folder and shows the main window. */
public class UnderlayApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Underlay");
        stage.setScene(new Scene(new Label("Underlay"), 800, 600));
        stage.show();
    }
}
