package dev.curtain.app;

import dev.curtain.view.CaptionBar;
import dev.curtain.view.EventLogView;
import dev.curtain.view.ExploreView;
import dev.curtain.view.InspectorView;
import dev.curtain.view.LessonCard;
import dev.curtain.view.SourceView;
import dev.curtain.view.StageLegend;
import dev.curtain.view.StageView;
import dev.curtain.view.TimelineView;
import dev.curtain.view.model.ViewerModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's panels: in the centre the stage (with its legend, the lesson's title card and the guide over it) and
 * the inspector beside it, and the Explore panel ("what could happen") beside that when it is asked for; at the
 * bottom the caption, the timeline, and the source and event log side by side. The inspector, the Explore panel and
 * the bottom panels come and go as the {@link WindowModel} says (View menu, presenting); the inspector's divider
 * comes back where it was.
 */
final class WindowPanels {
    private final ViewerModel model;
    private final StageView stageView;
    private final TimelineView timeline;
    private final GuideSlot guide;
    private final WindowModel window;
    /** The Explore panel, right of the inspector while View → What Could Happen is on. */
    private final ExploreView explore;
    /** The inspector, or until {@link #complete()} a blank stand-in of its place. */
    private Node inspector;
    private VBox sourcePanel;
    private VBox logPanel;
    private final boolean later;
    private boolean complete;
    private final SplitPane mainSplit = new SplitPane();
    private final SplitPane bottomSplit = new SplitPane();
    private final Node centre;
    private final Node bottom;
    private double inspectorDivider = 0.62;
    /** Where the dividers go with the Explore panel in: stage, inspector, explore (or stage, explore). */
    private static final double[] WITH_EXPLORE = {0.46, 0.72};
    private static final double EXPLORE_ALONE = 0.64;

    /**
     * @param height the window's height: the source and log take a fifth of it
     * @param later  whether the inspector, source and event log wait for {@link #complete()} (the app builds them
     *               after its first frame; until then their places are blank)
     */
    WindowPanels(ViewerModel model, WindowModel window, StageView stageView, TimelineView timeline, GuideSlot guide,
                 ExploreView explore, ObservableNumberValue height, boolean later) {
        this.model = model;
        this.explore = explore;
        this.window = window;
        this.stageView = stageView;
        this.timeline = timeline;
        this.guide = guide;
        this.later = later;
        centre = buildCentre();
        bottom = buildBottom(height);
        window.inspectorVisibleProperty().addListener((o, a, b) -> showInspector(b));
        window.exploreVisibleProperty().addListener((o, a, b) -> showExplore(b));
        bind(bottomSplit, window.panelsVisibleProperty());
        window.textSizeProperty().addListener((o, a, b) -> scaleInspector());
        if (!later) {
            completed();
        }
    }

    /**
     * Builds the inspector, source and event log into their places, if they were left for later; they show the
     * model's state at once.
     */
    void complete() {
        if (complete) {
            return;
        }
        Node real = scrolling(new InspectorView(model));
        int at = mainSplit.getItems().indexOf(inspector);
        if (at >= 0) {
            double[] dividers = mainSplit.getDividerPositions();
            mainSplit.getItems().set(at, real);
            mainSplit.setDividerPositions(dividers);
        }
        inspector = real;
        sourcePanel.getChildren().set(1, grown(new SourceView(model)));
        logPanel.getChildren().set(1, grown(new EventLogView(model)));
        completed();
    }

    private void completed() {
        complete = true;
        scaleInspector();
    }

    /** Whether the inspector, source and event log are built. */
    boolean isComplete() {
        return complete;
    }

    private void scaleInspector() {
        InspectorView v = inspector();
        if (v != null) {
            v.setTextScale(window.getTextSize() / 100.0);
        }
        explore.setTextScale(window.getTextSize() / 100.0);
    }

    /**
     * The inspector in a pane that scrolls only when its place is shorter than the inspector can be (the largest
     * text on a 1280x720 projector); otherwise it fills its place, as it did on its own.
     */
    private static Node scrolling(InspectorView v) {
        ScrollPane p = new ScrollPane(v);
        p.setFitToWidth(true);
        p.setFitToHeight(true);
        p.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        p.getStyleClass().add("inspector-scroll");
        p.setMinWidth(0);
        return p;
    }

    /** A blank place with the style of the view that will fill it. */
    private static Node standIn(String styleClass) {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        r.getStyleClass().add(styleClass);
        return r;
    }

    private static Node grown(Node n) {
        VBox.setVgrow(n, Priority.ALWAYS);
        return n;
    }

    /** The stage and the inspector. */
    Node centre() {
        return centre;
    }

    /** The caption, the timeline, and the source and log panels. */
    Node bottom() {
        return bottom;
    }

    /** The inspector, or null before {@link #complete()}. */
    InspectorView inspector() {
        return inspector instanceof ScrollPane p && p.getContent() instanceof InspectorView v ? v : null;
    }

    private Node buildCentre() {
        StageLegend legend = new StageLegend();
        legend.showInferred(model.importedProperty());
        VBox stageColumn = new VBox(stageView, legend);
        stageColumn.getStyleClass().add("stage-column");
        VBox.setVgrow(stageView, Priority.ALWAYS);
        StackPane stageArea = new StackPane(stageColumn, new LessonCard(model));
        guide.placeIn(stageArea);
        inspector = later ? standIn("inspector") : scrolling(new InspectorView(model));
        mainSplit.getItems().setAll(stageArea, inspector);
        mainSplit.setDividerPositions(0.62);
        mainSplit.getStyleClass().add("main-split");
        // at the largest text on a 1280x720 screen the panels' least heights add up to more than the window: the
        // centre gives way (the stage scales to what it gets) rather than pushing the window's layout past its edges
        mainSplit.setMinHeight(0);
        return mainSplit;
    }

    private Node buildBottom(ObservableNumberValue height) {
        CaptionBar caption = new CaptionBar(model);
        sourcePanel = panel("Source", later ? standIn("source-view") : new SourceView(model));
        logPanel = panel("Event log", later ? standIn("event-log") : new EventLogView(model));
        bottomSplit.getItems().setAll(sourcePanel, logPanel);
        bottomSplit.setDividerPositions(0.42);
        bottomSplit.setOrientation(Orientation.HORIZONTAL);
        bottomSplit.getStyleClass().add("bottom-split");
        // the source and log get a fifth of the window at 100% text, less as the text grows (the caption above
        // them grows too): enough to read a few lines, and the stage keeps the rest
        bottomSplit.prefHeightProperty().bind(Bindings.max(100,
                Bindings.multiply(0.2, height).multiply(100).divide(window.textSizeProperty())));
        bottomSplit.setMinHeight(100);
        VBox box = new VBox(caption, timeline, bottomSplit);
        box.getStyleClass().add("bottom-area");
        return box;
    }

    /** Puts the inspector in or out of the window, beside the stage; the divider comes back where it was. */
    private void showInspector(boolean shown) {
        boolean there = mainSplit.getItems().contains(inspector);
        boolean exploring = mainSplit.getItems().contains(explore);
        if (shown && !there) {
            mainSplit.getItems().add(1, inspector);
            if (exploring) {
                mainSplit.setDividerPositions(WITH_EXPLORE);
            } else {
                mainSplit.setDividerPositions(inspectorDivider);
            }
        } else if (!shown && there) {
            if (!exploring) {
                inspectorDivider = mainSplit.getDividerPositions()[0];
            }
            mainSplit.getItems().remove(inspector);
            if (exploring) {
                mainSplit.setDividerPositions(EXPLORE_ALONE);
            }
        }
    }

    /**
     * Puts the Explore panel in or out of the window, right of the inspector; the stage gives up the room (hiding
     * the inspector, Ctrl+I, gives it back on a small screen), and the inspector's divider comes back after.
     */
    private void showExplore(boolean shown) {
        boolean there = mainSplit.getItems().contains(explore);
        boolean inspecting = mainSplit.getItems().contains(inspector);
        if (shown && !there) {
            if (inspecting) {
                inspectorDivider = mainSplit.getDividerPositions()[0];
            }
            mainSplit.getItems().add(explore);
            if (inspecting) {
                mainSplit.setDividerPositions(WITH_EXPLORE);
            } else {
                mainSplit.setDividerPositions(EXPLORE_ALONE);
            }
        } else if (!shown && there) {
            mainSplit.getItems().remove(explore);
            if (inspecting) {
                mainSplit.setDividerPositions(inspectorDivider);
            }
        }
    }

    /** A node that is in the layout only while {@code shown}. */
    static void bind(Node n, ObservableValue<Boolean> shown) {
        n.visibleProperty().bind(shown);
        n.managedProperty().bind(shown);
    }

    private static VBox panel(String title, Node content) {
        Label l = new Label(title);
        l.getStyleClass().add("panel-title");
        VBox v = new VBox(l, content);
        v.getStyleClass().add("panel");
        VBox.setVgrow(content, Priority.ALWAYS);
        return v;
    }
}
