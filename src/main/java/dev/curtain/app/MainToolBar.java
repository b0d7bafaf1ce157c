package dev.curtain.app;

import dev.curtain.engine.GoVersion;
import dev.curtain.view.Icons;
import dev.curtain.view.model.Playback;
import dev.curtain.view.model.ViewerModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The toolbar, in groups: the document (open, the lesson list), the run's options (Go version, GOMAXPROCS),
 * playback (restart, step back, play, step forward, speed), showing it (compare, export, present), and the status.
 * The pickers show the model's options; a change of theirs re-simulates only when it differs from what the model
 * already runs, so the model setting them is never taken for the user's request.
 */
final class MainToolBar {
    private final ViewerModel model;
    private final DocumentActions documents;
    private final ExportActions export;
    private final LessonPicker lessons;
    private final Runnable present;

    MainToolBar(ViewerModel model, DocumentActions documents, ExportActions export, LessonPicker lessons,
                Runnable present) {
        this.model = model;
        this.documents = documents;
        this.export = export;
        this.lessons = lessons;
        this.present = present;
    }

    ToolBar bar() {
        List<Node> items = new ArrayList<>();
        items.add(button("open", Icons.OPEN, "Open a scenario file (Ctrl+O)", documents::chooseFile));
        items.add(lessons.combo());
        items.add(gap());
        items.addAll(options());
        items.add(gap());
        items.addAll(playback());
        items.add(gap());
        items.addAll(showing());
        items.addAll(status());
        ToolBar bar = new ToolBar(items.toArray(Node[]::new));
        bar.setId("toolbar");
        // the longest lesson title would take half the bar at 1280x720 and push speed, compare, present and the
        // status into the overflow menu: the picker takes a share of the bar instead (its list still shows whole
        // titles)
        lessons.combo().prefWidthProperty().bind(Bindings.min(440, bar.widthProperty().multiply(0.2)));
        lessons.combo().setMinWidth(180);
        return bar;
    }

    /** The Go version profile and GOMAXPROCS: read-only for a replayed log, which is what a real program did. */
    private List<Node> options() {
        ComboBox<GoVersion> version = new ComboBox<>();
        version.setId("version-picker");
        version.getItems().setAll(GoVersion.PROFILES);
        version.setConverter(new StringConverter<>() {
            @Override
            public String toString(GoVersion v) {
                return v == null ? "" : "Go " + v;
            }

            @Override
            public GoVersion fromString(String s) {
                return GoVersion.parse(s.replace("Go ", ""));
            }
        });
        version.setTooltip(new Tooltip("Go version profile: re-simulates and stays near the same point"));
        version.disableProperty().bind(model.importedProperty());
        model.versionProperty().addListener((o, a, b) -> version.setValue(b == null ? null : b.profile()));
        version.setOnAction(e -> {
            GoVersion running = model.versionProperty().get();
            if (version.getValue() != null && (running == null || !version.getValue().equals(running.profile()))) {
                documents.changeOptions(version.getValue(), model.gomaxprocsProperty().get());
            }
        });

        Spinner<Integer> procs = new Spinner<>(1, 64, 1);
        procs.setId("gomaxprocs");
        procs.setPrefWidth(84);
        procs.setTooltip(new Tooltip("GOMAXPROCS: the number of Ps"));
        procs.disableProperty().bind(model.importedProperty());
        model.gomaxprocsProperty().addListener((o, a, b) -> procs.getValueFactory().setValue(b.intValue()));
        procs.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != model.gomaxprocsProperty().get()) {
                documents.changeOptions(model.versionProperty().get(), b);
            }
        });
        Label procsLabel = new Label("GOMAXPROCS");
        procsLabel.getStyleClass().add("toolbar-label");
        procsLabel.setMinWidth(Region.USE_PREF_SIZE);
        return List.of(version, procsLabel, procs);
    }

    private List<Node> playback() {
        Playback pb = model.playback();
        Button restart = button("restart", Icons.RESTART, "Restart (Home)", pb::restart);
        Button back = button("step-back", Icons.STEP_BACK, "Step back (Left, PageUp)", pb::stepBack);
        Button play = button("play", Icons.PLAY, "Play / pause (Space)", pb::togglePlay);
        play.getStyleClass().add("play-button");
        pb.playingProperty().addListener((o, a, b) -> play.setGraphic(Icons.icon(b ? Icons.PAUSE : Icons.PLAY)));
        Button fwd = button("step-forward", Icons.STEP_FORWARD, "Step forward (Right, PageDown)", pb::stepForward);
        back.disableProperty().bind(pb.indexProperty().isEqualTo(0));
        fwd.disableProperty().bind(pb.atEndProperty());
        return List.of(restart, back, play, fwd, speed(pb));
    }

    private static ComboBox<Double> speed(Playback pb) {
        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speed");
        speed.getItems().setAll(0.25, 0.5, 1.0, 2.0, 4.0, 8.0);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : (d == Math.rint(d) ? String.valueOf(d.intValue()) : String.valueOf(d)) + "×";
            }

            @Override
            public Double fromString(String s) {
                return Double.parseDouble(s.replace("×", ""));
            }
        });
        speed.setValue(pb.getSpeed());
        speed.setTooltip(new Tooltip("Speed (+ / -)"));
        speed.setOnAction(e -> {
            if (speed.getValue() != null) {
                pb.speedProperty().set(speed.getValue());
            }
        });
        pb.speedProperty().addListener((o, a, b) -> speed.setValue(b.doubleValue()));
        return speed;
    }

    /** Compare, export and present: what turns the run into a lecture or a recording. */
    private List<Node> showing() {
        Button compare = button("compare", Icons.COMPARE, "Compare two Go versions side by side (Ctrl+K)",
                documents::compare);
        compare.disableProperty().bind(documents.nothingToExport());
        Button presentButton = button("present", Icons.PRESENT,
                "Present: full screen, large captions, speaker notes (F5)", present);
        MenuButton exportButton = new MenuButton(null, Icons.icon(Icons.EXPORT));
        exportButton.getItems().setAll(export.menuItems(""));
        exportButton.setId("export");
        exportButton.setTooltip(new Tooltip(
                "Export the current frame as PNG, a range as GIF or MP4 (Ctrl+E, Ctrl+Shift+E), or a Perfetto trace"));
        exportButton.getStyleClass().add("tool-button");
        exportButton.setFocusTraversable(false);
        exportButton.disableProperty().bind(model.scenarioProperty().isNull());
        return List.of(compare, exportButton, presentButton);
    }

    /** Right-aligned: a spinner while a simulation runs, and where the run is ("event 6 of 36"). */
    private List<Node> status() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy");
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.busyProperty());
        Label status = new Label();
        status.setId("status");
        status.getStyleClass().add("status-text");
        status.textProperty().bind(model.statusProperty());
        return List.of(spacer, busy, status);
    }

    private static Node gap() {
        Region r = new Region();
        r.getStyleClass().add("toolbar-gap");
        return r;
    }

    private static Button button(String id, String icon, String tip, Runnable action) {
        return Icons.toolButton(id, icon, tip, action);
    }
}
