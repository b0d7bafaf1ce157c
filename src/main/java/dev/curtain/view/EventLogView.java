package dev.curtain.view;

import dev.curtain.engine.event.Event;
import dev.curtain.view.model.Durations;
import dev.curtain.view.model.ViewerModel;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Every event of the run, each naming the runtime function it models ({@code newproc}, {@code handoffp},
 * {@code retake} …). The current event is selected and kept in view; clicking a row goes there. Virtualised,
 * so a million-event run scrolls like a short one.
 */
public final class EventLogView extends ListView<Event> {
    public static final PseudoClass AHEAD = PseudoClass.getPseudoClass("ahead");

    public EventLogView(ViewerModel model) {
        super(model.events());
        setId("event-log");
        getStyleClass().add("event-log");
        setCellFactory(l -> new Row(model));
        // Another run replaces every row: start from the top before anything lays the list out again. Left scrolled
        // to where the previous run was, the list would fill the space past its new end with empty rows until it
        // gave up ("index exceeds maxCellCount"); following the playback index then scrolls where it belongs.
        getItems().addListener((javafx.collections.ListChangeListener<Event>) c -> scrollTo(0));
        model.playback().indexProperty().addListener((o, a, b) -> follow(b.intValue()));
        setOnMouseClicked(e -> {
            int i = getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                model.seekToEvent(i);
            }
        });
        setPlaceholder(new Label("No events"));
    }

    private void follow(int index) {
        int row = index - 1;
        if (row < 0) {
            getSelectionModel().clearSelection();
            scrollTo(0);
            return;
        }
        getSelectionModel().clearAndSelect(row);
        scrollTo(Math.max(0, row - 3));
        refresh();
    }

    /** index · time · function · explanation. */
    static final class Row extends ListCell<Event> {
        private final ViewerModel model;
        private final Label seq = new Label();
        private final Label time = new Label();
        private final Label fn = new Label();
        private final Label text = new Label();
        private final HBox box = new HBox(10, seq, time, fn, text);

        Row(ViewerModel model) {
            this.model = model;
            seq.getStyleClass().add("log-seq");
            time.getStyleClass().add("log-time");
            fn.getStyleClass().add("log-fn");
            text.getStyleClass().add("log-text");
            HBox.setHgrow(text, Priority.ALWAYS);
            getStyleClass().add("log-row");
        }

        @Override
        protected void updateItem(Event e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            seq.setText(Integer.toString(e.seq() + 1));
            time.setText(Durations.format(e.timeNs()));
            fn.setText(e.fn().goName());
            text.setText(model.describe(e));
            pseudoClassStateChanged(AHEAD, e.seq() >= model.playback().getIndex());
            setGraphic(box);
        }
    }
}
