package dev.curtain.app;

import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import javafx.util.Duration;

/** Builds the real window for headless tests: simulations run on the spot, moves land at once. */
final class WindowHarness {
    private WindowHarness() {
    }

    static MainWindow open(Stage stage, ScenarioOpener opener, double width, double height) {
        Preferences prefs = Preferences.userRoot().node("dev/curtain/test");
        ViewerModel model = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        RecentFiles recent = new RecentFiles(prefs);
        recent.clear();
        MainWindow w = new MainWindow(stage, model, new ShippedLessons(), opener, recent, Duration.ZERO);
        w.show(new ShippedLessons().defaultLesson());
        // tests start where main runs; a lesson itself opens on its title card, before the process exists
        model.playback().seek(ViewerModel.openingIndex(model.recording()));
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        stage.requestFocus();
        return w;
    }
}
