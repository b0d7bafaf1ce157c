package dev.curtain.export;

import dev.curtain.render.Palette;
import dev.curtain.scenario.Scenario;
import dev.curtain.view.CaptionBar;
import dev.curtain.view.StageView;
import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import java.nio.ByteBuffer;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * What an exported frame shows: the window's stage and caption bar, with the window's stylesheet and theme, laid
 * out at the export size in a scene of their own (no window, so it works with no display). Lives on the FX thread.
 */
public final class ExportScene {
    static final String STYLESHEET = "/dev/curtain/app/curtain.css";
    /** The app's move duration; any non-zero value makes one-event steps animate rather than cut. */
    private static final Duration MOVE = Duration.millis(520);

    private final ViewerModel model;
    private final StageView stage;
    private final Scene scene;
    private final WritableImage image;
    private final int width;
    private final int height;

    /** Builds the scene for {@code scenario}, simulated now (on this thread: call it off the window's hot path). */
    public ExportScene(Scenario scenario, int width, int height, Palette palette) {
        this(openModel(scenario), width, height, palette);
    }

    /** Builds the scene around a model that already shows the run to export. */
    public ExportScene(ViewerModel model, int width, int height, Palette palette) {
        this.model = model;
        this.width = width;
        this.height = height;
        stage = new StageView(model, MOVE);
        CaptionBar caption = new CaptionBar(model);
        VBox root = new VBox(stage, caption);
        VBox.setVgrow(stage, Priority.ALWAYS);
        // a narrow export (a phone-sized clip) wraps a long caption to three lines
        stage.yieldHeightToTheCaption();
        root.getStyleClass().addAll("export-root", "theme-" + palette.name(), "text-" + textSize(height));
        stage.paletteProperty().set(palette);
        stage.fontScaleProperty().set(textSize(height) / 100.0);
        scene = new Scene(root, width, height);
        scene.getStylesheets().add(ExportScene.class.getResource(STYLESHEET).toExternalForm());
        image = new WritableImage(width, height);
        root.applyCss();
        root.layout();
    }

    private static ViewerModel openModel(Scenario scenario) {
        ViewerModel m = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        m.open(scenario, e -> {
            throw new IllegalStateException("the scenario could not be simulated: " + e.getMessage(), e);
        });
        return m;
    }

    /** Text grows with the frame, as a lecturer would set it: the window's 100/125/150% steps. */
    static int textSize(int height) {
        return height >= 1000 ? 150 : height >= 700 ? 125 : 100;
    }

    public ViewerModel model() { return model; }
    /** The frame's scene graph (tests look at its caption bar). */
    Scene scene() { return scene; }
    public int width() { return width; }
    public int height() { return height; }

    /** Draws one planned frame and returns its pixels as BGRA bytes, row by row ({@code 4 * width * height}). */
    public byte[] render(FramePlan.Frame f, byte[] into) {
        if (model.playback().getIndex() != f.index()) {
            model.playback().seek(f.index());
        }
        stage.paintAt(f.progress());
        scene.snapshot(image);
        byte[] out = into != null && into.length == width * height * 4 ? into : new byte[width * height * 4];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getByteBgraInstance(), ByteBuffer.wrap(out),
                width * 4);
        return out;
    }
}
