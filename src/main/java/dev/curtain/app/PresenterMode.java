package dev.curtain.app;

import dev.curtain.view.model.SpeakerNotes;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/**
 * Presenting to a room: full screen, the menus, toolbar, inspector, source and log hidden (the stage, a large
 * caption and the timeline stay), the projector theme and large text unless the speaker chose otherwise before,
 * and the speaker notes on a window of their own. B blanks the screen; Esc (or leaving full screen) ends it and
 * puts everything back as it was.
 */
final class PresenterMode {
    /** Text size while presenting, in percent: readable from the back of a lecture hall. */
    static final int TEXT_SIZE = 150;

    private final MainWindow window;
    private final Stage stage;
    private final Parent root;
    private final List<Node> chrome;
    private final SplitPane mainSplit;
    private final Node inspector;
    private final List<Node> content;
    private final SpeakerNotes notes;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    private final ReadOnlyBooleanWrapper blanked = new ReadOnlyBooleanWrapper(this, "blanked", false);
    private SpeakerNotesWindow notesWindow;
    private Theme themeBefore;
    private int textSizeBefore;
    private double dividerBefore;
    private boolean inspectorBefore;
    private final List<Boolean> chromeBefore = new java.util.ArrayList<>();

    /**
     * @param chrome what presenting hides (menus and toolbar, the source and log panels); the legend stays, compact
     * @param content what blanking hides (everything the audience sees)
     */
    PresenterMode(MainWindow window, Stage stage, Parent root, List<Node> chrome, SplitPane mainSplit, Node inspector,
                  List<Node> content) {
        this.window = window;
        this.stage = stage;
        this.root = root;
        this.chrome = chrome;
        this.mainSplit = mainSplit;
        this.inspector = inspector;
        this.content = content;
        this.notes = new SpeakerNotes(window.model());
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now && active.get()) {
                leave();
            }
        });
    }

    ReadOnlyBooleanProperty activeProperty() { return active.getReadOnlyProperty(); }
    boolean isActive() { return active.get(); }
    boolean isBlanked() { return blanked.get(); }
    SpeakerNotes notes() { return notes; }
    SpeakerNotesWindow notesWindow() { return notesWindow; }

    void toggle() {
        if (active.get()) {
            leave();
        } else {
            enter();
        }
    }

    void enter() {
        if (active.get()) {
            return;
        }
        active.set(true);
        themeBefore = window.theme();
        textSizeBefore = window.textSize();
        // a speaker who picked a theme for this room keeps it; the default light one gives way to the projector's
        if (themeBefore == Theme.LIGHT) {
            window.setTheme(Theme.PROJECTOR);
        }
        window.setTextSize(Math.max(TEXT_SIZE, textSizeBefore));
        // what the speaker had hidden before (View → Inspector, Source and Event Log) stays hidden afterwards
        chromeBefore.clear();
        chrome.forEach(n -> chromeBefore.add(n.isVisible()));
        chrome.forEach(n -> show(n, false));
        inspectorBefore = mainSplit.getItems().contains(inspector);
        dividerBefore = mainSplit.getDividerPositions().length > 0 ? mainSplit.getDividerPositions()[0] : 0.62;
        mainSplit.getItems().remove(inspector);
        root.getStyleClass().add("presenting");
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        notesWindow = new SpeakerNotesWindow(stage, notes, MainWindow.class.getResource(MainWindow.STYLESHEET)
                .toExternalForm(), window.theme().styleClass());
        notesWindow.show(stage);
        stage.requestFocus();
    }

    void leave() {
        if (!active.get()) {
            return;
        }
        active.set(false);
        setBlanked(false);
        root.getStyleClass().remove("presenting");
        for (int i = 0; i < chrome.size(); i++) {
            show(chrome.get(i), chromeBefore.get(i));
        }
        if (inspectorBefore && !mainSplit.getItems().contains(inspector)) {
            mainSplit.getItems().add(inspector);
            mainSplit.setDividerPositions(dividerBefore);
        }
        window.setTheme(themeBefore);
        window.setTextSize(textSizeBefore);
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

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}
