package dev.curtain.view;

import dev.curtain.view.model.ViewerModel;
import javafx.scene.control.Label;

/**
 * A small label in the stage's corner saying what of an imported run's picture is inferred now ("inferred: the
 * trace does not say which run queue …"), or, for a schedtrace log, which SCHED block the picture is as printed.
 * Empty and hidden for a simulated run and for a step the trace recorded as drawn.
 */
final class StageNote extends Label {
    StageNote(ViewerModel model) {
        setId("stage-note");
        getStyleClass().add("stage-note");
        setVisible(false);
        setMouseTransparent(true);
        setWrapText(true);
        model.stateProperty().addListener((o, a, b) -> {
            String note = b == null ? "" : model.facts().stageNote(b.eventCount());
            setText(note);
            setVisible(!note.isEmpty());
        });
    }
}
