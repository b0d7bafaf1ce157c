package dev.curtain.app;

import dev.curtain.view.model.SpeakerNotes;
import java.time.LocalTime;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The presenter's own window, for a second screen: the current cue's caption and speaker notes, and what the
 * next cue will say. Opened on the other screen when there is one.
 */
final class SpeakerNotesWindow {
    private final Stage stage = new Stage();
    private final Label current = label("notes-current");
    private final Label notes = label("notes-text");
    private final Label next = label("notes-next");
    private final Label position = label("notes-position");
    /** Time since presenting started, and the time of day: a speaker paces a talk by them. */
    private final Label clock = label("notes-clock");
    private final Timeline ticker;
    private final long started;

    SpeakerNotesWindow(Window owner, SpeakerNotes model, String stylesheet, String themeClass) {
        current.textProperty().bind(model.currentProperty());
        // an empty notes area reads as broken; say there are none
        notes.textProperty().bind(model.notesProperty().map(s -> s.isBlank() ? "(no notes for this cue)" : s));
        next.textProperty().bind(model.nextProperty().map(s -> s.isEmpty() ? "(no more cues)" : "Next: " + s));
        position.textProperty().bind(model.positionProperty());
        Label notesTitle = new Label("Notes");
        notesTitle.getStyleClass().add("panel-title");
        started = System.nanoTime();
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        tick();
        VBox box = new VBox(clock, position, current, notesTitle, notes, next);
        box.getStyleClass().add("speaker-notes");
        box.setId("speaker-notes");
        Scene scene = new Scene(box, 720, 480);
        scene.getStylesheets().add(stylesheet);
        scene.getRoot().getStyleClass().addAll(themeClass, "text-150");
        stage.setScene(scene);
        stage.setTitle("Speaker notes — Curtain");
        stage.initOwner(owner);
    }

    private void tick() {
        clock.setText(clockText(java.time.Duration.ofNanos(System.nanoTime() - started), LocalTime.now()));
    }

    /** "12:04 presenting · 14:37": minutes and seconds since the talk began, and the time of day. */
    static String clockText(java.time.Duration elapsed, LocalTime now) {
        long s = elapsed.toSeconds();
        return String.format(java.util.Locale.ROOT, "%d:%02d presenting  ·  %02d:%02d", s / 60, s % 60,
                now.getHour(), now.getMinute());
    }

    /** The clock's text now (tests). */
    String clockText() {
        return clock.getText();
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(id);
        l.setWrapText(true);
        return l;
    }

    /**
     * Opens on a second screen when there is one, so the audience never sees the notes; with one screen it waits
     * for N (the full-screen stage would cover it, and a window over the stage would show the notes to the room).
     */
    void show(Window main) {
        ticker.play();
        for (Screen s : Screen.getScreens()) {
            if (!s.getBounds().contains(main.getX() + 1, main.getY() + 1)) {
                stage.setX(s.getVisualBounds().getMinX() + 40);
                stage.setY(s.getVisualBounds().getMinY() + 40);
                stage.show();
                return;
            }
        }
    }

    /** N while presenting on one screen: the notes over the stage, on top, and N again hides them. */
    void toggle() {
        if (stage.isShowing()) {
            stage.hide();
        } else {
            stage.setAlwaysOnTop(true);
            stage.show();
            // the clicker keeps driving the stage, not the notes
            if (stage.getOwner() instanceof Stage main) {
                main.requestFocus();
            }
        }
    }

    void close() {
        ticker.stop();
        stage.close();
    }

    boolean isShowing() {
        return stage.isShowing();
    }
}
