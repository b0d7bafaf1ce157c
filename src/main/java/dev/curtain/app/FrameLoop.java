package dev.curtain.app;

import dev.curtain.view.StageView;
import dev.curtain.view.model.Playback;
import javafx.animation.AnimationTimer;

/**
 * The app's one animation timer. It only forwards the pulse's timestamp: playback turns it into fixed logical
 * steps, the stage into the progress of the current move (FXGL's loop-runner shape).
 */
public final class FrameLoop extends AnimationTimer {
    private final Playback playback;
    private final StageView stage;

    public FrameLoop(Playback playback, StageView stage) {
        this.playback = playback;
        this.stage = stage;
    }

    @Override
    public void handle(long now) {
        playback.tick(now);
        stage.frame(now);
    }
}
