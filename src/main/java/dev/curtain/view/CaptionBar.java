package dev.curtain.view;

import dev.curtain.view.model.ViewerModel;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The large line under the stage: the author's caption at a cue point ({@code :cue}), otherwise a plain-language
 * explanation of the last event. Sized for the back of a lecture hall.
 */
public final class CaptionBar extends HBox {
    public static final PseudoClass CUE = PseudoClass.getPseudoClass("cue");

    public CaptionBar(ViewerModel model) {
        getStyleClass().add("caption-bar");
        setId("caption-bar");
        Label cue = new Label();
        cue.getStyleClass().add("cue-label");
        cue.textProperty().bind(model.cueLabelProperty());
        cue.visibleProperty().bind(model.atCueProperty());
        cue.managedProperty().bind(cue.visibleProperty());
        // the cue's name stays whole; a long caption wraps instead of squeezing it to "..."
        cue.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label();
        text.setId("caption");
        text.getStyleClass().add("caption");
        text.setWrapText(true);
        text.textProperty().bind(model.captionProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        // a wrapped label's height is measured at its preferred width: give it the bar's, so a long caption takes
        // a second line instead of ending in "..." (the bar grows; the stage gives up the room)
        text.prefWidthProperty().bind(widthProperty().subtract(cue.widthProperty()).subtract(getSpacing())
                .subtract(Bindings.createDoubleBinding(() -> getInsets().getLeft() + getInsets().getRight(),
                        insetsProperty())));
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        model.atCueProperty().addListener((o, a, b) -> pseudoClassStateChanged(CUE, b));
        getChildren().addAll(cue, text);
    }
}
