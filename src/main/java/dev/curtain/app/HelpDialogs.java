package dev.curtain.app;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help → Keyboard Shortcuts and Help → About: what a lecturer looks up before the talk. */
final class HelpDialogs {
    /** Every key the window answers, as the README's table lists them. */
    static final List<String[]> SHORTCUTS = List.of(
            new String[] {"Space", "play / pause (playback stops by itself at cue points that pause)"},
            new String[] {"Right, PageDown", "step one event forward (a presentation clicker sends these)"},
            new String[] {"Left, PageUp", "step one event back"},
            new String[] {"Home / End", "the start / the end of the run"},
            new String[] {"+ / -", "speed, 0.25x to 8x"},
            new String[] {"F5", "present: full screen, projector theme, large captions, speaker notes"},
            new String[] {"B / Esc", "while presenting: blank the screen / leave"},
            new String[] {"Ctrl+K", "compare two Go versions side by side"},
            new String[] {"Ctrl+= / Ctrl+-", "larger / smaller text for big rooms"},
            new String[] {"Ctrl+I / Ctrl+L", "hide or show the inspector / the source and event log"},
            new String[] {"Ctrl+Shift+X", "what could happen: run the scenario over many seeds (Explore panel)"},
            new String[] {"Ctrl+Shift+N", "the next seed: another run of the same program"},
            new String[] {"Ctrl+U", "add or edit the cue at the event on screen"},
            new String[] {"Ctrl+S", "save the scenario (the previous file is kept as FILE.bak)"},
            new String[] {"Ctrl+E / Ctrl+Shift+E", "export the frame as PNG / a range as GIF or MP4"},
            new String[] {"F1", "how to read the stage"});

    private HelpDialogs() {
    }

    static void shortcuts(Window owner) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-table");
        for (int i = 0; i < SHORTCUTS.size(); i++) {
            Label key = new Label(SHORTCUTS.get(i)[0]);
            key.getStyleClass().add("shortcut-key");
            grid.addRow(i, key, new Label(SHORTCUTS.get(i)[1]));
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("Keyboard Shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(grid);
        a.getDialogPane().getStylesheets().add(HelpDialogs.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        a.show();
    }

    /** The version the jar was built as, or "development build" when run from classes. */
    static String version() {
        String v = HelpDialogs.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    static void about(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("About Curtain");
        a.setHeaderText("Curtain " + version());
        Label text = new Label("Animates what the Go runtime scheduler does with goroutines (G), processors (P) and "
                + "OS threads (M), and what Linux does with each thread's own properties.\n\nJava "
                + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version", "?"));
        text.setWrapText(true);
        text.setMaxWidth(520);
        a.getDialogPane().setContent(text);
        a.show();
    }
}
