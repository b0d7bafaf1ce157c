package dev.curtain.app;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A lecture app's windows fill the screen they open on (a projector is usually 1920x1080 or 1280x720): the main
 * window on the primary screen, the comparison on its main window's.
 */
final class FillScreen {
    private FillScreen() {
    }

    /** Gives {@code stage} the visible bounds of the screen {@code near} is on, or the primary screen's. */
    static void of(Stage stage, Window near) {
        List<Screen> screens = near == null ? List.of() : Screen.getScreensForRectangle(near.getX(), near.getY(),
                Math.max(1, near.getWidth()), Math.max(1, near.getHeight()));
        Rectangle2D bounds = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }
}
