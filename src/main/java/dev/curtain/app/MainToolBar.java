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
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The toolbar, in groups: the document (open, the lesson list), the run's options (Go version, GOMAXPROCS, seed),
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
    private final WindowModel window;
    private final Label procsLabel = new Label(PROCS_LABEL);
    private final Label seedLabel = new Label(SEED_LABEL);
    private final Label status = new Label();
    private ToolBar bar;
    private Node stepForward;
    private Node procs;
    private Node seed;
    private Node spacer;
    private final List<Node> gaps = new ArrayList<>();

    static final String PROCS_LABEL = "GOMAXPROCS";
    static final String SEED_LABEL = "seed";
    /** What the GOMAXPROCS label shrinks to when the bar is short of room (its tooltip still says GOMAXPROCS). */
    static final String PROCS_SHORT = "Ps";

    MainToolBar(ViewerModel model, WindowModel window, DocumentActions documents, ExportActions export,
                LessonPicker lessons, Runnable present) {
        this.model = model;
        this.window = window;
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
        bar = new ToolBar(items.toArray(Node[]::new));
        bar.setId("toolbar");
        // no control is ever squeezed below its own width (a combo box would go blank): what does not fit goes
        // into the bar's overflow menu instead, after the labels have made themselves short
        for (Node n : items) {
            if (n instanceof javafx.scene.control.Control c) {
                c.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        bar.widthProperty().addListener((o, a, b) -> fitLater());
        window.textSizeProperty().addListener((o, a, b) -> fitLater());
        // the projector theme's text is larger too
        window.themeProperty().addListener((o, a, b) -> fitLater());
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
        // a replayed log or trace shows the release it came from (Go 1.23), not the profile it would simulate with
        model.versionProperty().addListener((o, a, b) -> showVersion(version, b));
        // the app builds the toolbar after its first frame, with a run already on the stage: start from it
        showVersion(version, model.versionProperty().get());
        version.setOnAction(e -> {
            GoVersion running = model.versionProperty().get();
            // the release on show, or the profile it simulates with, is the run already on the stage
            if (version.getValue() != null && (running == null || !version.getValue().equals(running)
                    && !version.getValue().equals(running.profile()))) {
                documents.changeOptions(version.getValue(), model.gomaxprocsProperty().get());
            }
        });

        Spinner<Integer> procs = new Spinner<>(1, 64, 1);
        procs.setId("gomaxprocs");
        // 84 px at 100%, as wide as two digits and the arrows need at every text size
        procs.prefWidthProperty().bind(window.textSizeProperty().multiply(0.84));
        procs.setTooltip(new Tooltip("GOMAXPROCS: the number of Ps"));
        procs.disableProperty().bind(model.importedProperty());
        model.gomaxprocsProperty().addListener((o, a, b) -> procs.getValueFactory().setValue(b.intValue()));
        if (model.gomaxprocsProperty().get() > 0) {
            procs.getValueFactory().setValue(model.gomaxprocsProperty().get());
        }
        procs.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != model.gomaxprocsProperty().get()) {
                documents.changeOptions(model.versionProperty().get(), b);
            }
        });
        procsLabel.setId("gomaxprocs-label");
        procsLabel.setTooltip(new Tooltip("GOMAXPROCS: the number of Ps"));
        procsLabel.getStyleClass().add("toolbar-label");
        procsLabel.setMinWidth(Region.USE_PREF_SIZE);
        this.procs = procs;
        this.seed = seed();
        return List.of(version, procsLabel, procs, seedLabel, seed);
    }

    /**
     * The seed of the run on screen, from the window model: the arrows run the next or the previous seed, and any
     * seed can be typed (Enter runs it). Like the pickers it re-runs only when the value differs from the seed on
     * screen, so the window model setting it is never taken for the user's request.
     */
    private Spinner<Long> seed() {
        Spinner<Long> seed = new Spinner<>(new SeedValueFactory(window.getSeed()));
        seed.setId("seed");
        seed.setEditable(true);
        // as wide as three digits and the arrows need at every text size (the lessons' seeds have one or two)
        seed.prefWidthProperty().bind(window.textSizeProperty().multiply(0.72));
        String tip = "Seed of this run: real Go differs from run to run, and so do seeds. The arrows (or a typed "
                + "seed and Enter) show another run; View → What Could Happen counts many";
        seed.setTooltip(new Tooltip(tip));
        seed.disableProperty().bind(model.importedProperty());
        window.seedProperty().addListener((o, a, b) -> seed.getValueFactory().setValue(b.longValue()));
        seed.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != window.getSeed()) {
                documents.changeSeed(b);
            }
        });
        seedLabel.setId("seed-label");
        seedLabel.setTooltip(new Tooltip(tip));
        seedLabel.getStyleClass().add("toolbar-label");
        seedLabel.setMinWidth(Region.USE_PREF_SIZE);
        return seed;
    }

    /** Any seed a file can hold; a typed text that is not a number leaves the seed as it was. */
    static final class SeedValueFactory extends SpinnerValueFactory<Long> {
        SeedValueFactory(long initial) {
            setValue(initial);
            setConverter(new StringConverter<>() {
                @Override
                public String toString(Long v) {
                    return v == null ? "" : Long.toString(v);
                }

                @Override
                public Long fromString(String text) {
                    try {
                        return Long.parseLong(text.trim());
                    } catch (NumberFormatException e) {
                        return getValue();
                    }
                }
            });
        }

        @Override
        public void decrement(int steps) {
            setValue(getValue() - steps);
        }

        @Override
        public void increment(int steps) {
            setValue(getValue() + steps);
        }
    }

    /**
     * Shows {@code b}, the release the run on show is of: a scenario's own "go" (simulated with the profile that
     * release behaves like, which the tooltip names) or the release an imported run came from. A scenario of Go 1.22
     * reads "Go 1.22", not the "Go 1.14" of its profile: the toolbar says what the file says.
     */
    private void showVersion(ComboBox<GoVersion> version, GoVersion b) {
        if (b != null && !version.getItems().contains(b)) {
            version.getItems().add(b);
        }
        version.setValue(b);
        version.getItems().removeIf(v -> !GoVersion.PROFILES.contains(v) && !v.equals(b));
        version.getTooltip().setText(VersionTip.of(b, model.importedProperty().get(), model.facts().kernelThreadIds()));
    }

    private List<Node> playback() {
        Playback pb = model.playback();
        Button restart = button("restart", Icons.RESTART, "Restart (Home)", pb::restart);
        Button back = button("step-back", Icons.STEP_BACK, "Step back (Left, PageUp)", pb::stepBack);
        Button play = button("play", Icons.PLAY, "Play / pause (Space)", pb::togglePlay);
        play.getStyleClass().add("play-button");
        pb.playingProperty().addListener((o, a, b) -> play.setGraphic(Icons.icon(b ? Icons.PAUSE : Icons.PLAY)));
        if (pb.isPlaying()) {
            play.setGraphic(Icons.icon(Icons.PAUSE));
        }
        Button fwd = button("step-forward", Icons.STEP_FORWARD, "Step forward (Right, PageDown)", pb::stepForward);
        back.disableProperty().bind(pb.indexProperty().isEqualTo(0));
        fwd.disableProperty().bind(pb.atEndProperty());
        stepForward = fwd;
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
        this.spacer = spacer;
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy");
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.busyProperty());
        status.setId("status");
        status.getStyleClass().add("status-text");
        status.textProperty().bind(model.statusProperty());
        return List.of(spacer, busy, status);
    }

    /**
     * How much the bar gives up when it is short of room (Larger Text, a 1280x720 projector), least first: the
     * status says only where the run is ("event 6 of 36"), the GOMAXPROCS label becomes "Ps", and then the counter
     * ("6 / 36") moves up beside the playback buttons, the seed moves behind it and the gaps between groups close, so
     * the counter stays on the bar; whatever still does not fit (the seed, speed, compare, export, present) goes into
     * the bar's overflow menu (»), whole.
     */
    enum Fit { FULL, SHORT_STATUS, SHORT_LABELS, COUNTER_BESIDE_PLAYBACK }

    private boolean fitQueued;

    /** After the CSS pass that the new width or text size starts, so the controls' widths are the new ones. */
    private void fitLater() {
        if (!fitQueued) {
            fitQueued = true;
            javafx.application.Platform.runLater(() -> {
                fitQueued = false;
                fitNow();
            });
        }
    }

    /**
     * Chooses the least compact fit with which nothing goes into the overflow menu (or, failing that, the most
     * compact), asking the bar itself: it sorts its items into the overflow menu when its width or its items
     * change, not when their widths do (a larger font), so it is given its items again for each try.
     */
    void fitNow() {
        // only a bar on screen: a scene taken off its window (another took its place) is not styled any more, and
        // its controls' widths would mean nothing
        if (bar.getScene() == null || bar.getScene().getWindow() == null || !bar.getScene().getWindow().isShowing()
                || bar.getScene().getWindow().getScene() != bar.getScene()) {
            return;
        }
        for (Fit f : Fit.values()) {
            apply(f);
            bar.getItems().setAll(List.copyOf(bar.getItems()));
            bar.applyCss();
            bar.layout();
            if (!overflowing()) {
                break;
            }
        }
    }

    /** Whether the bar shows its overflow button (some items are in its menu). */
    private boolean overflowing() {
        Node more = bar.lookup(".tool-bar-overflow-button");
        return more != null && more.isVisible();
    }

    private void apply(Fit f) {
        status.textProperty().unbind();
        if (f == Fit.COUNTER_BESIDE_PLAYBACK) {
            status.textProperty().bind(model.playback().indexProperty().asString("%d / ")
                    .concat(model.playback().sizeProperty().asString("%d")));
        } else if (f == Fit.SHORT_STATUS || f == Fit.SHORT_LABELS) {
            status.textProperty().bind(model.playback().indexProperty().asString("event %d of ")
                    .concat(model.playback().sizeProperty().asString("%d")));
        } else {
            status.textProperty().bind(model.statusProperty());
        }
        procsLabel.setText(f.compareTo(Fit.SHORT_LABELS) >= 0 ? PROCS_SHORT : PROCS_LABEL);
        List<Node> items = new ArrayList<>(bar.getItems());
        items.remove(status);
        int at = f == Fit.COUNTER_BESIDE_PLAYBACK ? items.indexOf(stepForward) + 1 : items.indexOf(spacer) + 2;
        items.add(at, status);
        // at the most compact the seed follows the counter, so it goes into the overflow menu before the counter
        items.remove(seedLabel);
        items.remove(seed);
        int seedAt = f == Fit.COUNTER_BESIDE_PLAYBACK ? items.indexOf(status) + 1 : items.indexOf(procs) + 1;
        items.addAll(seedAt, List.of(seedLabel, seed));
        for (Node g : gaps) {
            g.setManaged(f != Fit.COUNTER_BESIDE_PLAYBACK);
            g.setVisible(f != Fit.COUNTER_BESIDE_PLAYBACK);
        }
        if (!items.equals(bar.getItems())) {
            bar.getItems().setAll(items);
        }
    }

    private Node gap() {
        Region r = new Region();
        r.getStyleClass().add("toolbar-gap");
        gaps.add(r);
        return r;
    }

    private static Button button(String id, String icon, String tip, Runnable action) {
        return Icons.toolButton(id, icon, tip, action);
    }
}
