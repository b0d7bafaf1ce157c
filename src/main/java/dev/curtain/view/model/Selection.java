package dev.curtain.view.model;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.SchedState;
import dev.curtain.importer.ImportFacts;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The G, P or M the user selected and what the inspector shows about it at the point on show: a title, details
 * ({@link SelectionText}) and its history. The history is a scan of the whole log, so it is rebuilt only when the
 * selection or the run changes, not at every step.
 */
final class Selection {
    /** Most history entries the inspector lists for one selection; a busy G in a long run has more. */
    static final int HISTORY_LIMIT = 2_000;

    private final ObjectProperty<Entity> selected = new SimpleObjectProperty<>(this, "selection");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "selectionTitle", "");
    private final ObservableList<String> details = FXCollections.observableArrayList();
    private final ObservableList<Event> history = FXCollections.observableArrayList();

    ObjectProperty<Entity> selectedProperty() { return selected; }
    ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    ObservableList<String> details() { return details; }
    ObservableList<Event> history() { return history; }

    /**
     * Describes the selection in {@code s}, a state of {@code rec}, with its history too if {@code withHistory};
     * shows nothing when nothing is selected or the selection does not exist there.
     */
    void refresh(SchedState s, Recording rec, boolean withHistory) {
        refresh(s, rec, withHistory, ImportFacts.NONE);
    }

    /** As {@link #refresh(SchedState, Recording, boolean)}, with an import's real ids in the text. */
    void refresh(SchedState s, Recording rec, boolean withHistory, ImportFacts facts) {
        Entity e = selected.get();
        if (e == null || s == null || rec == null || !SelectionText.exists(s, e)) {
            title.set("");
            details.clear();
            history.clear();
            return;
        }
        List<String> lines = ImportedText.selection(facts, e, SelectionText.describe(s, e));
        title.set(lines.get(0));
        details.setAll(lines.subList(1, lines.size()));
        if (withHistory) {
            history.setAll(SelectionText.history(rec, e, HISTORY_LIMIT));
        }
    }

    /** Drops the selection if it does not exist in {@code s} (a G of the old run the new one never creates). */
    void dropIfAbsentFrom(SchedState s) {
        Entity e = selected.get();
        if (e != null && !SelectionText.exists(s, e)) {
            selected.set(null);
        }
    }
}
