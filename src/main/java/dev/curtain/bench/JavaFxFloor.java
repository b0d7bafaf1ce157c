package dev.curtain.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The second floor under the startup figure: JavaFX alone, a stage with one label, timed to its first painted frame
 * as {@link FirstFrameProbe} times the app's. The app's figure minus this one is what Curtain itself costs.
 */
public final class JavaFxFloor {
    private JavaFxFloor() {
    }

    /** Not an Application subclass itself, so it starts on the plain class path as the app's launcher does. */
    public static void main(String[] args) {
        Application.launch(OneLabel.class, args);
    }

    /** The window: one label. */
    public static final class OneLabel extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("Curtain")), 1600, 900);
            boolean[] reported = {false};
            scene.addPostLayoutPulseListener(() -> {
                if (!reported[0] && stage.isShowing()) {
                    reported[0] = true;
                    Platform.runLater(() -> {
                        FirstFrameProbe.reportWhenPainted();
                        System.exit(0);
                    });
                }
            });
            stage.setScene(scene);
            stage.show();
        }
    }
}
