package dev.curtain.app;

import dev.curtain.view.CaptionBar;
import dev.curtain.view.EventLogView;
import dev.curtain.view.InspectorView;
import dev.curtain.view.LessonCard;
import dev.curtain.view.SourceView;
import dev.curtain.view.StageGuide;
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
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's panels: in the centre the stage (with its legend, the lesson's title card and the guide over it) and
 * the inspector beside it; at the bottom the caption, the timeline, and the source and event log side by side. The
 * inspector and the bottom panels come and go as the {@link WindowModel} says (View menu, presenting); the
 * inspector's divider comes back where it was.
 */
final class WindowPanels {
    private final ViewerModel model;
    private final StageView stageView;
    private final TimelineView timeline;
    private final StageGuide guide;
    private final WindowModel window;
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

    /**
     * @param height the window's height: the source and log take a fifth of it
     * @param later  whether the inspector, source and event log wait for {@link #complete()} (the app builds them
     *               after its first frame; until then their places are blank)
     */
    WindowPanels(ViewerModel model, WindowModel window, StageView stageView, TimelineView timeline, StageGuide guide,
                 ObservableNumberValue height, boolean later) {
        this.model = model;
        this.window = window;
        this.stageView = stageView;
        this.timeline = timeline;
        this.guide = guide;
        this.later = later;
        centre = buildCentre();
        bottom = buildBottom(height);
        window.inspectorVisibleProperty().addListener((o, a, b) -> showInspector(b));
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
        InspectorView real = new InspectorView(model);
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
        if (inspector instanceof InspectorView v) {
            v.setTextScale(window.getTextSize() / 100.0);
        }
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
        return inspector instanceof InspectorView v ? v : null;
    }

    private Node buildCentre() {
        StageLegend legend = new StageLegend();
        legend.showInferred(model.importedProperty());
        VBox stageColumn = new VBox(stageView, legend);
        stageColumn.getStyleClass().add("stage-column");
        VBox.setVgrow(stageView, Priority.ALWAYS);
        guide.setVisible(false);
        StackPane stageArea = new StackPane(stageColumn, new LessonCard(model), guide);
        inspector = later ? standIn("inspector") : new InspectorView(model);
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
        // the source and log get a fifth of the window: enough to read, and the stage keeps the rest
        bottomSplit.prefHeightProperty().bind(Bindings.max(120, Bindings.multiply(0.2, height)));
        bottomSplit.setMinHeight(100);
        VBox box = new VBox(caption, timeline, bottomSplit);
        box.getStyleClass().add("bottom-area");
        return box;
    }

    /** Puts the inspector in or out of the window; the divider comes back where it was. */
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
