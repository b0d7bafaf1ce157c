package dev.curtain.app;

import dev.curtain.engine.event.Event;
import dev.curtain.scenario.CueMatch;
import dev.curtain.scenario.CuePoint;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioFiles;
import dev.curtain.view.model.CueAuthoring;
import dev.curtain.view.model.ViewerModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * Authoring in the app: a cue (caption, speaker notes, pause, highlight) added or edited at the event on screen,
 * and the scenario saved back to its file. A save keeps the previous file as {@code FILE.bak} and writes the new
 * one atomically ({@link ScenarioFiles#save}), so a failure leaves the old file as it was. Unsaved changes are
 * asked about before another scenario replaces them and before the window closes.
 */
final class Authoring {
    /** What to do with unsaved changes. */
    enum Choice { SAVE, DISCARD, CANCEL }

    /** Asks the user about unsaved changes; tests answer for them. */
    interface UnsavedPrompt {
        Choice ask(String title);
    }

    private final Stage owner;
    private final ViewerModel model;
    /** The open document and whether it is dirty live in the window's model; authoring changes them. */
    private final WindowModel document;
    private UnsavedPrompt prompt = this::askWithAlert;

    Authoring(Stage owner, ViewerModel model, WindowModel document) {
        this.owner = owner;
        this.model = model;
        this.document = document;
    }

    ReadOnlyBooleanProperty dirtyProperty() { return document.dirtyProperty(); }
    boolean isDirty() { return document.isDirty(); }
    /** The file the scenario was opened from, or null (a built-in lesson: saving asks where). */
    ReadOnlyObjectProperty<Path> fileProperty() { return document.fileProperty(); }
    void setPrompt(UnsavedPrompt p) { prompt = p; }

    /** A scenario was opened from {@code from} (null for a lesson): nothing unsaved. */
    void opened(Path from) {
        document.documentAt(from);
    }

    /**
     * A schedtrace log replaced the scenario: there is nothing to save (its stand-in scenario is no file's), and
     * what was unsaved was given up when the user chose to open it. The old path must not stay, or a later Save
     * would write the log's stand-in over that file.
     */
    void openedLog() {
        document.documentAt(null);
    }

    /** Opens the cue editor at the event on screen; OK puts the cue into the scenario. */
    void editCueAtCurrentEvent() {
        int index = model.playback().getIndex() - 1;
        if (model.getScenario() == null || index < 0) {
            return;
        }
        model.playback().pause();
        Event e = model.events().get(index);
        int existing = CueAuthoring.cueAt(model.cueIndicesProperty().get(), index);
        CuePoint old = existing >= 0 ? model.getScenario().cues().get(existing) : null;
        CueMatch match = old != null ? old.match() : CueAuthoring.matchFor(model.events(), index);
        new CueEditorDialog(owner, model.describe(e), old, CueAuthoring.freshId(model.getScenario(), e), match)
                .showAndWait().ifPresent(this::putCueHere);
    }

    /**
     * Puts {@code cue} at the event on screen (replacing the cue there, if any) and re-simulates so the timeline
     * and caption show it, staying at the same event.
     */
    void putCueHere(CuePoint cue) {
        int index = model.playback().getIndex() - 1;
        Scenario s = model.getScenario();
        int[] at = model.cueIndicesProperty().get();
        int replacing = CueAuthoring.cueAt(at, index);
        for (int i = 0; i < s.cues().size(); i++) {
            if (i != replacing && s.cues().get(i).id().equals(cue.id())) {
                ErrorDialogs.exception(owner, new IllegalArgumentException("another cue is already called \""
                        + cue.id() + "\""));
                return;
            }
        }
        Scenario next = CueAuthoring.put(s, at, replacing, cue, index);
        int keep = model.playback().getIndex();
        model.open(next, err -> ErrorDialogs.exception(owner, err));
        model.playback().seek(keep);
        document.changed();
    }

    /** Saves to the scenario's file, or asks where for a lesson. True when saved. */
    boolean save() {
        if (model.importedProperty().get()) {
            return false;
        }
        Path target = document.getFile();
        if (target == null) {
            FileChooser fc = new FileChooser();
            fc.setTitle("Save the scenario");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Curtain scenarios", "*.json"));
            fc.setInitialFileName(model.getScenario().title().replaceAll("[^A-Za-z0-9]+", "-") + ".json");
            File f = fc.showSaveDialog(owner);
            if (f == null) {
                return false;
            }
            target = f.toPath();
        }
        try {
            try {
                saveTo(target, false);
            } catch (ScenarioFiles.ReadOnlyFileException e) {
                if (!overwrite.ask(e.file())) {
                    return false;
                }
                saveTo(target, true);
            }
            return true;
        } catch (IOException e) {
            ErrorDialogs.saveFailed(owner, target, reason(e));
            return false;
        } catch (IllegalArgumentException e) {
            ErrorDialogs.exception(owner, e);
            return false;
        }
    }

    /** Asks before a read-only file is written over; tests answer for the user. */
    interface OverwritePrompt {
        boolean ask(Path readOnlyFile);
    }

    private OverwritePrompt overwrite = this::askOverwrite;

    void setOverwritePrompt(OverwritePrompt p) {
        overwrite = p;
    }

    private boolean askOverwrite(Path f) {
        ButtonType replace = new ButtonType("Save Anyway", ButtonBar.ButtonData.YES);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, f + " is read-only. Saving writes over it (it stays "
                + "read-only afterwards).", replace, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setHeaderText("Save over a read-only file?");
        return a.showAndWait().orElse(ButtonType.CANCEL) == replace;
    }

    /** What the disk said, for people: the message of a refused save without Java's exception names. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        return e.getMessage() == null ? "the disk refused the save" : e.getMessage();
    }

    /**
     * Writes the scenario to {@code target}, keeping the file there now as {@code target.bak} (the order and the
     * guarantees are {@link ScenarioFiles#save(Scenario, Path, boolean, boolean)}'s). Any failure leaves
     * {@code target} as it was and the scenario unsaved.
     */
    void saveTo(Path target) throws IOException {
        saveTo(target, false);
    }

    /**
     * As {@link #saveTo(Path)}; {@code overwriteReadOnly} after the user agreed to write over a read-only file.
     *
     * @throws ScenarioFiles.ReadOnlyFileException if the file is read-only and that was not agreed
     */
    void saveTo(Path target, boolean overwriteReadOnly) throws IOException {
        ScenarioFiles.save(model.getScenario(), target, true, overwriteReadOnly);
        document.documentAt(target);
    }

    static Path backupOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".bak");
    }

    /** Before something replaces the scenario or the window closes: true when it may go ahead. */
    boolean confirmDiscard() {
        if (!document.isDirty()) {
            return true;
        }
        return switch (prompt.ask(model.getScenario().title())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    private Choice askWithAlert(String title) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Your cues in \"" + title + "\" are not saved.", save,
                discard, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setHeaderText("Save the changes first?");
        ButtonType b = a.showAndWait().orElse(ButtonType.CANCEL);
        return b == save ? Choice.SAVE : b == discard ? Choice.DISCARD : Choice.CANCEL;
    }
}
