package dev.curtain.app;

import dev.curtain.export.ExportFormat;
import dev.curtain.export.ExportJob;
import dev.curtain.export.Ffmpeg;
import dev.curtain.render.Palette;
import dev.curtain.scenario.CuePoint;
import dev.curtain.view.model.ViewerModel;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Asks what part of the run to export as a video and how: GIF or MP4 (MP4 only when ffmpeg is installed; the
 * dialog names the package otherwise), 1280x720 or 1920x1080, a frame rate, and a range between two cues.
 */
final class ExportDialog extends Dialog<ExportJob.Settings> {
    static final String[] SIZES = {"1280x720", "1920x1080"};
    static final Integer[] RATES = {10, 15, 24, 25, 30, 60};

    /** A range end: a cue, or null for the start / end of the run. */
    record Cue(String id, String label) {
    }

    final ChoiceBox<ExportFormat> format = new ChoiceBox<>();
    final ChoiceBox<String> size = new ChoiceBox<>();
    final ChoiceBox<Integer> fps = new ChoiceBox<>();
    final ChoiceBox<Cue> from = new ChoiceBox<>();
    final ChoiceBox<Cue> to = new ChoiceBox<>();

    ExportDialog(Window owner, ViewerModel model, Palette palette) {
        initOwner(owner);
        setTitle("Export video");
        setHeaderText("Export " + model.getScenario().title() + " as it plays at 1x");
        format.getItems().add(ExportFormat.GIF);
        boolean haveFfmpeg = Ffmpeg.find().isPresent();
        if (haveFfmpeg) {
            format.getItems().add(ExportFormat.MP4);
        }
        format.setValue(haveFfmpeg ? ExportFormat.MP4 : ExportFormat.GIF);
        format.setConverter(converter(f -> f == null ? "" : f.name() + " (." + f.extension() + ")"));
        size.getItems().setAll(SIZES);
        size.setValue(SIZES[0]);
        fps.getItems().setAll(RATES);
        fps.setValue(30);
        List<Cue> cues = new ArrayList<>();
        int[] at = model.cueIndicesProperty().get();
        List<CuePoint> points = model.getScenario().cues();
        for (int i = 0; i < points.size(); i++) {
            if (at[i] >= 0) {
                cues.add(new Cue(points.get(i).id(), points.get(i).id() + " — " + points.get(i).caption()));
            }
        }
        Cue start = new Cue(null, "the start of the run");
        Cue end = new Cue(null, "the end of the run");
        from.getItems().add(start);
        from.getItems().addAll(cues);
        from.setValue(start);
        to.getItems().addAll(cues);
        to.getItems().add(end);
        to.setValue(end);
        from.setConverter(converter(c -> c == null ? "" : c.label()));
        to.setConverter(converter(c -> c == null ? "" : c.label()));
        from.setId("export-from");
        to.setId("export-to");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("export-form");
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("Size"), size);
        grid.addRow(2, new Label("Frames per second"), fps);
        grid.addRow(3, new Label("From"), from);
        grid.addRow(4, new Label("To"), to);
        if (!haveFfmpeg) {
            Label hint = new Label(Ffmpeg.MISSING);
            hint.setWrapText(true);
            hint.getStyleClass().add("export-hint");
            grid.add(hint, 0, 5, 2, 1);
        }
        getDialogPane().setContent(grid);
        getDialogPane().getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? settings(palette) : null);
    }

    ExportJob.Settings settings(Palette palette) {
        String[] wh = size.getValue().split("x");
        return new ExportJob.Settings(format.getValue(), Integer.parseInt(wh[0]), Integer.parseInt(wh[1]),
                fps.getValue(), palette, 0, from.getValue().id(), to.getValue().id());
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
