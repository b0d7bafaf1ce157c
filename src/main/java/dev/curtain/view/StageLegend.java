package dev.curtain.view;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/** What the colours and shapes on the stage mean; the swatches are styled by the stylesheet's palette. */
public final class StageLegend extends FlowPane {
    public StageLegend() {
        super(18, 4);
        getStyleClass().add("stage-legend");
        setId("legend");
        add("running", "swatch-running", "G running");
        add("runnable", "swatch-runnable", "G runnable, queued");
        add("syscall", "swatch-syscall", "G in a system call");
        add("waiting", "swatch-waiting", "G waiting");
        Label lock = add("tether", "swatch-tether", "LockOSThread: G wired to M");
        lock.setGraphic(Icons.icon(Icons.PADLOCK));
        lock.getGraphic().getStyleClass().add("legend-lock");
        add("changed", "swatch-changed", "changed by the last step");
        Label diverged = add("diverged", "swatch-diverged", "thread differs from the process");
        Label bang = new Label("!");
        bang.getStyleClass().add("diverged-mark");
        diverged.setGraphic(bang);
        Label victim = add("victim", "swatch-diverged", "G acted on a red thread");
        Label vb = new Label("!");
        vb.getStyleClass().addAll("diverged-mark", "victim-mark");
        victim.setGraphic(vb);
        inferred = add("inferred", "swatch-inferred", "inferred: not in the log or trace");
        inferred.setVisible(false);
        inferred.managedProperty().bind(inferred.visibleProperty());
    }

    private final Label inferred;

    /** Shows the "inferred" entry while {@code imported} is true (an imported run draws inferred marks). */
    public void showInferred(javafx.beans.value.ObservableBooleanValue imported) {
        inferred.visibleProperty().bind(imported);
    }

    private Label add(String key, String swatchClass, String text) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", swatchClass);
        Label l = new Label(text, swatch);
        l.getStyleClass().add("legend-item");
        l.setId("legend-" + key);
        getChildren().add(l);
        return l;
    }
}
