package dev.curtain.view;

import dev.curtain.scenario.Scenario;
import dev.curtain.view.model.ViewerModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The title card a lesson opens on: its title, its description and how to begin, over the stage while playback is
 * at the very start (before the process exists). The first step takes it away; Home brings it back, so a lecturer
 * can start a lesson from its title as from a slide.
 */
public final class LessonCard extends StackPane {
    static final String HINT = "Press → or Space to begin";

    public LessonCard(ViewerModel model) {
        setId("lesson-card");
        getStyleClass().add("lesson-card");
        setPickOnBounds(false);
        Label title = new Label();
        title.setId("lesson-card-title");
        title.getStyleClass().add("lesson-card-title");
        title.setWrapText(true);
        Label description = new Label();
        description.setId("lesson-card-description");
        description.getStyleClass().add("lesson-card-description");
        description.setWrapText(true);
        Label hint = new Label(HINT);
        hint.setId("lesson-card-hint");
        hint.getStyleClass().add("lesson-card-hint");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            Scenario s = model.getScenario();
            return s == null ? "" : s.title();
        }, model.scenarioProperty()));
        description.textProperty().bind(Bindings.createStringBinding(() -> {
            Scenario s = model.getScenario();
            return s == null ? "" : s.description();
        }, model.scenarioProperty()));
        description.visibleProperty().bind(description.textProperty().isNotEmpty());
        description.managedProperty().bind(description.visibleProperty());
        VBox card = new VBox(title, description, hint);
        card.getStyleClass().add("lesson-card-box");
        card.setMaxWidth(900);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().add(card);
        // an overlay: at the largest text on a small screen the card may run past the stage, but it must not make
        // the stage's place taller than the window gives it (that pushed the stage up under the toolbar)
        setMinHeight(0);
        // a replayed log has no lesson to introduce; its first frame is already the real program
        visibleProperty().bind(model.playback().indexProperty().isEqualTo(0)
                .and(model.scenarioProperty().isNotNull()).and(model.importedProperty().not()));
    }
}
