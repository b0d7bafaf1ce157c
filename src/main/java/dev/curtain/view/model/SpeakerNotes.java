package dev.curtain.view.model;

import dev.curtain.scenario.CuePoint;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the presenter's second screen shows: the cue the run is at (or last passed), its speaker notes from the
 * file, and the caption of the cue that comes next, so the speaker knows what the audience will see.
 */
public final class SpeakerNotes {
    private final ViewerModel model;
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper(this, "current", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final ReadOnlyStringWrapper next = new ReadOnlyStringWrapper(this, "next", "");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");

    public SpeakerNotes(ViewerModel model) {
        this.model = model;
        model.playback().indexProperty().addListener((o, a, b) -> update());
        model.cueIndicesProperty().addListener((o, a, b) -> update());
        model.scenarioProperty().addListener((o, a, b) -> update());
        update();
    }

    /** The current cue's caption, or "" before the first cue. */
    public ReadOnlyStringProperty currentProperty() { return current.getReadOnlyProperty(); }
    /** The current cue's speaker notes, or "" when it has none. */
    public ReadOnlyStringProperty notesProperty() { return notes.getReadOnlyProperty(); }
    /** The next cue's caption, or "" after the last one. */
    public ReadOnlyStringProperty nextProperty() { return next.getReadOnlyProperty(); }
    /** "event 12 of 80 · cue 3 of 8". */
    public ReadOnlyStringProperty positionProperty() { return position.getReadOnlyProperty(); }

    private void update() {
        if (model.getScenario() == null) {
            return;
        }
        List<CuePoint> cues = model.getScenario().cues();
        int[] at = model.cueIndicesProperty().get();
        int now = model.currentCue();
        int index = model.playback().getIndex();
        int nextCue = -1;
        for (int i = 0; i < at.length && i < cues.size(); i++) {
            if (at[i] > index && (nextCue < 0 || at[i] < at[nextCue])) {
                nextCue = i;
            }
        }
        current.set(now >= 0 && now < cues.size() ? cues.get(now).caption() : "");
        notes.set(now >= 0 && now < cues.size() ? cues.get(now).notes() : "");
        next.set(nextCue >= 0 ? cues.get(nextCue).caption() : "");
        position.set("event " + index + " of " + model.playback().getSize()
                + (cues.isEmpty() ? "" : " · cue " + (now + 1) + " of " + cues.size()));
    }
}
