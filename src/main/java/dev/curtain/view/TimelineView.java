package dev.curtain.view;

import dev.curtain.engine.event.Event;
import dev.curtain.render.Palette;
import dev.curtain.view.model.ViewerModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * The run as a strip: a tick per event (thinned to one per pixel for long runs), cue markers above, red
 * divergence markers below, and the playhead. Click or drag anywhere to seek.
 */
public final class TimelineView extends Region {
    static final double INSET = 14;
    private final ViewerModel model;
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.LIGHT);
    private final ObjectProperty<int[]> differences = new SimpleObjectProperty<>(this, "differences", new int[0]);

    public TimelineView(ViewerModel model) {
        this.model = model;
        getStyleClass().add("timeline");
        setId("timeline");
        getChildren().add(canvas);
        setMinHeight(44);
        setPrefHeight(44);
        model.playback().indexProperty().addListener((o, a, b) -> draw());
        model.cueIndicesProperty().addListener((o, a, b) -> draw());
        model.divergenceIndicesProperty().addListener((o, a, b) -> draw());
        palette.addListener((o, a, b) -> draw());
        differences.addListener((o, a, b) -> draw());
        canvas.setOnMousePressed(this::seek);
        canvas.setOnMouseDragged(this::seek);
    }

    public ObjectProperty<Palette> paletteProperty() { return palette; }
    /** Indices where this run differs from the one it is compared with (amber diamonds); empty when not comparing. */
    public ObjectProperty<int[]> differencesProperty() { return differences; }

    /** The index a click at {@code x} seeks to. */
    public int indexAt(double x) {
        int size = model.playback().getSize();
        double w = Math.max(1, getWidth() - 2 * INSET);
        return (int) Math.round(Math.max(0, Math.min(1, (x - INSET) / w)) * size);
    }

    private void seek(MouseEvent e) {
        model.playback().pause();
        model.playback().seek(indexAt(e.getX()));
    }

    private double xOf(int index) {
        int size = Math.max(1, model.playback().getSize());
        return INSET + (getWidth() - 2 * INSET) * index / size;
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        Palette p = palette.get();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setFill(p.surface());
        gc.fillRect(0, 0, w, h);
        double mid = h / 2;
        gc.setFill(p.border());
        gc.fillRoundRect(INSET, mid - 3, w - 2 * INSET, 6, 6, 6);
        int size = model.playback().getSize();
        int index = model.playback().getIndex();
        gc.setFill(p.accent().deriveColor(0, 1, 1, 0.35));
        gc.fillRoundRect(INSET, mid - 3, xOf(index) - INSET, 6, 6, 6);
        // event ticks: at most one per pixel column
        gc.setStroke(p.muted().deriveColor(0, 1, 1, 0.5));
        gc.setLineWidth(1);
        double lastX = -10;
        var events = model.events();
        // a long run has more events than pixels: visit about one event per two pixel columns, not all of them
        int stride = Math.max(1, (int) (size / Math.max(1, (w - 2 * INSET) / 2)));
        for (int i = 0; i < size; i += stride) {
            double x = Math.floor(xOf(i + 1)) + 0.5;
            if (x - lastX >= 2) {
                Event e = events.get(i);
                double len = e instanceof Event.GoroutineStepped ? 3 : 6;
                gc.strokeLine(x, mid - len, x, mid + len);
                lastX = x;
            }
        }
        gc.setFill(p.diverged());
        for (int i : model.divergenceIndicesProperty().get()) {
            double x = xOf(i);
            gc.fillRect(x - 2, mid + 6, 4, h / 2 - 8);
        }
        gc.setFill(p.syscall());
        for (int i : differences.get()) {
            double x = xOf(i);
            gc.fillPolygon(new double[] {x - 4, x, x + 4, x}, new double[] {h - 6, h - 10, h - 6, h - 2}, 4);
        }
        gc.setFill(p.accent());
        for (int i : model.cueIndicesProperty().get()) {
            if (i < 0) {
                continue;
            }
            double x = xOf(i);
            gc.fillPolygon(new double[] {x - 6, x + 6, x}, new double[] {2, 2, mid - 5}, 3);
        }
        double x = xOf(index);
        gc.setFill(p.text());
        gc.fillRect(x - 1.5, 4, 3, h - 8);
        gc.fillOval(x - 7, mid - 7, 14, 14);
        gc.setFill(p.surface());
        gc.fillOval(x - 3, mid - 3, 6, 6);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }
}
