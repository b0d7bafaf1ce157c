package dev.curtain.app;

import dev.curtain.engine.GoVersion;
import dev.curtain.scenario.Scenario;
import dev.curtain.view.CaptionBar;
import dev.curtain.view.Icons;
import dev.curtain.view.StageView;
import dev.curtain.view.TimelineView;
import dev.curtain.view.model.CompareModel;
import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Two Go versions side by side: the same scenario simulated under each, each with its stage, caption and timeline,
 * kept in step by cue or by time ({@link CompareModel}); amber diamonds on each timeline mark the events the other
 * version does not have. The keys are the main window's: Space, Right/PageDown, Left/PageUp, Home.
 */
final class CompareWindow {
    /** On both caption bars while the two versions' captions differ. */
    static final javafx.css.PseudoClass CAPTIONS_DIFFER = javafx.css.PseudoClass.getPseudoClass("differs");
    private final Stage stage = new Stage();
    /** Whether the window has filled its screen once (its first opening): after that it keeps what the user made of it. */
    private boolean placed;
    private javafx.beans.binding.BooleanBinding captionsDiffer;
    private final CompareModel model;
    private final StageView leftStage;
    private final StageView rightStage;
    private final TimelineView leftTimeline;
    private final TimelineView rightTimeline;
    private final ComboBox<GoVersion> leftVersion = new ComboBox<>();
    private final ComboBox<GoVersion> rightVersion = new ComboBox<>();
    private final ChoiceBox<CompareModel.Sync> sync = new ChoiceBox<>();
    private final AnimationTimer loop;
    private Scenario scenario;
    /** Undoes the bindings to the main window's theme and text size when this window closes. */
    private final List<Runnable> unfollow = new java.util.ArrayList<>();

    /**
     * @param theme    the main window's theme, followed while the window is open
     * @param textSize the main window's text size in percent, followed likewise
     */
    CompareWindow(Window owner, SimulationRunner runner, ObservableValue<Theme> theme, ObservableValue<Number> textSize,
                  Duration tween) {
        ViewerModel left = new ViewerModel(runner, EventExplainer.standard());
        ViewerModel right = new ViewerModel(runner, EventExplainer.standard());
        model = new CompareModel(left, right);
        leftStage = new StageView(left, tween);
        rightStage = new StageView(right, tween);
        leftStage.setId("compare-left-stage");
        rightStage.setId("compare-right-stage");
        leftTimeline = new TimelineView(left);
        rightTimeline = new TimelineView(right);
        leftTimeline.setId("compare-left-timeline");
        rightTimeline.setId("compare-right-timeline");
        leftTimeline.differencesProperty().bind(model.leftDifferencesProperty());
        rightTimeline.differencesProperty().bind(model.rightDifferencesProperty());
        for (StageView s : List.of(leftStage, rightStage)) {
            s.paletteProperty().bind(theme.map(Theme::palette));
            s.fontScaleProperty().bind(textSize.map(p -> p.doubleValue() / 100.0));
            unfollow.add(s.paletteProperty()::unbind);
            unfollow.add(s.fontScaleProperty()::unbind);
        }
        for (TimelineView t : List.of(leftTimeline, rightTimeline)) {
            t.paletteProperty().bind(theme.map(Theme::palette));
            unfollow.add(t.paletteProperty()::unbind);
        }
        CaptionBar leftCaption = new CaptionBar(left);
        CaptionBar rightCaption = new CaptionBar(right);
        leftCaption.setId("compare-left-caption");
        rightCaption.setId("compare-right-caption");
        // the same words on both sides say nothing new; where the versions part ways, both captions say so
        javafx.beans.binding.BooleanBinding differ = left.captionProperty().isNotEqualTo(right.captionProperty());
        differ.addListener((o, a, b) -> {
            leftCaption.pseudoClassStateChanged(CAPTIONS_DIFFER, b);
            rightCaption.pseudoClassStateChanged(CAPTIONS_DIFFER, b);
        });
        captionsDiffer = differ;
        HBox columns = new HBox(column(left, leftStage, leftCaption, leftTimeline, leftVersion),
                column(right, rightStage, rightCaption, rightTimeline, rightVersion));
        columns.getStyleClass().add("compare-columns");
        BorderPane root = new BorderPane(columns);
        root.setTop(toolBar());
        root.getStyleClass().addAll("curtain", "compare");
        follow(root, "theme-", theme.map(Theme::styleClass), unfollow);
        follow(root, "text-", textSize.map(p -> "text-" + p.intValue()), unfollow);
        Scene scene = new Scene(root, 1600, 900);
        scene.getStylesheets().add(CompareWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        stage.setScene(scene);
        stage.initOwner(owner);
        loop = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.left().playback().tick(now);
                leftStage.frame(now);
                rightStage.frame(now);
            }
        };
        stage.setOnHidden(e -> {
            loop.stop();
            // the main window's model outlives this window: let go of it, so a closed comparison is collected
            unfollow.forEach(Runnable::run);
        });
    }

    /** Keeps one style class of {@code root} that starts with {@code prefix}: the one {@code styleClass} says. */
    private static void follow(javafx.scene.Parent root, String prefix, ObservableValue<String> styleClass,
                               List<Runnable> unfollow) {
        Runnable apply = () -> {
            root.getStyleClass().removeIf(c -> c.startsWith(prefix));
            root.getStyleClass().add(styleClass.getValue());
        };
        javafx.beans.value.ChangeListener<String> listener = (o, a, b) -> apply.run();
        styleClass.addListener(listener);
        unfollow.add(() -> styleClass.removeListener(listener));
        apply.run();
    }

    /** Whether the two sides' captions say different things now (tests). */
    boolean captionsDiffer() {
        return captionsDiffer.get();
    }

    private VBox column(ViewerModel m, StageView s, CaptionBar caption, TimelineView t,
                        ComboBox<GoVersion> version) {
        Label title = new Label();
        title.getStyleClass().add("compare-title");
        title.textProperty().bind(m.versionProperty().map(v -> "Go " + v));
        VBox box = new VBox(title, s, caption, t);
        box.getStyleClass().add("compare-column");
        VBox.setVgrow(s, Priority.ALWAYS);
        // a long caption on a half-width side wraps to three lines
        s.yieldHeightToTheCaption();
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMinWidth(0);
        box.setPrefWidth(800);
        version.getItems().setAll(GoVersion.PROFILES);
        version.setOnAction(e -> reopen());
        return box;
    }

    private ToolBar toolBar() {
        sync.getItems().setAll(CompareModel.Sync.values());
        sync.setValue(CompareModel.Sync.CUE);
        sync.setId("compare-sync");
        sync.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CompareModel.Sync s) {
                return s == CompareModel.Sync.CUE ? "In step by cue" : "In step by time";
            }

            @Override
            public CompareModel.Sync fromString(String s) {
                return null;
            }
        });
        model.syncProperty().bind(sync.valueProperty());
        leftVersion.setId("compare-left-version");
        rightVersion.setId("compare-right-version");
        return new ToolBar(new Label("Left"), leftVersion, new Label("Right"), rightVersion, sync,
                button("compare-restart", Icons.RESTART, "Restart (Home)", model::restart),
                button("compare-back", Icons.STEP_BACK, "Step back (Left, PageUp)", model::stepBack),
                button("compare-play", Icons.PLAY, "Play / pause (Space)", model::togglePlay),
                button("compare-forward", Icons.STEP_FORWARD, "Step forward (Right, PageDown)", model::stepForward),
                button("compare-next-cue", Icons.STEP_FORWARD, "Next cue (N)", model::nextCue));
    }

    private static Button button(String id, String icon, String tip, Runnable action) {
        return Icons.toolButton(id, icon, tip, action);
    }

    /** Simulates {@code s} under {@code a} (left) and {@code b} (right) and shows the window. */
    void show(Scenario s, GoVersion a, GoVersion b) {
        scenario = s;
        leftVersion.setValue(a.profile());
        rightVersion.setValue(b.profile());
        stage.setTitle(s.title() + " — Go " + a + " and " + b + " — Curtain");
        model.open(s, a, b, err -> ErrorDialogs.exception(stage, err));
        if (!placed) {
            // at its scene's 1600x900 it would spill off a 1280x720 projector, captions and toolbar cut
            FillScreen.of(stage, stage.getOwner());
            placed = true;
        }
        stage.show();
        stage.requestFocus();
        loop.start();
    }

    private void reopen() {
        if (scenario != null && leftVersion.getValue() != null && rightVersion.getValue() != null) {
            model.open(scenario, leftVersion.getValue(), rightVersion.getValue(),
                    err -> ErrorDialogs.exception(stage, err));
        }
    }

    /** The two versions a scenario is compared under: its own compare list, else its version and the next profile. */
    static GoVersion[] versionsFor(Scenario s) {
        if (s.compare().size() >= 2) {
            return new GoVersion[] {s.compare().get(0), s.compare().get(1)};
        }
        GoVersion own = s.options().version();
        for (GoVersion p : GoVersion.PROFILES) {
            if (p.compareTo(own) > 0) {
                return new GoVersion[] {own, p};
            }
        }
        return new GoVersion[] {GoVersion.PROFILES.get(0), own};
    }

    private void onKey(KeyEvent e) {
        boolean handled = true;
        KeyCode k = e.getCode();
        switch (k) {
            case SPACE -> model.togglePlay();
            case RIGHT, PAGE_DOWN -> model.stepForward();
            case LEFT, PAGE_UP -> model.stepBack();
            case HOME -> model.restart();
            case N -> model.nextCue();
            case ESCAPE -> stage.close();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    CompareModel model() { return model; }
    Stage stage() { return stage; }
    TimelineView leftTimeline() { return leftTimeline; }
    TimelineView rightTimeline() { return rightTimeline; }
}
