package dev.curtain.app;

import dev.curtain.view.model.SpeakerNotes;
import dev.curtain.view.model.ViewerModel;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;

/**
 * Presenting to a room: full screen, the menus, toolbar, inspector, source and log hidden (the stage, a large
 * caption and the timeline stay), the projector theme and large text unless the speaker chose otherwise before,
 * and the speaker notes on a window of their own. B blanks the screen; Esc (or leaving full screen) ends it and
 * puts everything back as it was.
 *
 * <p>Whether the window presents is the {@link WindowModel}'s: it changes the theme and text size and hides the
 * chrome and panels through the bindings everything else uses; this class does what only a stage can (full screen,
 * the notes window, the style class the stylesheet keys on, blanking).
 */
final class PresenterMode {
    /** Text size while presenting, in percent: readable from the back of a lecture hall. */
    static final int TEXT_SIZE = WindowModel.PRESENTING_TEXT_SIZE;

    private final WindowModel window;
    private final Stage stage;
    private final Parent root;
    private final List<Node> content;
    private final SpeakerNotes notes;
    private final ReadOnlyBooleanWrapper blanked = new ReadOnlyBooleanWrapper(this, "blanked", false);
    private SpeakerNotesWindow notesWindow;

    /**
     * @param content what blanking hides (everything the audience sees)
     */
    PresenterMode(WindowModel window, ViewerModel model, Stage stage, Parent root, List<Node> content) {
        this.window = window;
        this.stage = stage;
        this.root = root;
        this.content = content;
        this.notes = new SpeakerNotes(model);
        window.presentingProperty().addListener((o, was, now) -> {
            if (now) {
                entered();
            } else {
                left();
            }
        });
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now && window.isPresenting()) {
                leave();
            }
        });
    }

    ReadOnlyBooleanProperty activeProperty() { return window.presentingProperty(); }
    boolean isActive() { return window.isPresenting(); }
    boolean isBlanked() { return blanked.get(); }
    SpeakerNotes notes() { return notes; }
    SpeakerNotesWindow notesWindow() { return notesWindow; }

    void toggle() {
        if (window.isPresenting()) {
            leave();
        } else {
            enter();
        }
    }

    void enter() {
        window.startPresenting();
    }

    void leave() {
        window.stopPresenting();
    }

    private void entered() {
        root.getStyleClass().add("presenting");
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        notesWindow = new SpeakerNotesWindow(stage, notes, MainWindow.class.getResource(MainWindow.STYLESHEET)
                .toExternalForm(), window.getTheme().styleClass());
        notesWindow.show(stage);
        stage.requestFocus();
    }

    private void left() {
        setBlanked(false);
        root.getStyleClass().remove("presenting");
        if (notesWindow != null) {
            notesWindow.close();
            notesWindow = null;
        }
        stage.setFullScreen(false);
    }

    /** N: the speaker notes over the stage on a one-screen setup, or away again. */
    void toggleNotes() {
        if (notesWindow != null) {
            notesWindow.toggle();
        }
    }

    /** B on a clicker: a black screen, so the room looks at the speaker; B again brings the stage back. */
    void toggleBlank() {
        setBlanked(!blanked.get());
    }

    private void setBlanked(boolean b) {
        blanked.set(b);
        content.forEach(n -> n.setVisible(!b));
        if (b) {
            root.getStyleClass().add("blanked");
        } else {
            root.getStyleClass().remove("blanked");
        }
    }
}
