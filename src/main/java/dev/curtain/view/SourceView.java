package dev.curtain.view;

import dev.curtain.view.model.ViewerModel;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The scenario's Go source, with the line each running goroutine is on marked ({@code :running}). */
public final class SourceView extends ListView<String> {
    public static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");

    public SourceView(ViewerModel model) {
        super(model.sourceLines());
        setId("source");
        getStyleClass().add("source-view");
        setFocusTraversable(false);
        setCellFactory(l -> new Line(model));
        setPlaceholder(new Label("This scenario has no source"));
        model.activeLinesProperty().addListener((o, a, b) -> {
            refresh();
            if (!b.isEmpty()) {
                int first = b.keySet().iterator().next();
                scrollTo(Math.max(0, first - 4));
            }
        });
    }

    /** Line number, code, and which goroutines are there. */
    static final class Line extends ListCell<String> {
        private final ViewerModel model;
        private final Label number = new Label();
        private final Label code = new Label();
        private final Label marker = new Label();
        private final HBox box;

        Line(ViewerModel model) {
            this.model = model;
            number.getStyleClass().add("line-number");
            code.getStyleClass().add("code");
            marker.getStyleClass().add("line-marker");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(12, number, code, spacer, marker);
            getStyleClass().add("source-line");
        }

        @Override
        protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                pseudoClassStateChanged(RUNNING, false);
                return;
            }
            int line = getIndex() + 1;
            Map<Integer, String> active = model.activeLinesProperty().get();
            String who = active.get(line);
            number.setText(Integer.toString(line));
            code.setText(s.replace("\t", "    "));
            marker.setText(who == null ? "" : who);
            marker.setVisible(who != null);
            pseudoClassStateChanged(RUNNING, who != null);
            setGraphic(box);
        }
    }
}
