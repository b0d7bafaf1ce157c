package dev.curtain.app;

import dev.curtain.scenario.CueMatch;
import dev.curtain.scenario.CuePoint;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The cue at the current event: its id, the caption the audience reads, the speaker's notes, whether playback
 * pauses there, and which entities light up. OK is refused until the fields would make a valid file.
 */
final class CueEditorDialog extends Dialog<CuePoint> {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern ENTITY = Pattern.compile("[GPM][0-9]+");

    final TextField id = new TextField();
    final TextArea caption = new TextArea();
    final TextArea notes = new TextArea();
    final CheckBox pause = new CheckBox("Pause playback here");
    final TextField highlight = new TextField();

    CueEditorDialog(Window owner, String eventText, CuePoint existing, String freshId, CueMatch match) {
        initOwner(owner);
        setTitle(existing == null ? "Add a cue" : "Edit cue " + existing.id());
        setHeaderText("At: " + eventText);
        id.setText(existing == null ? freshId : existing.id());
        caption.setText(existing == null ? "" : existing.caption());
        notes.setText(existing == null ? "" : existing.notes());
        pause.setSelected(existing != null && existing.pause());
        highlight.setText(existing == null ? "" : String.join(" ", existing.highlight()));
        highlight.setPromptText("G2 M0 P0");
        caption.setWrapText(true);
        notes.setWrapText(true);
        caption.setPrefRowCount(3);
        notes.setPrefRowCount(4);
        id.setId("cue-id");
        caption.setId("cue-caption");
        notes.setId("cue-notes");
        pause.setId("cue-pause");
        highlight.setId("cue-highlight");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("export-form");
        grid.addRow(0, new Label("Id"), id);
        grid.addRow(1, new Label("Caption"), caption);
        grid.addRow(2, new Label("Speaker notes"), notes);
        grid.addRow(3, new Label(""), pause);
        grid.addRow(4, new Label("Highlight"), highlight);
        getDialogPane().setContent(grid);
        getDialogPane().getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> !valid(), id.textProperty(),
                        caption.textProperty(), highlight.textProperty()));
        setResultConverter(b -> b == ButtonType.OK ? cue(match) : null);
    }

    boolean valid() {
        return ID.matcher(id.getText().strip()).matches() && !caption.getText().isBlank()
                && entities().stream().allMatch(e -> ENTITY.matcher(e).matches());
    }

    private List<String> entities() {
        String h = highlight.getText().strip();
        return h.isEmpty() ? List.of() : Arrays.asList(h.split("[\\s,]+"));
    }

    CuePoint cue(CueMatch match) {
        return new CuePoint(id.getText().strip(), match, caption.getText().strip(), notes.getText().strip(),
                pause.isSelected(), entities());
    }
}
