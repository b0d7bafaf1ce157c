package dev.curtain.app;

import dev.curtain.scenario.Scenario;
import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.ViewerModel;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The composition root: wires the lesson library, the scenario opener, the background simulation runner, the
 * event explainer and the window, and installs the handler that turns any uncaught exception into a dialog.
 * Started by the command line's {@code Launcher}, never as the jar's main class (see the shaded jar notes).
 */
public final class CurtainApp extends Application {
    /** How long one token move takes at 1x. */
    public static final Duration MOVE = Duration.millis(520);
    private static volatile Path initialFile;

    private MainWindow window;
    private FxSimulationRunner runner;
    /** The preference that remembers the stage guide was read. */
    static final String GUIDE_SEEN = "guideSeen";

    /** The file to open at start instead of the default lesson (set before {@code launch}). */
    public static void setInitialFile(Path p) {
        initialFile = p;
    }

    @Override
    public void start(Stage stage) {
        runner = new FxSimulationRunner();
        LessonLibrary lessons = new ShippedLessons();
        ViewerModel model = new ViewerModel(runner, EventExplainer.standard());
        // the first frame comes first: the inspector, source, event log and lessons 2 to 15 follow it
        window = new MainWindow(stage, model, lessons, ScenarioOpener.files(), RecentFiles.forUser(), MOVE, true);
        installCrashDialog(window);
        Scenario first = lessons.defaultLesson();
        window.show(first);
        if (initialFile != null) {
            window.open(initialFile);
        }
        FillScreen.of(stage, null);
        stage.show();
        // the first launch explains the stage once; Help → How to Read the Stage (F1) brings it back
        java.util.prefs.Preferences prefs = java.util.prefs.Preferences.userRoot().node("dev/curtain");
        window.onGuideSeen(() -> prefs.putBoolean(GUIDE_SEEN, true));
        if (!prefs.getBoolean(GUIDE_SEEN, false)) {
            window.showGuide();
        }
        window.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.stop();
        }
        if (runner != null) {
            runner.shutdown();
        }
    }

    /** Any exception that escapes a handler shows a dialog instead of leaving a dead window. */
    static void installCrashDialog(MainWindow w) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (Platform.isFxApplicationThread()) {
                ErrorDialogs.exception(w.scene().getWindow(), e);
            } else {
                Platform.runLater(() -> ErrorDialogs.exception(w.scene().getWindow(), e));
            }
        });
    }
}
