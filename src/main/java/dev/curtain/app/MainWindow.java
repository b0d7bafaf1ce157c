package dev.curtain.app;

import dev.curtain.scenario.Scenario;
import dev.curtain.view.ExploreView;
import dev.curtain.view.StageView;
import dev.curtain.view.TimelineView;
import dev.curtain.view.model.ExplorationModel;
import dev.curtain.view.model.ViewerModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The animator window, composed of its parts: the {@link WindowModel} (theme, text size, panels, presenting, the
 * open document, the seed), the {@link MainMenus}, the {@link MainToolBar}, the {@link WindowPanels} (stage,
 * inspector, Explore panel, caption, timeline, source, event log), the {@link DocumentActions} (open, lessons, options, compare),
 * {@link Authoring}, {@link ExportActions}, {@link PresenterMode} and the {@link ClickerKeys}. This class wires them
 * to each other and to the scene: the root's theme and text-size style classes, drag and drop, the title, closing.
 */
public final class MainWindow {
    /** Text sizes offered for large rooms, as root style classes {@code text-125} and so on. */
    static final int[] TEXT_SIZES = WindowModel.TEXT_SIZES;
    static final String STYLESHEET = "/dev/curtain/app/curtain.css";

    private final Stage stage;
    private final ViewerModel model;
    private final WindowModel window;
    private final StageView stageView;
    private final TimelineView timeline;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final FrameLoop loop;
    private final RecentFiles recent;
    /** The File → Open Recent menu, built with the menus (after the first frame when the app starts). */
    private RecentMenu recentMenu;
    /** Help → How to Read the Stage: over the stage on a first launch, and on F1. */
    private final GuideSlot guide = new GuideSlot(this::guideClosed);
    private Runnable onGuideSeen = () -> { };
    private final ExportActions export;
    private final Authoring authoring;
    private final DocumentActions documents;
    private final WindowPanels panels;
    private final PresenterMode presenter;
    private LessonPicker lessonPicker;
    private final FxExplorationRunner explorer = new FxExplorationRunner();
    private final ExplorationModel exploration = new ExplorationModel(explorer);

    public MainWindow(Stage stage, ViewerModel model, LessonLibrary lessons, ScenarioOpener opener,
                      RecentFiles recent, Duration tween) {
        this(stage, model, lessons, opener, recent, tween, false);
    }

    /**
     * @param firstFrameFirst whether what the first frame does not show waits until it is painted: the menus, the
     *                        toolbar (with the lessons after the default one), the inspector, source and event log
     *                        are built just after it, blank bars and places standing in for them until then (the
     *                        app starts so; tests build the whole window at once)
     */
    public MainWindow(Stage stage, ViewerModel model, LessonLibrary lessons, ScenarioOpener opener,
                      RecentFiles recent, Duration tween, boolean firstFrameFirst) {
        this.stage = stage;
        this.model = model;
        this.window = new WindowModel(model.scenarioProperty());
        this.stageView = new StageView(model, tween);
        this.timeline = new TimelineView(model);
        this.loop = new FrameLoop(model.playback(), stageView);
        this.export = new ExportActions(stage, model, window::getTheme);
        this.authoring = new Authoring(stage, model, window);
        this.documents = new DocumentActions(stage, model, window, opener, recent, authoring, tween);
        this.recent = recent;

        root.getStyleClass().add("curtain");
        // the menus and toolbar cost a third of the start-up (their combo boxes, spinner and first CSS pass): the
        // app's first frame has blank bars of their heights in their place, and they are built just after it
        root.setTop(firstFrameFirst ? ChromeStandIn.create(window.chromeVisibleProperty()) : chrome(lessons.lessons()));
        ExploreView explore = new ExploreView(exploration, documents.nothingToExport(),
                () -> exploration.start(model.getScenario()), documents::changeSeed);
        model.scenarioProperty().addListener((o, a, b) -> exploration.showing(b));
        panels = new WindowPanels(model, window, stageView, timeline, guide, explore, root.heightProperty(),
                firstFrameFirst);
        root.setCenter(panels.centre());
        root.setBottom(panels.bottom());
        // presenter mode hides and shows the panels: it comes after them
        presenter = new PresenterMode(window, model, stage, root, List.of(panels.centre(), panels.bottom()));
        scene = new Scene(root, 1600, 900);
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        followTheme();
        followTextSize();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, new ClickerKeys(model.playback(), presenter, guide)::onKey);
        acceptDroppedFiles();
        if (firstFrameFirst) {
            afterFirstFrame(() -> {
                root.setTop(chrome(lessons.lessons()));
                panels.complete();
            });
        }
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.titleProperty().bind(window.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!authoring.confirmDiscard()) {
                e.consume();
            }
        });
    }

    /** The menus and the toolbar, bound to the window model; drawn over the panels. */
    private VBox chrome(List<Scenario> lessons) {
        Runnable present = this::togglePresenting;
        recentMenu = new RecentMenu(recent, this::open);
        MainMenus menus = new MainMenus(stage, window, model, documents, export, authoring, recentMenu,
                new MainMenus.Actions(present, documents::compare, this::showGuide));
        lessonPicker = new LessonPicker(lessons, model, documents::openLesson);
        MainToolBar toolBar = new MainToolBar(model, window, documents, export, lessonPicker, present);
        VBox chrome = new VBox(menus.bar(), toolBar.bar());
        WindowPanels.bind(chrome, window.chromeVisibleProperty());
        // drawn last: a panel whose content is taller than the room it gets (the largest text on a small screen)
        // runs under the menus and toolbar, not over them
        chrome.setViewOrder(-1);
        return chrome;
    }

    public Scene scene() { return scene; }
    public StageView stageView() { return stageView; }
    public TimelineView timeline() { return timeline; }
    public ViewerModel model() { return model; }
    /** Theme, text size, panels, presenting and the open document. */
    public WindowModel windowModel() { return window; }
    public Theme theme() { return window.getTheme(); }
    /** The text size in percent (100, 125, 150, 200). */
    int textSize() { return window.getTextSize(); }
    /** Cue editing and saving (tests answer its unsaved-changes prompt). */
    Authoring authoring() { return authoring; }
    /** View → Present's mode (tests look at it). */
    PresenterMode presenter() { return presenter; }
    /** File → Export's actions (tests start an export without the file chooser). */
    ExportActions exportActions() { return export; }
    /** The Explore panel's model (tests wait for its runs). */
    ExplorationModel exploration() { return exploration; }
    /** The File → Open Recent menu (tests read its items). */
    Menu recentMenu() { return recentMenu.menu(); }

    /** Starts the animation loop; call on the FX thread. */
    public void start() {
        loop.start();
    }

    public void stop() {
        loop.stop();
        exploration.cancel();
        explorer.shutdown();
    }

    /**
     * Opens a scenario file, or a schedtrace log (told apart by content); on errors, lists them all and keeps the
     * current scenario.
     */
    public void open(Path file) {
        documents.open(file);
    }

    /** The side-by-side view on the current scenario (null when there is none, or it is a replayed log). */
    CompareWindow compare() {
        return documents.compare();
    }

    /** Simulates and shows a scenario (a lesson, or one just read from a file). */
    public void show(Scenario s) {
        documents.show(s);
    }

    /** F5, View → Present and the toolbar's present button. */
    private void togglePresenting() {
        presenter.toggle();
    }

    /** Shows "How to read the stage" over the stage (Help, F1, a first launch). */
    public void showGuide() {
        guide.show();
    }

    /** Runs {@code seen} when the guide is dismissed: the app remembers not to show it on the next launch. */
    public void onGuideSeen(Runnable seen) {
        onGuideSeen = seen;
    }

    private void guideClosed() {
        onGuideSeen.run();
    }

    public void setTheme(Theme t) {
        window.setTheme(t);
    }

    public void setTextSize(int percent) {
        window.setTextSize(percent);
    }

    /** The root's theme style class and the stage's and timeline's palette follow the window model's theme. */
    private void followTheme() {
        window.themeProperty().addListener((o, a, t) -> applyTheme(t));
        applyTheme(window.getTheme());
    }

    private void applyTheme(Theme t) {
        root.getStyleClass().removeIf(c -> c.startsWith("theme-"));
        root.getStyleClass().add(t.styleClass());
        stageView.paletteProperty().set(t.palette());
        timeline.paletteProperty().set(t.palette());
    }

    /** The root's text-size style class and the stage's font scale follow the window model's text size. */
    private void followTextSize() {
        window.textSizeProperty().addListener((o, a, b) -> applyTextSize(b.intValue()));
        applyTextSize(window.getTextSize());
    }

    private void applyTextSize(int percent) {
        root.getStyleClass().removeIf(c -> c.startsWith("text-"));
        root.getStyleClass().add("text-" + percent);
        stageView.fontScaleProperty().set(percent / 100.0);
    }

    /**
     * Runs {@code later} once the first frame with a run on the stage has been laid out and handed to the renderer:
     * from the event queue after that pulse, behind whatever that pulse queued (so the frame is painted first).
     */
    private void afterFirstFrame(Runnable later) {
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (stageView.geometry() != null && stageView.getWidth() > 0 && stageView.getHeight() > 0) {
                scene.removePostLayoutPulseListener(check[0]);
                javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(later));
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
    }

    /** The toolbar's lesson list (tests read its lessons). */
    javafx.scene.control.ComboBox<Scenario> lessonPicker() {
        return lessonPicker == null ? null : lessonPicker.combo();
    }

    /** Whether the menus, toolbar, inspector, source and event log are built (they may wait for the first frame). */
    boolean panelsComplete() {
        return panels.isComplete();
    }

    /** A scenario or log file dropped on the window opens as File → Open would. */
    private void acceptDroppedFiles() {
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
    }
}
