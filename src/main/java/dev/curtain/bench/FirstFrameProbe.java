package dev.curtain.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import javafx.application.Platform;
import javafx.application.Preloader;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Reports when the app's first frame with a lesson on the stage has been painted, then ends the JVM (once the rest of
 * the window is built too). Installed as a JavaFX preloader
 * ({@code -Djavafx.preloader=dev.curtain.bench.FirstFrameProbe}) by the startup benchmark, so the app's own code is
 * the same as in a lecture: the probe only watches its windows.
 *
 * <p>"Painted" is exact: in the first pulse whose layout has a stage view with a geometry (the lesson's run is
 * installed and laid out), the pulse goes on to hand its paint job to the render thread; a task queued from that
 * pulse then renders a one-pixel picture, which the render thread does only after the jobs before it, so the
 * time taken when it returns is when the frame had been painted.
 */
public final class FirstFrameProbe extends Preloader {
    /**
     * The line the benchmark reads: this prefix, the instant as ISO-8601, then {@code cpu} and the milliseconds of
     * processor time the JVM had used by then (all its threads), which a busy machine changes less than wall time.
     */
    static final String PAINTED = "curtain-startup: first frame painted at ";
    /** The id the app gives its stage view. */
    private static final String STAGE_VIEW = "#stage";
    /** The ids of the toolbar and the event log, which the app builds just after its first frame. */
    private static final String TOOLBAR = "#toolbar";
    private static final String EVENT_LOG = "#event-log";

    private boolean reported;

    @Override
    public void start(Stage preloaderStage) {
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    if (w instanceof Stage s && s != preloaderStage) {
                        watch(s);
                    }
                }
            }
        });
    }

    private void watch(Stage stage) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            Scene scene = stage.getScene();
            if (reported || scene == null || !stage.isShowing() || !lessonLaidOut(scene)) {
                return;
            }
            reported = true;
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(() -> {
                reportWhenPainted();
                exitWhenComplete(scene);
            });
        };
        stage.sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                b.addPostLayoutPulseListener(listener[0]);
            }
        });
        if (stage.getScene() != null) {
            stage.getScene().addPostLayoutPulseListener(listener[0]);
        }
    }

    /** Whether the stage view is laid out at a size with a run to draw (its geometry is set once a state arrives). */
    private static boolean lessonLaidOut(Scene scene) {
        Node n = scene.lookup(STAGE_VIEW);
        return n instanceof dev.curtain.view.StageView v && v.getWidth() > 0 && v.getHeight() > 0
                && v.geometry() != null;
    }

    /** Processor time of this JVM so far, in milliseconds, or -1 where the platform does not say. */
    static long cpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    static void reportWhenPainted() {
        // Rendered on the render thread after the frame's paint job queued before it: returns once that is painted.
        new Rectangle(1, 1).snapshot(null, null);
        Instant painted = Instant.now();
        System.out.println(PAINTED + painted + " cpu " + cpuMillis());
        System.out.flush();
    }

    /**
     * Ends the JVM once what the app builds after its first frame (the menus, toolbar and event log) is there too, so
     * a class-data archive dumped at exit holds the classes of the whole window, not just of its first frame.
     */
    private static void exitWhenComplete(Scene scene) {
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (scene.lookup(TOOLBAR) != null && scene.lookup(EVENT_LOG) != null) {
                scene.removePostLayoutPulseListener(check[0]);
                Platform.runLater(() -> System.exit(0));
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
        Platform.requestNextPulse();
    }
}
