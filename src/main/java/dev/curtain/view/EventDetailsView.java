package dev.curtain.view;

import dev.curtain.engine.event.Event;
import dev.curtain.importer.ImportFacts;
import dev.curtain.view.model.Durations;
import dev.curtain.view.model.ViewerModel;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The inspector's part about the step on show in an imported run (the one the event log selects): whether the
 * log or trace recorded it or the import filled it in, and why, and the stack the trace recorded with it (where
 * the goroutine blocked, was created, entered a system call). Click a row of the event log and its stack is here.
 * Hidden for a simulated run, which has neither.
 */
public final class EventDetailsView extends VBox {
    private final ViewerModel model;
    private final Label title = new Label();
    private final Label origin = new Label();
    private final Label stackTitle = new Label("Stack");
    private final TextArea stack = new TextArea();

    public EventDetailsView(ViewerModel model) {
        super(4);
        this.model = model;
        setId("event-details");
        getStyleClass().add("event-details");
        title.setId("event-details-title");
        title.getStyleClass().add("selection-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        origin.setId("event-details-origin");
        origin.getStyleClass().add("muted");
        origin.setWrapText(true);
        origin.setMinHeight(Region.USE_PREF_SIZE);
        stackTitle.getStyleClass().add("muted");
        stack.setId("event-stack");
        stack.getStyleClass().add("event-stack");
        stack.setEditable(false);
        stack.setWrapText(false);
        stack.setPrefRowCount(5);
        // two frames readable even when the inspector is short of height (1280x720)
        stack.setMinHeight(74);
        stack.setFocusTraversable(false);
        stack.setStyle("-fx-font-family: monospace;");
        getChildren().addAll(title, origin, stackTitle, stack);
        setVisible(false);
        managedProperty().bind(visibleProperty());
        model.lastEventProperty().addListener((o, a, b) -> show(b));
        model.scenarioProperty().addListener((o, a, b) -> show(model.lastEventProperty().get()));
    }

    private void show(Event e) {
        ImportFacts facts = model.facts();
        setVisible(facts.isImport());
        if (!facts.isImport()) {
            return;
        }
        if (e == null) {
            title.setText("Before the first step");
            origin.setText("");
            showStack("");
            return;
        }
        title.setText("Step " + (e.seq() + 1) + " at " + Durations.format(e.timeNs()) + "  ·  " + e.fn().goName());
        ImportFacts.Reason r = facts.reason(e.seq());
        String note = facts.stageNote(e.seq() + 1);
        origin.setText(r != ImportFacts.Reason.OBSERVED ? "inferred: " + r.text()
                : !note.isEmpty() ? note
                : "observed: " + (facts.kernelThreadIds() ? "the trace" : "the log") + " records this step");
        showStack(facts.stack(e.seq()));
    }

    private void showStack(String text) {
        boolean has = !text.isEmpty();
        stack.setText(has ? text : "");
        stack.setVisible(has);
        stack.setManaged(has);
        stackTitle.setText(has ? "Stack (as the trace recorded it)" : "No stack recorded for this step");
    }

    /** The stack text shown now ("" if none), for tests. */
    public String stackText() {
        return stack.isVisible() ? stack.getText() : "";
    }
}
