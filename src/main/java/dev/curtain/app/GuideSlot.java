package dev.curtain.app;

import dev.curtain.view.StageGuide;
import javafx.scene.layout.StackPane;

/**
 * The place over the stage where "How to read the stage" appears. The guide is built the first time it is shown
 * (a first launch, F1, Help), not with the window: most launches never show it, and its ninety nodes would
 * otherwise be styled and laid out before the first frame.
 */
final class GuideSlot {
    private final Runnable onClose;
    private StackPane area;
    private StageGuide guide;

    /** @param onClose run when the guide is dismissed */
    GuideSlot(Runnable onClose) {
        this.onClose = onClose;
    }

    /** The stack the guide goes on top of, over the stage and the lesson's card. */
    void placeIn(StackPane stageArea) {
        area = stageArea;
    }

    /** Shows the guide over the stage, building it the first time. */
    void show() {
        if (guide == null) {
            guide = new StageGuide(onClose);
            area.getChildren().add(guide);
        }
        guide.setVisible(true);
        guide.toFront();
    }

    /** Whether the guide is on the screen. */
    boolean isShowing() {
        return guide != null && guide.isVisible();
    }

    /** Hides the guide (it tells {@code onClose}). */
    void close() {
        if (isShowing()) {
            guide.close();
        }
    }
}
