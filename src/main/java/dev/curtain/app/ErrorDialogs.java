package dev.curtain.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** The two dialogs bad input and bugs lead to: a file's errors, and an unexpected exception. */
public final class ErrorDialogs {
    private ErrorDialogs() {
    }

    /** Lists every error in {@code file}; the scenario on screen stays as it was. */
    public static Alert openErrors(Window owner, Path file, List<String> errors) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setTitle("Cannot open " + file.getFileName());
        a.setHeaderText(file.getFileName() + " has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + "; the current scenario stays open.");
        ListView<String> list = new ListView<>();
        list.getItems().setAll(errors);
        list.setId("error-list");
        // each error whole, wrapped to the list's width: a FILE:LINE:COL line is long, and a sideways scrollbar
        // would hide the part that says what is wrong
        list.setCellFactory(v -> new WrappingCell(v));
        list.setPrefSize(760, Math.min(420, 40 + 52 * errors.size()));
        a.getDialogPane().setContent(list);
        a.getDialogPane().getStyleClass().add("open-errors-dialog");
        a.setResizable(true);
        a.show();
        return a;
    }

    /** A list cell whose text wraps at the list's width. */
    static final class WrappingCell extends javafx.scene.control.ListCell<String> {
        WrappingCell(ListView<String> list) {
            setWrapText(true);
            // the list's width less its scrollbar and padding
            prefWidthProperty().bind(list.widthProperty().subtract(28));
            setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            getStyleClass().add("error-cell");
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }
    }

    /**
     * A save the disk refused (a folder that cannot be written, a full disk): what happened in plain words, and that
     * the file and the changes are as they were. Not an "unexpected problem": nothing is wrong with Curtain.
     */
    public static Alert saveFailed(Window owner, Path file, String reason) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("Cannot save " + file.getFileName());
        a.setHeaderText("Cannot save " + file.getFileName());
        a.setContentText(reason + "\n\nThe file on disk is unchanged and your changes are still here, unsaved.");
        a.getDialogPane().getStyleClass().add("save-failed-dialog");
        a.show();
        return a;
    }

    /** Something went wrong in Curtain itself: say so, show the details, keep the window alive. */
    public static Alert exception(Window owner, Throwable t) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("Something went wrong");
        a.setHeaderText(String.valueOf(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
        a.setContentText("Curtain hit an unexpected problem. The window stays open; the details are below.");
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        TextArea details = new TextArea(w.toString());
        details.setEditable(false);
        details.setPrefRowCount(14);
        a.getDialogPane().setExpandableContent(details);
        a.getDialogPane().getStyleClass().add("exception-dialog");
        a.show();
        return a;
    }
}
