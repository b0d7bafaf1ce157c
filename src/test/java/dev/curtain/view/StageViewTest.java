package dev.curtain.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.curtain.engine.event.Event;
import dev.curtain.importer.ImportResult;
import dev.curtain.importer.LogImport;
import dev.curtain.importer.ProgressListener;
import dev.curtain.engine.state.Property;
import dev.curtain.render.BoxPicture;
import dev.curtain.render.Rect;
import dev.curtain.render.StageGeometry;
import dev.curtain.render.ThreadActivity;
import dev.curtain.engine.state.SchedState;
import dev.curtain.scenario.ScenarioFiles;
import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.ImportedRun;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the stage draws, read back from its pixels: the thread boxes are nodes the viewer never sees directly (the
 * canvas draws pictures of them), so these tests check that the pictures say what the nodes say.
 */
@ExtendWith(ApplicationExtension.class)
class StageViewTest {
    private static final Color DIVERGED_BG = Color.web("#fde8e6");
    private ViewerModel model;
    private StageView view;

    @Start
    void start(Stage stage) {
        model = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        view = new StageView(model, Duration.millis(500));
        Scene scene = new Scene(view, 1400, 760);
        scene.getStylesheets().add(StageView.class.getResource("/dev/curtain/app/curtain.css").toExternalForm());
        scene.getRoot().getStyleClass().addAll("curtain", "theme-light", "text-100");
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aNewThreadFadesInOutOfTheThreadThatClonedIt(FxRobot robot) {
        robot.interact(() -> {
            open("01-hello-goroutine.json");
            int clone = firstEvent(e -> e instanceof Event.ThreadCloned c && c.creator() >= 0);
            Event.ThreadCloned c = (Event.ThreadCloned) model.events().get(clone);
            model.playback().seek(clone);
            StageGeometry before = view.geometry();
            Rect creator = before.mBox[c.creator()];
            model.playback().stepForward();
            assertThat(view.isAnimating()).isTrue();
            Rect home = view.geometry().mBox[c.m()];
            view.paintAt(0);
            WritableImage start = view.snapshot(null, null);
            view.paintAt(1);
            WritableImage end = view.snapshot(null, null);
            // invisible at first, then drawn in full where it belongs
            assertThat(changed(start, end, home)).as("new box drawn at its place").isGreaterThan(0.3);
            // half way it is between its creator and its place, not yet at either
            view.paintAt(0.5);
            WritableImage half = view.snapshot(null, null);
            Rect mid = creator.lerp(home, 0.5);
            Rect core = new Rect(mid.cx() - 10, mid.cy() - 4, 20, 8);
            assertThat(changed(start, half, core)).as("box half way from M%d", c.creator()).isGreaterThan(0.5);
            assertThat(view.threadBox(c.m()).isVisible()).isTrue();
        });
    }

    @Test
    void anExitingThreadShrinksAndFadesWhereItWas(FxRobot robot) {
        robot.interact(() -> {
            open("09-locked-goroutine-exits.json");
            int exit = firstEvent(e -> e instanceof Event.ThreadExited);
            Event.ThreadExited x = (Event.ThreadExited) model.events().get(exit);
            model.playback().seek(exit);
            Rect was = view.geometry().mBox[x.m()];
            model.playback().stepForward();
            assertThat(view.isAnimating()).isTrue();
            view.paintAt(0);
            WritableImage start = view.snapshot(null, null);
            view.paintAt(0.5);
            WritableImage half = view.snapshot(null, null);
            view.paintAt(1);
            WritableImage end = view.snapshot(null, null);
            // whole at first; half way its corners are already gone but its middle is still there; then nothing
            Rect corner = new Rect(was.x() + 2, was.y() + 2, 12, 8);
            Rect middle = new Rect(was.cx() - 10, was.cy() - 4, 20, 8);
            assertThat(changed(start, half, corner)).as("corner half way").isGreaterThan(0.5);
            assertThat(changed(half, end, middle)).as("middle fades out").isGreaterThan(0.5);
            assertThat(changed(start, end, was)).as("box gone").isGreaterThan(0.3);
            // once its move has ended it is off stage for good: its node and picture are let go
            assertThat(view.threadBox(x.m())).isNull();
            model.playback().stepForward();
            assertThat(view.threadBox(x.m())).isNull();
        });
    }

    /**
     * An export builds its stage for a model that already shows an imported log: its tokens must still carry the
     * log's goroutine ids (goroutine 17 of the log is the engine's G5), as the window's do.
     */
    @Test
    void aStageMadeForAnOpenImportNamesTokensByTheLogsIds(FxRobot robot) throws IOException {
        Path log = Path.of("src/test/resources/schedtrace/channels-p2-detail.log");
        ImportResult r = LogImport.read(log, ProgressListener.NONE);
        robot.interact(() -> {
            ViewerModel imported = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
            imported.openRecording(ImportedRun.describe(log, r), r.recording(), r.openingIndex(), r.facts());
            StageView late = new StageView(imported, Duration.millis(500));
            int checked = 0;
            for (int g = 1; g < imported.getState().goroutines().size(); g++) {
                assertThat(late.tokenText(g)).as("G%d", g).isEqualTo(r.facts().tokenLabel(g));
                checked += r.facts().goid(g) != g ? 1 : 0;
            }
            assertThat(checked).as("goroutines whose log id is not the engine's").isGreaterThan(0);
        });
    }

    @Test
    void aDivergedThreadIsDrawnRed(FxRobot robot) {
        robot.interact(() -> {
            open("05-setns-without-lock.json");
            int change = firstEvent(e -> e instanceof Event.ThreadPropertyChanged p
                    && p.property() == Property.NETNS);
            Event.ThreadPropertyChanged p = (Event.ThreadPropertyChanged) model.events().get(change);
            model.playback().seek(change);
            Rect box = view.geometry().mBox[p.m()];
            assertThat(share(view.snapshot(null, null), box, DIVERGED_BG::equals)).isLessThan(0.05);
            model.playback().seek(change + 1);
            // the box's node and picture follow the state by the end of the move (mid-move they may be a frame or
            // two late, so the frame the event lands on restyles nothing): the node is :diverged and most of the
            // box is the diverged background
            view.paintAt(1);
            ThreadBox node = view.threadBox(p.m());
            assertThat(node.getPseudoClassStates()).contains(ThreadBox.DIVERGED);
            box = view.geometry().mBox[p.m()];
            assertThat(share(view.snapshot(null, null), box, DIVERGED_BG::equals)).isGreaterThan(0.4);
        });
    }

    @Test
    void aCompactBoxOfALockedRedThreadStillShowsItsName(FxRobot robot) {
        // lesson 9 on the stage a 1280x720 window leaves beside its panels: the locked, diverged M2 waits in a
        // zone of compact boxes, whose "!" mark and padlock once squeezed its name to "..."
        robot.interact(() -> {
            open("09-locked-goroutine-exits.json");
            // sized here and now rather than through the window, whose new size reaches the stage a pulse later
            view.resize(820, 420);
            view.layout();
            int checked = 0;
            for (int i = model.playback().getIndex(); i < model.playback().getSize() && checked == 0; i++) {
                model.playback().seek(i);
                // the end of the move: the boxes' nodes show the state (mid-move they may be a frame or two late)
                view.paintAt(1);
                var s = model.getState();
                StageGeometry geo = view.geometry();
                for (int m = 0; m < s.threads().size(); m++) {
                    ThreadBox box = view.threadBox(m);
                    if (box == null || !geo.compact(m) || s.thread(m).lockedg() <= 0 || s.diverged(m).isEmpty()) {
                        continue;
                    }
                    box.applyCss();
                    box.layout();
                    javafx.scene.control.Label name = (javafx.scene.control.Label) box.lookup(".thread-name");
                    javafx.scene.text.Text shown = (javafx.scene.text.Text) name.lookup(".text");
                    assertThat(shown.getText()).as("M%d's name after event %d", m, i).isEqualTo("M" + m);
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(0);
        });
    }

    @Test
    void inANarrowStageEveryBoxFitsItsPlace(FxRobot robot) {
        robot.interact(() -> {
            view.getScene().getWindow().setWidth(640);
            open("09-locked-goroutine-exits.json");
            model.nextCue();
        });
        robot.interact(() -> {
            StageGeometry geo = view.geometry();
            assertThat(geo.compactThreads).isFalse();
            int checked = 0;
            for (int m = 0; m < geo.mBox.length; m++) {
                ThreadBox box = view.threadBox(m);
                if (geo.mBox[m] == null || box == null || !box.isVisible()) {
                    continue;
                }
                javafx.geometry.Bounds drawn = box.localToParent(box.getLayoutBounds());
                assertThat(drawn.getMaxX()).as("M%d's right edge", m).isLessThanOrEqualTo(geo.mBox[m].right() + 0.5);
                assertThat(drawn.getMaxY()).as("M%d's bottom edge", m).isLessThanOrEqualTo(geo.mBox[m].bottom() + 0.5);
                assertThat(box.prefWidth(-1) * box.zoom()).as("M%d's content", m)
                        .isLessThanOrEqualTo(geo.mBox[m].w() + 0.5);
                checked++;
            }
            assertThat(checked).isGreaterThan(2);
        });
    }

    @Test
    void onAHiDpiScreenPicturesAreTakenAtItsScale(FxRobot robot) {
        robot.interact(() -> {
            open("05-setns-without-lock.json");
            model.nextCue();
            BoxPicture at1 = view.picture(0);
            view.forcePixelScale(2);
            BoxPicture at2 = view.picture(0);
            assertThat(at2.scale()).isEqualTo(2);
            assertThat(at2.image().getWidth()).isCloseTo(2 * at1.image().getWidth(), within(2.0));
            assertThat(at2.w()).isEqualTo(at1.w());
            // the stage still draws every box where it belongs
            Rect box = view.geometry().mBox[0];
            WritableImage frame = view.snapshot(null, null);
            view.forcePixelScale(0);
            WritableImage back = view.snapshot(null, null);
            assertThat(changed(frame, back, box)).as("same box, drawn from a finer picture").isLessThan(0.35);
        });
    }

    @Test
    void theBoxLayerTakesClicksButDrawsNothingItself(FxRobot robot) {
        robot.interact(() -> open("01-hello-goroutine.json"));
        ThreadBox m0 = view.threadBox(0);
        assertThat(m0.getParent().getOpacity()).isZero();
        robot.clickOn(m0);
        assertThat(model.selectionProperty().get()).hasToString("M0");
    }

    /** Opens a lesson where main runs (a lesson opens on its title card, before the process exists). */
    /**
     * A box restyles only its skin and top row, and its badges when one turned red or back ({@link ThreadBox#restyle}),
     * not every node it has: what it shows right after, with no pulse between, must still be the new state's look.
     */
    @Test
    void aBoxRestyledInPartsShowsTheNewStateAtOnce(FxRobot robot) {
        robot.interact(() -> {
            open("05-setns-without-lock.json");
            int change = firstEvent(e -> e instanceof Event.ThreadPropertyChanged p
                    && p.property() == Property.NETNS);
            int m = ((Event.ThreadPropertyChanged) model.events().get(change)).m();
            model.playback().seek(change);
            var before = model.getState();
            model.playback().seek(change + 1);
            var after = model.getState();
            ThreadBox box = new ThreadBox(m);
            Pane holder = new Pane(box);
            holder.getStyleClass().addAll("curtain", "theme-light", "text-100");
            Scene scene = new Scene(holder);
            scene.getStylesheets().addAll(view.getScene().getStylesheets());
            box.update(before, false, false, false);
            box.restyle();
            box.layout();
            assertThat(skinBorder(box)).isNotEqualTo(Color.web("#c62828"));
            assertThat(badgeFill(box)).isNotEqualTo(Color.web("#c62828"));
            box.update(after, false, true, false);
            box.restyle();
            assertThat(skinBorder(box)).as("red border").isEqualTo(Color.web("#c62828"));
            assertThat(badgeFill(box)).as("red net badge").isEqualTo(Color.web("#c62828"));
            // and back: the badges' pass is due again when one turns back
            box.update(before, false, false, true);
            box.restyle();
            assertThat(skinBorder(box)).as("selected border").isEqualTo(Color.web("#5b4bd6"));
            assertThat(badgeFill(box)).isNotEqualTo(Color.web("#c62828"));
            // the state text's weight follows the box's state, read from the top row: bold while it runs a G
            var running = stateWhere(m, a -> a == ThreadActivity.RUNNING);
            var idle = stateWhere(m, a -> a == ThreadActivity.IDLE);
            javafx.scene.control.Label state = (javafx.scene.control.Label) box.lookup(".thread-state");
            box.update(running, false, false, false);
            box.restyle();
            assertThat(state.getFont().getStyle()).as("running").containsIgnoringCase("bold");
            box.update(idle, false, false, false);
            box.restyle();
            assertThat(state.getFont().getStyle()).as("idle").doesNotContainIgnoringCase("bold");
        });
    }

    /** The first state of the open run in which thread {@code m} does what {@code wanted} takes. */
    private SchedState stateWhere(int m, Predicate<ThreadActivity> wanted) {
        for (int i = 0; i < model.playback().getSize(); i++) {
            model.playback().seek(i);
            var s = model.getState();
            if (m < s.threads().size()
                    && wanted.test(ThreadActivity.of(s.thread(m), s.gomaxprocs()))) {
                return s;
            }
        }
        throw new AssertionError("no such state of M" + m);
    }

    private static Color skinBorder(ThreadBox box) {
        Region skin = (Region) box.lookup(".thread-skin");
        return (Color) skin.getBorder().getStrokes().get(0).getTopStroke();
    }

    private static Color badgeFill(ThreadBox box) {
        return (Color) box.badge(Property.NETNS).getBackground().getFills().get(0).getFill();
    }

    private void open(String lesson) {
        model.open(ScenarioFiles.loadResource(lesson).orThrow(), e -> {
            throw new AssertionError(e);
        });
        model.playback().seek(ViewerModel.openingIndex(model.recording()));
    }

    private int firstEvent(Predicate<Event> p) {
        List<Event> events = model.events();
        for (int i = 0; i < events.size(); i++) {
            if (p.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such event");
    }

    /** The share of pixels inside {@code r} that differ between two frames. */
    private static double changed(WritableImage a, WritableImage b, Rect r) {
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        return fraction(r, (x, y) -> pa.getArgb(x, y) != pb.getArgb(x, y));
    }

    /** The share of pixels inside {@code r} whose colour passes {@code p}. */
    private static double share(WritableImage img, Rect r, Predicate<Color> p) {
        PixelReader pr = img.getPixelReader();
        return fraction(r, (x, y) -> p.test(pr.getColor(x, y)));
    }

    private static double fraction(Rect r, BiPredicate<Integer, Integer> hit) {
        int n = 0;
        int hits = 0;
        for (int y = (int) r.y(); y < (int) r.bottom(); y++) {
            for (int x = (int) r.x(); x < (int) r.right(); x++) {
                n++;
                if (hit.test(x, y)) {
                    hits++;
                }
            }
        }
        return n == 0 ? 0 : (double) hits / n;
    }
}
