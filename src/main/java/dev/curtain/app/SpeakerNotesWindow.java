package dev.curtain.app;

import dev.curtain.view.model.SpeakerNotes;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

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

    SpeakerNotesWindow(Window owner, SpeakerNotes model, String stylesheet, String themeClass) {
        current.textProperty().bind(model.currentProperty());
        notes.textProperty().bind(model.notesProperty());
        next.textProperty().bind(model.nextProperty().map(s -> s.isEmpty() ? "(no more cues)" : "Next: " + s));
        position.textProperty().bind(model.positionProperty());
        Label notesTitle = new Label("Notes");
        notesTitle.getStyleClass().add("panel-title");
        VBox box = new VBox(position, current, notesTitle, notes, next);
        box.getStyleClass().add("speaker-notes");
        box.setId("speaker-notes");
        Scene scene = new Scene(box, 720, 480);
        scene.getStylesheets().add(stylesheet);
        scene.getRoot().getStyleClass().addAll(themeClass, "text-150");
        stage.setScene(scene);
        stage.setTitle("Speaker notes — Curtain");
        stage.initOwner(owner);
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(id);
        l.setWrapText(true);
        return l;
    }

    void show(Window main) {
        // on a second screen when there is one, so the audience never sees the notes
        for (Screen s : Screen.getScreens()) {
            if (!s.getBounds().contains(main.getX() + 1, main.getY() + 1)) {
                stage.setX(s.getVisualBounds().getMinX() + 40);
                stage.setY(s.getVisualBounds().getMinY() + 40);
                break;
            }
        }
        stage.show();
    }

    void close() {
        stage.close();
    }

    boolean isShowing() {
        return stage.isShowing();
    }
}
