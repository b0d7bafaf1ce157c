package dev.curtain.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.engine.GoVersion;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.render.Rect;
import dev.curtain.render.StageGeometry;
import dev.curtain.render.ThreadActivity;
import dev.curtain.scenario.Scenario;
import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The stage never says what the engine does not: after every event of every lesson, on every Go version the
 * lesson offers (its own and those it compares), each thread box on stage shows the activity the engine's state
 * of that M means, in words and as the pseudo-class that colours it, and sits in the zone (or the lane of the P)
 * that activity belongs to.
 */
@ExtendWith(ApplicationExtension.class)
class StageTruthTest {
    private ViewerModel model;
    private StageView view;

    @Start
    void start(Stage stage) {
        model = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        view = new StageView(model, Duration.ZERO);
        Scene scene = new Scene(view, 1280, 560);
        scene.getStylesheets().add(StageView.class.getResource("/dev/curtain/app/curtain.css").toExternalForm());
        scene.getRoot().getStyleClass().addAll("curtain", "theme-light", "text-100");
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void everyBoxAgreesWithTheEngineAfterEveryEventOfEveryLessonOnEveryProfile(FxRobot robot) {
        List<String> faults = new ArrayList<>();
        int[] checked = new int[1];
        for (Scenario lesson : new ShippedLessons().lessons()) {
            Set<GoVersion> versions = new LinkedHashSet<>();
            versions.add(lesson.options().version());
            versions.addAll(lesson.compare());
            for (GoVersion v : versions) {
                Scenario run = lesson.withOptions(lesson.options().withVersion(v));
                ViewerModel walk = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
                walk.open(run, e -> {
                    throw new AssertionError(e);
                });
                Map<Integer, ThreadBox> boxes = new TreeMap<>();
                robot.interact(() -> {
                    for (int i = 0; i <= walk.playback().getSize() && faults.size() < 20; i++) {
                        walk.playback().seek(i);
                        SchedState s = walk.getState();
                        // the sizes a projector and a compare column give the stage, where zones are tightest
                        for (double[] size : new double[][] {{1280, 560}, {640, 560}}) {
                            StageGeometry geo = StageGeometry.compute(s, size[0], size[1]);
                            checked[0] += check(lesson.title() + " on Go " + v + " after event " + i + " at "
                                    + (int) size[0] + " px", s, geo, m -> {
                                        ThreadBox b = boxes.computeIfAbsent(m, ThreadBox::new);
                                        b.update(s, geo.compact(m), false, false);
                                        return b;
                                    }, faults);
                        }
                    }
                });
            }
        }
        assertThat(faults).as("boxes that contradict the engine").isEmpty();
        assertThat(checked[0]).as("boxes checked").isGreaterThan(20_000);
    }

    @Test
    void theWindowsStageShowsTheSameAsTheEngineThroughTheLockedThreadsExit(FxRobot robot) {
        List<String> faults = new ArrayList<>();
        Scenario lesson = new ShippedLessons().lessons().stream()
                .filter(l -> l.title().startsWith("9. ")).findFirst().orElseThrow();
        for (GoVersion v : List.of(GoVersion.GO_1_9, GoVersion.GO_1_10)) {
            robot.interact(() -> {
                model.open(lesson.withOptions(lesson.options().withVersion(v)), e -> {
                    throw new AssertionError(e);
                });
                for (int i = 0; i <= model.playback().getSize() && faults.size() < 20; i++) {
                    model.playback().seek(i);
                    check("lesson 9 on Go " + v + " after event " + i, model.getState(), view.geometry(),
                            view::threadBox, faults);
                }
            });
        }
        assertThat(faults).as("boxes that contradict the engine").isEmpty();
    }

    /** Checks every box on stage; returns how many it checked. */
    private static int check(String where, SchedState s, StageGeometry geo, IntFunction<ThreadBox> boxOf,
                             List<String> faults) {
        int n = 0;
        for (ThreadState t : s.threads()) {
            Rect home = t.id() < geo.mBox.length ? geo.mBox[t.id()] : null;
            if (!t.alive() || home == null || geo.mFolded[t.id()]) {
                continue;
            }
            n++;
            ThreadActivity truth = ThreadActivity.of(t, s.gomaxprocs());
            ThreadBox box = boxOf.apply(t.id());
            String m = where + ": M" + t.id() + " (" + t.state().key() + ", P" + t.p() + ", G" + t.curg() + ")";
            if (box == null) {
                faults.add(m + " has a place but no box");
                continue;
            }
            if (box.activity() != truth) {
                faults.add(m + " box shows " + box.activity() + ", engine means " + truth);
            }
            if (!box.getPseudoClassStates().contains(PseudoClass.getPseudoClass(truth.key()))) {
                faults.add(m + " box is not styled :" + truth.key());
            }
            String words = box.stateText();
            boolean running = words.startsWith("running");
            if (running != (truth == ThreadActivity.RUNNING)) {
                faults.add(m + " box reads '" + words + "'");
            }
            if (truth == ThreadActivity.RUNNING && !words.equals("running G" + t.curg())) {
                faults.add(m + " box reads '" + words + "' but runs G" + t.curg());
            }
            Rect area = truth.onALane() ? geo.lanes.get(t.p()).bounds() : geo.zone(truth.zone()).bounds();
            if (!inside(home, area)) {
                faults.add(m + " box at " + home + " is outside " + (truth.onALane() ? "P" + t.p() : truth.zone()));
            }
        }
        return n;
    }

    private static boolean inside(Rect r, Rect area) {
        return r.x() >= area.x() - 0.5 && r.y() >= area.y() - 0.5 && r.right() <= area.right() + 0.5
                && r.bottom() <= area.bottom() + 0.5;
    }
}
