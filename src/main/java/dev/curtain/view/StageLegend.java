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
        add("tether", "swatch-tether", "LockOSThread: G wired to M");
        add("changed", "swatch-changed", "changed by the last step");
        add("diverged", "swatch-diverged", "thread differs from the process");
    }

    private void add(String key, String swatchClass, String text) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", swatchClass);
        Label l = new Label(text, swatch);
        l.getStyleClass().add("legend-item");
        l.setId("legend-" + key);
        getChildren().add(l);
    }
}
