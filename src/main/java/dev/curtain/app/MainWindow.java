package dev.curtain.app;

import dev.curtain.engine.GoVersion;
import dev.curtain.importer.ImportResult;
import dev.curtain.importer.LogImport;
import dev.curtain.scenario.Scenario;
import dev.curtain.view.CaptionBar;
import dev.curtain.view.EventLogView;
import dev.curtain.view.Icons;
import dev.curtain.view.InspectorView;
import dev.curtain.view.LessonCard;
import dev.curtain.view.SourceView;
import dev.curtain.view.StageGuide;
import dev.curtain.view.StageLegend;
import dev.curtain.view.StageView;
import dev.curtain.view.TimelineView;
import dev.curtain.view.model.Playback;
import dev.curtain.view.model.ViewerModel;
import org.controlsfx.dialog.ProgressDialog;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The animator window: menus, toolbar, stage, inspector, caption bar, timeline, event log and source pane, and
 * the keyboard map a presentation clicker uses. Builds the views, binds them to the {@link ViewerModel}, and
 * turns user actions (open, drag and drop, version and GOMAXPROCS changes) into model commands.
 */
public final class MainWindow {
    /** Text sizes offered for large rooms, as root style classes {@code text-125} and so on. */
    static final int[] TEXT_SIZES = {100, 125, 150, 200};
    static final String STYLESHEET = "/dev/curtain/app/curtain.css";

    private final Stage stage;
    private final ViewerModel model;
    private final LessonLibrary lessons;
    private final ScenarioOpener opener;
    private final RecentFiles recent;
    private final StageView stageView;
    private final TimelineView timeline;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final FrameLoop loop;
    private final Menu recentMenu = new Menu("Open Recent");
    /** Help → How to Read the Stage: over the stage on a first launch, and on F1. */
    private final StageGuide guide = new StageGuide(this::guideClosed);
    private Runnable onGuideSeen = () -> { };
    private final ComboBox<Scenario> lessonPicker = new ComboBox<>();
    private Theme theme = Theme.LIGHT;
    private InspectorView inspector;
    private final ExportActions export;
    private final Duration tween;
    private final PresenterMode presenter;
    private final Authoring authoring;
    private VBox chromeTop;
    private SplitPane mainSplit;
    private Node stageLegend;
    private Node bottomPanels;
    private Node bottomArea;
    /** View → Inspector: off gives the stage the window's width (a 1280x720 projector, say). */
    private final BooleanProperty inspectorShown = new SimpleBooleanProperty(this, "inspectorShown", true);
    /** View → Source and Event Log: off gives the stage the window's height. */
    private final BooleanProperty panelsShown = new SimpleBooleanProperty(this, "panelsShown", true);
    private double inspectorDivider = 0.62;
    /** True while a control is being set from the model, so its change is not taken for the user's. */
    private boolean following;
    private int textSize = 100;

    public MainWindow(Stage stage, ViewerModel model, LessonLibrary lessons, ScenarioOpener opener,
                      RecentFiles recent, Duration tween) {
        this.stage = stage;
        this.model = model;
        this.lessons = lessons;
        this.opener = opener;
        this.recent = recent;
        this.stageView = new StageView(model, tween);
        this.timeline = new TimelineView(model);
        this.loop = new FrameLoop(model.playback(), stageView);
        this.export = new ExportActions(stage, model, () -> theme);
        this.authoring = new Authoring(stage, model);
        this.tween = tween;

        root.getStyleClass().add("curtain");
        chromeTop = new VBox(menuBar(), toolBar());
        root.setTop(chromeTop);
        root.setCenter(centre());
        bottomArea = bottom();
        root.setBottom(bottomArea);
        scene = new Scene(root, 1600, 900);
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        setTheme(Theme.LIGHT);
        setTextSize(100);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                open(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        presenter = new PresenterMode(this, stage, root, List.of(chromeTop, bottomPanels), mainSplit,
                inspector, List.of(root.getCenter(), bottomArea));
        inspectorShown.addListener((o, a, b) -> showInspector(b));
        panelsShown.addListener((o, a, b) -> {
            bottomPanels.setVisible(b);
            bottomPanels.setManaged(b);
        });
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> model.getScenario() == null ? "Curtain"
                : (authoring.isDirty() ? "* " : "") + model.getScenario().title() + " — Curtain",
                model.scenarioProperty(), authoring.dirtyProperty()));
        stage.setOnCloseRequest(e -> {
            if (!authoring.confirmDiscard()) {
                e.consume();
            }
        });
        model.scenarioProperty().addListener((o, a, b) -> {
            if (b != null && b.hints().theme() != null) {
                setTheme(Theme.named(b.hints().theme()));
            }
        });
    }

    public Scene scene() { return scene; }
    public StageView stageView() { return stageView; }
    public TimelineView timeline() { return timeline; }
    public ViewerModel model() { return model; }
    public Theme theme() { return theme; }
    /** The text size in percent (100, 125, 150, 200). */
    int textSize() { return textSize; }
    /** Cue editing and saving (tests answer its unsaved-changes prompt). */
    Authoring authoring() { return authoring; }
    /** View → Present's mode (tests look at it). */
    PresenterMode presenter() { return presenter; }
    /** File → Export's actions (tests start an export without the file chooser). */
    ExportActions exportActions() { return export; }
    /** The File → Open Recent menu (tests read its items). */
    Menu recentMenu() { return recentMenu; }

    /** Starts the animation loop; call on the FX thread. */
    public void start() {
        loop.start();
    }

    public void stop() {
        loop.stop();
    }

    /**
     * Opens a scenario file, or a schedtrace log (told apart by content); on errors, lists them all and keeps the
     * current scenario.
     */
    public void open(Path file) {
        if (!authoring.confirmDiscard()) {
            return;
        }
        if (LogImport.looksLikeImport(file)) {
            openLog(file);
            return;
        }
        ScenarioOpener.Result r;
        try {
            r = opener.open(file);
        } catch (RuntimeException e) {
            ErrorDialogs.exception(stage, e);
            return;
        }
        if (!r.ok()) {
            ErrorDialogs.openErrors(stage, file, r.errors());
            return;
        }
        recent.add(file);
        show(r.scenario());
        authoring.opened(file);
    }

    /** Imports a schedtrace log in the background with a progress dialog (cancel stops it), then shows it. */
    private void openLog(Path file) {
        Task<ImportResult> task = LogOpening.task(file);
        task.setOnSucceeded(e -> {
            ImportResult r = task.getValue();
            if (r.isRefused()) {
                ErrorDialogs.openErrors(stage, file, List.of(r.refusal()));
                return;
            }
            recent.add(file);
            model.openRecording(LogOpening.describe(file, r), r.recording(), LogOpening.openingIndex(r));
            authoring.openedLog();
        });
        task.setOnFailed(e -> {
            if (!(task.getException() instanceof java.util.concurrent.CancellationException)) {
                ErrorDialogs.exception(stage, task.getException());
            }
        });
        ProgressDialog progress = new ProgressDialog(task);
        progress.initOwner(stage);
        progress.setTitle("Opening a recorded run");
        progress.setHeaderText("Replaying " + file.getFileName());
        Thread worker = new Thread(task, "curtain-import");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Opens the side-by-side view on the current scenario: under the two versions its file compares (a lesson's
     * {@code compare} list), else under its own version and the next profile.
     */
    CompareWindow compare() {
        Scenario s = model.getScenario();
        if (s == null || model.importedProperty().get()) {
            return null;
        }
        return compare(s);
    }

    /** The side-by-side view on {@code s}, beside the main window. */
    private CompareWindow compare(Scenario s) {
        model.playback().pause();
        CompareWindow w = new CompareWindow(stage, model.runner(), theme, tween);
        GoVersion[] v = CompareWindow.versionsFor(s);
        w.show(s, v[0], v[1]);
        return w;
    }

    /** Simulates and shows a scenario (a lesson, or one just read from a file). */
    public void show(Scenario s) {
        authoring.opened(null);
        model.open(s, err -> ErrorDialogs.exception(stage, err));
    }

    /** Shows "How to read the stage" over the stage (Help, F1, a first launch). */
    public void showGuide() {
        guide.setVisible(true);
        guide.toFront();
    }

    /** Runs {@code seen} when the guide is dismissed: the app remembers not to show it on the next launch. */
    public void onGuideSeen(Runnable seen) {
        onGuideSeen = seen;
    }

    /** The guide (tests look at it). */
    StageGuide guide() {
        return guide;
    }

    private void guideClosed() {
        onGuideSeen.run();
    }

    public void setTheme(Theme t) {
        root.getStyleClass().removeIf(c -> c.startsWith("theme-"));
        root.getStyleClass().add(t.styleClass());
        theme = t;
        stageView.paletteProperty().set(t.palette());
        timeline.paletteProperty().set(t.palette());
    }

    /** Puts the inspector in or out of the window as View → Inspector says; the divider comes back where it was. */
    private void showInspector(boolean shown) {
        boolean there = mainSplit.getItems().contains(inspector);
        if (shown && !there) {
            mainSplit.getItems().add(inspector);
            mainSplit.setDividerPositions(inspectorDivider);
        } else if (!shown && there) {
            inspectorDivider = mainSplit.getDividerPositions()[0];
            mainSplit.getItems().remove(inspector);
        }
    }

    public void setTextSize(int percent) {
        root.getStyleClass().removeIf(c -> c.startsWith("text-"));
        root.getStyleClass().add("text-" + percent);
        textSize = percent;
        stageView.fontScaleProperty().set(percent / 100.0);
        if (inspector != null) {
            inspector.setTextScale(percent / 100.0);
        }
    }

    // ================================================================ building

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseFile());
        recent.files().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            if (authoring.confirmDiscard()) {
                stage.close();
            }
        });
        BooleanBinding nothingToExport = nothingToExport();
        List<MenuItem> exports = exportItems("Export ");
        MenuItem frame = exports.get(0);
        frame.setId("export-frame");
        frame.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        MenuItem video = exports.get(1);
        video.setId("export-video");
        video.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+E"));
        MenuItem trace = exports.get(2);
        trace.setId("export-trace");
        MenuItem save = new MenuItem("Save");
        save.setId("save-menu");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> authoring.save());
        save.disableProperty().bind(nothingToExport);
        Menu file = new Menu("File", null, open, recentMenu, save, new SeparatorMenuItem(), frame, video,
                trace, new SeparatorMenuItem(), quit);

        Menu themes = new Menu("Theme");
        ToggleGroup tg = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.label());
            item.setToggleGroup(tg);
            item.setSelected(t == Theme.LIGHT);
            item.setOnAction(e -> setTheme(t));
            themes.getItems().add(item);
        }
        Menu sizes = new Menu("Text Size");
        ToggleGroup sg = new ToggleGroup();
        for (int pct : TEXT_SIZES) {
            RadioMenuItem item = new RadioMenuItem(pct + "%");
            item.setToggleGroup(sg);
            item.setSelected(pct == 100);
            item.setOnAction(e -> setTextSize(pct));
            sizes.getItems().add(item);
        }
        MenuItem bigger = new MenuItem("Larger Text");
        bigger.setAccelerator(KeyCombination.keyCombination("Shortcut+EQUALS"));
        bigger.setOnAction(e -> stepTextSize(1));
        MenuItem smaller = new MenuItem("Smaller Text");
        smaller.setAccelerator(KeyCombination.keyCombination("Shortcut+MINUS"));
        smaller.setOnAction(e -> stepTextSize(-1));
        MenuItem present = new MenuItem("Present");
        present.setId("present-menu");
        present.setAccelerator(KeyCombination.keyCombination("F5"));
        present.setOnAction(e -> presenter.toggle());
        MenuItem compare = new MenuItem("Compare Go Versions Side by Side");
        compare.setId("compare-menu");
        compare.setAccelerator(KeyCombination.keyCombination("Shortcut+K"));
        compare.setOnAction(e -> compare());
        compare.disableProperty().bind(model.scenarioProperty().isNull().or(model.importedProperty()));
        CheckMenuItem inspectorItem = new CheckMenuItem("Inspector");
        inspectorItem.setId("view-inspector");
        inspectorItem.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        inspectorItem.selectedProperty().bindBidirectional(inspectorShown);
        CheckMenuItem panelsItem = new CheckMenuItem("Source and Event Log");
        panelsItem.setId("view-panels");
        panelsItem.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        panelsItem.selectedProperty().bindBidirectional(panelsShown);
        Menu view = new Menu("View", null, present, compare, new SeparatorMenuItem(), inspectorItem, panelsItem,
                new SeparatorMenuItem(), themes, sizes, bigger, smaller);

        MenuItem howTo = new MenuItem("How to Read the Stage");
        howTo.setId("help-guide");
        howTo.setAccelerator(KeyCombination.keyCombination("F1"));
        howTo.setOnAction(e -> showGuide());
        MenuItem keys = new MenuItem("Keyboard Shortcuts");
        keys.setId("help-keys");
        keys.setOnAction(e -> HelpDialogs.shortcuts(stage));
        MenuItem about = new MenuItem("About Curtain");
        about.setId("help-about");
        about.setOnAction(e -> HelpDialogs.about(stage));
        Menu help = new Menu("Help", null, howTo, keys, new SeparatorMenuItem(), about);
        MenuItem cue = new MenuItem("Cue at This Event (Caption, Notes, Pause)…");
        cue.setId("cue-menu");
        cue.setAccelerator(KeyCombination.keyCombination("Shortcut+U"));
        cue.setOnAction(e -> authoring.editCueAtCurrentEvent());
        cue.disableProperty().bind(nothingToExport.or(model.playback().indexProperty().isEqualTo(0)));
        Menu edit = new Menu("Edit", null, cue);
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.files()) {
            MenuItem item = new MenuItem(p.getFileName() + "   " + p.getParent());
            item.setOnAction(e -> open(p));
            recentMenu.getItems().add(item);
        }
        if (recent.files().isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear Menu");
            clear.setOnAction(e -> recent.clear());
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    private void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a scenario");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Curtain scenarios", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Export draws a simulated run again off screen; a replayed log is not re-simulated, so it is not offered. */
    private BooleanBinding nothingToExport() {
        return model.scenarioProperty().isNull().or(model.importedProperty());
    }

    /** The three exports, for the File menu and the toolbar's export button ({@code prefix} starts each label). */
    private List<MenuItem> exportItems(String prefix) {
        MenuItem frame = new MenuItem(prefix + "Current Frame as PNG…");
        frame.setOnAction(e -> export.exportFrame());
        MenuItem video = new MenuItem(prefix + "Video (GIF or MP4)…");
        video.setOnAction(e -> export.exportVideo());
        BooleanBinding nothing = nothingToExport();
        frame.disableProperty().bind(nothing);
        video.disableProperty().bind(nothing);
        // a trace is written from the run as it is: a replayed log has one too
        MenuItem trace = new MenuItem(prefix + "Trace for Perfetto (JSON)…");
        trace.setOnAction(e -> export.exportTrace());
        trace.disableProperty().bind(model.scenarioProperty().isNull());
        return List.of(frame, video, trace);
    }

    private ToolBar toolBar() {
        Playback pb = model.playback();
        Button open = button("open", Icons.OPEN, "Open a scenario file (Ctrl+O)", this::chooseFile);

        lessonPicker.setId("lesson-picker");
        lessonPicker.getItems().setAll(lessons.lessons());
        lessonPicker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Scenario s) {
                return s == null ? "" : s.title();
            }

            @Override
            public Scenario fromString(String s) {
                return null;
            }
        });
        lessonPicker.setPromptText("Lessons");
        // a scenario opened from a file is not a lesson: the picker then says so instead of going blank
        lessonPicker.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Scenario s, boolean empty) {
                super.updateItem(s, empty);
                setText(s == null || empty ? "Lessons…" : s.title());
            }
        });
        lessonPicker.setTooltip(new Tooltip("Built-in lessons"));
        lessonPicker.setOnAction(e -> {
            Scenario s = lessonPicker.getValue();
            if (!following && s != null && s != model.getScenario() && authoring.confirmDiscard()) {
                show(s);
                if (!s.compare().isEmpty()) {
                    // a lesson that contrasts versions opens side by side too, as its author meant it to be seen
                    compare(s);
                }
            }
        });
        model.scenarioProperty().addListener((o, a, b) -> {
            Scenario match = null;
            for (Scenario l : lessonPicker.getItems()) {
                if (b != null && l.title().equals(b.title()) && l.program().equals(b.program())) {
                    match = l;
                }
            }
            if (lessonPicker.getValue() != match) {
                Scenario m = match;
                following(() -> lessonPicker.setValue(m));
            }
        });

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
        // a replayed log is what a real program did: there is nothing to re-simulate
        version.disableProperty().bind(model.importedProperty());
        // the pickers follow the model; while they do, their change events are not user requests to re-simulate
        model.versionProperty().addListener((o, a, b) -> following(() -> version.setValue(b == null ? null : b.profile())));
        version.setOnAction(e -> {
            if (!following) {
                changeOptions(version.getValue(), model.gomaxprocsProperty().get());
            }
        });

        Spinner<Integer> procs = new Spinner<>(1, 64, 1);
        procs.setId("gomaxprocs");
        procs.setPrefWidth(84);
        procs.setTooltip(new Tooltip("GOMAXPROCS: the number of Ps"));
        procs.disableProperty().bind(model.importedProperty());
        model.gomaxprocsProperty().addListener((o, a, b) -> following(() -> procs.getValueFactory().setValue(b.intValue())));
        procs.valueProperty().addListener((o, a, b) -> {
            if (!following && b != null && b != model.gomaxprocsProperty().get()) {
                changeOptions(model.versionProperty().get(), b);
            }
        });
        Label procsLabel = new Label("GOMAXPROCS");
        procsLabel.getStyleClass().add("toolbar-label");
        procsLabel.setMinWidth(Region.USE_PREF_SIZE);

        Button restart = button("restart", Icons.RESTART, "Restart (Home)", pb::restart);
        Button back = button("step-back", Icons.STEP_BACK, "Step back (Left, PageUp)", pb::stepBack);
        Button play = button("play", Icons.PLAY, "Play / pause (Space)", pb::togglePlay);
        play.getStyleClass().add("play-button");
        pb.playingProperty().addListener((o, a, b) -> play.setGraphic(Icons.icon(b ? Icons.PAUSE : Icons.PLAY)));
        Button fwd = button("step-forward", Icons.STEP_FORWARD, "Step forward (Right, PageDown)", pb::stepForward);
        back.disableProperty().bind(pb.indexProperty().isEqualTo(0));
        fwd.disableProperty().bind(pb.atEndProperty());

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

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy");
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.busyProperty());
        Label status = new Label();
        status.setId("status");
        status.getStyleClass().add("status-text");
        status.textProperty().bind(model.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button compare = button("compare", Icons.COMPARE, "Compare two Go versions side by side (Ctrl+K)",
                this::compare);
        compare.disableProperty().bind(model.scenarioProperty().isNull().or(model.importedProperty()));
        Button present = button("present", Icons.PRESENT, "Present: full screen, large captions, speaker notes (F5)",
                () -> presenter.toggle());
        MenuButton exportButton = new MenuButton(null, Icons.icon(Icons.EXPORT));
        exportButton.getItems().setAll(exportItems(""));
        exportButton.setId("export");
        exportButton.setTooltip(new Tooltip(
                "Export the current frame as PNG, a range as GIF or MP4 (Ctrl+E, Ctrl+Shift+E), or a Perfetto trace"));
        exportButton.getStyleClass().add("tool-button");
        exportButton.setFocusTraversable(false);
        exportButton.disableProperty().bind(model.scenarioProperty().isNull());
        ToolBar bar = new ToolBar(open, lessonPicker, sep(), version, procsLabel, procs, sep(),
                restart, back, play, fwd, speed, sep(), compare, exportButton, present, spacer, busy, status);
        bar.setId("toolbar");
        // the longest lesson title would take half the bar at 1280x720 and push speed, compare, present and the
        // status into the overflow menu: the picker takes a share of the bar instead (its list still shows whole
        // titles)
        lessonPicker.prefWidthProperty().bind(Bindings.min(440, bar.widthProperty().multiply(0.2)));
        lessonPicker.setMinWidth(180);
        return bar;
    }

    private void following(Runnable update) {
        following = true;
        try {
            update.run();
        } finally {
            following = false;
        }
    }

    private static Node sep() {
        Region r = new Region();
        r.getStyleClass().add("toolbar-gap");
        return r;
    }

    private Button button(String id, String icon, String tip, Runnable action) {
        return Icons.toolButton(id, icon, tip, action);
    }

    private Node centre() {
        StageLegend legend = new StageLegend();
        stageLegend = legend;
        VBox stageColumn = new VBox(stageView, legend);
        stageColumn.getStyleClass().add("stage-column");
        VBox.setVgrow(stageView, Priority.ALWAYS);
        guide.setVisible(false);
        StackPane stageArea = new StackPane(stageColumn, new LessonCard(model), guide);
        inspector = new InspectorView(model);
        SplitPane split = new SplitPane(stageArea, inspector);
        split.setDividerPositions(0.62);
        split.getStyleClass().add("main-split");
        mainSplit = split;
        return split;
    }

    private Node bottom() {
        CaptionBar caption = new CaptionBar(model);
        SourceView source = new SourceView(model);
        EventLogView log = new EventLogView(model);
        SplitPane split = new SplitPane(wrap("Source", source), wrap("Event log", log));
        split.setDividerPositions(0.42);
        split.setOrientation(Orientation.HORIZONTAL);
        split.getStyleClass().add("bottom-split");
        // the source and log get a fifth of the window: enough to read, and the stage keeps the rest
        split.prefHeightProperty().bind(Bindings.max(120, root.heightProperty().multiply(0.2)));
        split.setMinHeight(100);
        bottomPanels = split;
        VBox box = new VBox(caption, timeline, split);
        box.getStyleClass().add("bottom-area");
        return box;
    }

    private static Node wrap(String title, Node content) {
        Label l = new Label(title);
        l.getStyleClass().add("panel-title");
        VBox v = new VBox(l, content);
        v.getStyleClass().add("panel");
        VBox.setVgrow(content, Priority.ALWAYS);
        return v;
    }

    private void changeOptions(GoVersion v, int procs) {
        if (v == null || model.getScenario() == null) {
            return;
        }
        model.changeOptions(v, procs, err -> ErrorDialogs.exception(stage, err));
    }

    private void stepTextSize(int dir) {
        for (int i = 0; i < TEXT_SIZES.length; i++) {
            if (TEXT_SIZES[i] == textSize) {
                setTextSize(TEXT_SIZES[Math.max(0, Math.min(TEXT_SIZES.length - 1, i + dir))]);
                return;
            }
        }
    }

    /** The presenter's keys; ignored while typing in a text field. */
    private void onKey(KeyEvent e) {
        if (guide.isVisible() && !e.getCode().isModifierKey()) {
            // any key dismisses the guide, and only that: the clicker's first press must not also step
            guide.close();
            e.consume();
            return;
        }
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        Playback pb = model.playback();
        KeyCode k = e.getCode();
        String ch = e.getText();
        boolean handled = true;
        switch (k) {
            case F5 -> presenter.toggle();
            case ESCAPE -> {
                if (presenter.isActive()) {
                    presenter.leave();
                } else {
                    handled = false;
                }
            }
            case B -> {
                if (presenter.isActive()) {
                    presenter.toggleBlank();
                } else {
                    handled = false;
                }
            }
            case N -> {
                if (presenter.isActive()) {
                    presenter.toggleNotes();
                } else {
                    handled = false;
                }
            }
            case SPACE -> pb.togglePlay();
            case RIGHT, PAGE_DOWN -> pb.stepForward();
            case LEFT, PAGE_UP -> pb.stepBack();
            case HOME -> pb.restart();
            case END -> pb.toEnd();
            case PLUS, ADD -> pb.faster();
            case MINUS, SUBTRACT -> pb.slower();
            case EQUALS -> {
                if (e.isShiftDown() || "+".equals(ch)) {
                    pb.faster();
                } else {
                    handled = false;
                }
            }
            default -> handled = false;
        }
        if (!handled && "+".equals(ch)) {
            pb.faster();
            handled = true;
        }
        if (handled) {
            e.consume();
        }
    }
}
