package dev.curtain.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.scenario.ScenarioFiles;
import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A stage played step by step paints each event only where it changed things, and each frame only under what
 * moved; at the end of every move it must show what a stage cut straight to that event shows, painted whole.
 * Played through whole lessons, both at a projector's size.
 */
@ExtendWith(ApplicationExtension.class)
class StageRepaintTest {
    private static final int W = 1280;
    private static final int H = 560;
    /** Events played per lesson: enough for every kind of move the lessons make. */
    private static final int EVENTS = 160;
    private ViewerModel played;
    private ViewerModel cut;
    private StageView playedView;
    private StageView cutView;

    @Start
    void start(Stage stage) {
        played = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        cut = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        playedView = new StageView(played, Duration.millis(500));
        cutView = new StageView(cut, Duration.ZERO);
        // windows of their own: the toolkit's first window may be left full screen or maximised by another test
        for (StageView v : new StageView[] {playedView, cutView}) {
            Stage window = new Stage();
            window.setScene(scene(v));
            window.show();
        }
    }

    private static Scene scene(StageView v) {
        Scene scene = new Scene(v, W, H);
        scene.getStylesheets().add(StageView.class.getResource("/dev/curtain/app/curtain.css").toExternalForm());
        scene.getRoot().getStyleClass().addAll("curtain", "theme-light", "text-100");
        return scene;
    }

    @Test
    void everyMoveEndsOnThePictureOfItsEventPaintedWhole(FxRobot robot) {
        playEveryLesson(robot, new double[] {1});
    }

    /**
     * Played frame by frame, a move's late frames and the frames after it prepare the next step (its layout, its
     * boxes pictured from stand-ins, its background recorded and compared): the step must end on the very picture
     * a cut paints, every background recorded ahead must be the one the step records itself, and the preparation
     * must have been used.
     */
    @Test
    void movesPlayedFrameByFrameEndOnThePictureOfTheirEventToo(FxRobot robot) {
        int before = playedView.picturesPrepared();
        int backgroundsBefore = playedView.backgroundsAhead();
        int restyledBefore = playedView.boxesRestyledAfterMoves();
        playedView.verifyBackgroundsAhead();
        // a move's frames, then the frames that stand still until the next event (at 30 fps, twelve)
        playEveryLesson(robot, new double[] {0, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        assertThat(playedView.picturesPrepared() - before).as("box pictures taken ahead").isGreaterThan(20);
        assertThat(playedView.boxesRestyledAfterMoves() - restyledBefore)
                .as("boxes whose nodes were brought up to their picture after the move").isGreaterThan(20);
        assertThat(playedView.backgroundsAhead() - backgroundsBefore).as("backgrounds recorded ahead")
                .isGreaterThan(200);
        assertThat(playedView.backgroundsAheadWrong()).as("backgrounds recorded ahead that the step did not draw")
                .isZero();
    }

    /**
     * An export at 10 fps: a move's five frames, then four that stand still until the next event. Every frame that
     * stands still is what the export (and the window between moves) shows while its caption is read: each must be
     * the picture a cut paints, not only the last.
     */
    @Test
    void everyFrameBetweenMovesShowsWhatACutShows(FxRobot robot) {
        playEveryLesson(robot, new double[] {0.04, 0.25, 0.5, 0.75, 0.96, 1, 1, 1, 1}, true);
    }

    private void playEveryLesson(FxRobot robot, double[] frames) {
        playEveryLesson(robot, frames, false);
    }

    /** Played so, a step's frames between moves are enough to prepare the next and bring every box's nodes up. */
    private static boolean restsLongEnough(double[] frames) {
        return frames.length > 16;
    }

    private void playEveryLesson(FxRobot robot, double[] frames, boolean everyStill) {
        for (String lesson : new String[] {"01-hello-goroutine.json", "09-locked-goroutine-exits.json",
                "14-fairness-machinery.json"}) {
            robot.interact(() -> {
                open(played, lesson);
                open(cut, lesson);
                int size = Math.min(played.playback().getSize(), EVENTS);
                for (int i = 1; i < size; i++) {
                    played.playback().stepForward();
                    cut.playback().seek(played.playback().getIndex());
                    for (int f = 0; f < frames.length; f++) {
                        playedView.paintAt(frames[f]);
                        if (everyStill && frames[f] >= 1 && f < frames.length - 1) {
                            assertThat(pixelsDiffering(playedView, "played"))
                                    .as("%s, event %d, frame %d: pixels that differ", lesson, i, f).isZero();
                        }
                    }
                    assertThat(pixelsDiffering(playedView, "played"))
                            .as("%s, event %d: pixels that differ", lesson, i).isZero();
                    if (restsLongEnough(frames)) {
                        assertThat(playedView.boxesBehind())
                                .as("%s, event %d: boxes whose nodes are behind their picture", lesson, i).isZero();
                    }
                }
            });
        }
    }

    /**
     * The app's window is laid out once at its scene's size and then at the screen's, one pulse after the other: the
     * stage, painted at the first size, must then show the second size's picture alone. (On a desktop window its
     * static layer, pictured from the canvas just resized, once kept the first size's counts and lanes; the headless
     * pipeline does not picture a resized canvas so, and this test guards the rest of the resize path.)
     */
    @Test
    void aStageResizedRightAfterItsFirstPaintShowsItsNewSizeAlone(FxRobot robot) {
        ViewerModel grown = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        StageView grownView = new StageView(grown, Duration.ZERO);
        Stage[] window = new Stage[1];
        robot.interact(() -> {
            open(grown, "01-hello-goroutine.json");
            open(cut, "01-hello-goroutine.json");
            window[0] = new Stage();
            Scene scene = new Scene(grownView, W * 0.86, H * 0.78);
            scene.getStylesheets().add(StageView.class.getResource("/dev/curtain/app/curtain.css").toExternalForm());
            scene.getRoot().getStyleClass().addAll("curtain", "theme-light", "text-100");
            window[0].setScene(scene);
            window[0].show();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            window[0].setWidth(W + (window[0].getWidth() - window[0].getScene().getWidth()));
            window[0].setHeight(H + (window[0].getHeight() - window[0].getScene().getHeight()));
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertThat(grownView.getWidth()).isEqualTo(W);
            int differ = pixelsDiffering(grownView, "grown");
            window[0].close();
            assertThat(differ).as("pixels that differ from a stage laid out at that size at once").isZero();
        });
    }

    private static void open(ViewerModel model, String lesson) {
        model.open(ScenarioFiles.loadResource(lesson).orThrow(), e -> {
            throw new AssertionError(e);
        });
        model.playback().seek(0);
    }

    /** Pixels in which {@code v} differs from the stage cut straight to the same event; both kept when any do. */
    private int pixelsDiffering(StageView v, String name) {
        WritableImage a = snapshot(v);
        WritableImage b = snapshot(cutView);
        int differ = differing(a, b);
        if (differ > 0) {
            save(a, "target/repaint-" + name + ".png");
            save(b, "target/repaint-cut.png");
        }
        return differ;
    }

    private static WritableImage snapshot(StageView v) {
        SnapshotParameters p = new SnapshotParameters();
        p.setViewport(new Rectangle2D(0, 0, W, H));
        return v.snapshot(p, null);
    }

    /** Keeps both pictures of a failure to look at. */
    static void save(WritableImage img, String file) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, img.getPixelReader().getArgb(x, y));
            }
        }
        try {
            javax.imageio.ImageIO.write(out, "png", new java.io.File(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int differing(WritableImage a, WritableImage b) {
        int[] pa = argb(a);
        int[] pb = argb(b);
        int n = 0;
        for (int i = 0; i < pa.length; i++) {
            if (pa[i] != pb[i]) {
                n++;
            }
        }
        return n;
    }

    private static int[] argb(WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }
}
