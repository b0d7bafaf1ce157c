package dev.curtain.view;

import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.render.BoxPicture;
import dev.curtain.render.BoxPlacement;
import dev.curtain.render.Palette;
import dev.curtain.render.Rect;
import dev.curtain.render.StageGeometry;
import dev.curtain.render.StageRenderer;
import dev.curtain.view.model.Entity;
import dev.curtain.view.model.ViewerModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The animated centre of the window: one canvas (the background, redrawn per state and kept as an image, under
 * what moves, redrawn per frame) and a layer of {@link ThreadBox} nodes. When the state moves by one event, every
 * token and box glides from where it was to where it now belongs over the tween duration; bigger jumps (seeks)
 * cut straight to the new state. Tests pass {@link Duration#ZERO} so every change lands at once.
 *
 * <p>The thread boxes are real nodes, styled by the stylesheet (state, divergence, "changed" and selection are
 * pseudo-classes), clickable and with a tooltip per badge, but their layer is transparent: what the viewer sees
 * is a picture of each box, taken when its look changes and drawn by the canvas. The software pipeline pays for
 * every composited pixel on every frame, and one layer instead of one plus a node per thread is what keeps a
 * 1080p frame within its budget (docs/performance.md).
 */
public final class StageView extends Region {
    private final ViewerModel model;
    private final Duration tween;
    private final StageRenderer renderer = new StageRenderer();
    private final Canvas front = new Canvas();
    private final Pane threadLayer = new Pane();
    private final Map<Integer, ThreadBox> boxes = new HashMap<>();
    private final Map<Integer, BoxPicture> pictures = new HashMap<>();
    private final Map<Integer, Object> pictureKeys = new HashMap<>();
    /** Bumped when theme, text size or layout change, so every box is pictured again. */
    private int pictureEpoch;
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.LIGHT);
    private final DoubleProperty fontScale = new SimpleDoubleProperty(this, "fontScale", 1);

    private SchedState fromState;
    private SchedState toState;
    private StageGeometry fromGeo;
    private StageGeometry toGeo;
    private boolean tweening;
    private long tweenStart = -1;
    private double tweenNanos;
    private double progress = 1;
    private final ThreadBox probe = new ThreadBox(99);
    private WritableImage backImage;
    private WritableImage staticImage;
    private String staticKey;
    private double[] boxSize = {StageGeometry.BOX_W, StageGeometry.BOX_H};
    /** Image pixels per stage unit for every picture taken: the window's render scale, 2 on a HiDPI screen. */
    private double pixelScale = 1;
    /** Set by tests to picture at a scale no headless window has; 0 follows the window. */
    private double forcedPixelScale;

    public StageView(ViewerModel model, Duration tween) {
        this.model = model;
        this.tween = tween;
        getStyleClass().add("stage-view");
        setId("stage");
        threadLayer.setPickOnBounds(false);
        threadLayer.setManaged(false);
        // seen through the canvas's pictures of the boxes, never directly (see the class comment); an invisible
        // layer would not take clicks, a transparent one does
        threadLayer.setOpacity(0);
        getChildren().addAll(front, threadLayer);
        probe.setId(null);
        probe.setVisible(false);
        threadLayer.getChildren().add(probe);
        sceneProperty().addListener((o, a, b) -> {
            followRenderScale(b);
            fullRedraw();
        });
        setMinSize(320, 240);
        model.stateProperty().addListener((o, a, b) -> onState(a, b));
        model.selectionProperty().addListener((o, a, b) -> {
            if (toState != null) {
                placeThreads(StageRenderer.ease(progress));
                drawBackground();
            }
            redraw();
        });
        palette.addListener((o, a, b) -> fullRedraw());
        fontScale.addListener((o, a, b) -> {
            fullRedraw();
        });
        front.setOnMouseClicked(e -> {
            if (toGeo == null) {
                return;
            }
            int g = toGeo.goroutineAt(e.getX(), e.getY());
            int p = g > 0 ? -1 : toGeo.processorAt(e.getX(), e.getY());
            model.select(g > 0 ? Entity.g(g) : p >= 0 ? Entity.p(p) : null);
        });
        if (model.getState() != null) {
            onState(null, model.getState());
        }
    }

    public ObjectProperty<Palette> paletteProperty() { return palette; }
    public DoubleProperty fontScaleProperty() { return fontScale; }

    /** The geometry now shown (tests and the benchmark look at where things are). */
    public StageGeometry geometry() { return toGeo; }

    /** The box of thread {@code m}, or null when it is not on stage. */
    public ThreadBox threadBox(int m) { return boxes.get(m); }

    /** True while a move is being animated. */
    public boolean isAnimating() { return tweening; }

    /** Advances the current move to {@code nowNanos}; called by the app's one animation timer. */
    public void frame(long nowNanos) {
        if (!tweening) {
            return;
        }
        if (tweenStart < 0) {
            tweenStart = nowNanos;
        }
        progress = Math.min(1, (nowNanos - tweenStart) / tweenNanos);
        paint(StageRenderer.ease(progress));
        if (progress >= 1) {
            tweening = false;
        }
    }

    /** Sets the move's progress directly (the benchmark and export step frames by hand). */
    public void paintAt(double t) {
        progress = t;
        paint(StageRenderer.ease(t));
    }

    private void onState(SchedState old, SchedState now) {
        if (now == null) {
            return;
        }
        StageGeometry prevGeo = toGeo;
        SchedState prev = toState;
        toState = now;
        toGeo = geometryOf(now);
        boolean step = prev != null && prevGeo != null && Math.abs(now.eventCount() - prev.eventCount()) == 1
                && prev.threads().size() <= now.threads().size() + 1 && !tween.equals(Duration.ZERO)
                && sameRun(prev, now);
        if (step) {
            fromState = prev;
            fromGeo = prevGeo;
            double beat = model.playback().beatSeconds() * 0.8e9;
            tweenNanos = Math.max(1, Math.min(tween.toMillis() * 1e6, beat));
            tweenStart = -1;
            tweening = true;
            progress = 0;
        } else {
            fromState = now;
            fromGeo = toGeo;
            tweening = false;
            progress = 1;
        }
        placeThreads(StageRenderer.ease(progress));
        drawBackground();
        paint(StageRenderer.ease(progress));
    }

    /** Two states of the same run share their first event's options; after a re-simulation, cut instead. */
    private static boolean sameRun(SchedState a, SchedState b) {
        return a.gomaxprocs() == b.gomaxprocs() && a.version().equals(b.version());
    }

    private StageGeometry geometryOf(SchedState s) {
        return StageGeometry.compute(s, width(), height(), boxSize[0], boxSize[1], fontScale.get());
    }

    /**
     * Measures a thread box as the stylesheet draws it now (theme, text size), with the longest state text it
     * can show, so the layout leaves it room. Falls back to the base size before the view is in a scene.
     */
    private void measureBox() {
        if (getScene() == null) {
            return;
        }
        probe.setVisible(false);
        probe.showLongest();
        probe.applyCss();
        double w = Math.ceil(Math.max(StageGeometry.BOX_W * 0.8, probe.prefWidth(-1)));
        double h = Math.ceil(Math.max(StageGeometry.BOX_H * 0.8, probe.prefHeight(-1)));
        boxSize = new double[] {w, h};
    }

    private double width() {
        return getWidth() > 0 ? getWidth() : 1280;
    }

    private double height() {
        return getHeight() > 0 ? getHeight() : 600;
    }

    /** Redraws when the window moves to a screen of another scale (a laptop's HiDPI panel, then the projector). */
    private void followRenderScale(Scene scene) {
        if (scene == null) {
            return;
        }
        ChangeListener<Number> rescale = (o, a, b) -> fullRedraw();
        Consumer<Window> watch = w -> {
            if (w != null) {
                w.renderScaleXProperty().addListener(rescale);
                w.renderScaleYProperty().addListener(rescale);
            }
        };
        watch.accept(scene.getWindow());
        scene.windowProperty().addListener((o, a, b) -> {
            watch.accept(b);
            fullRedraw();
        });
    }

    private double currentPixelScale() {
        if (forcedPixelScale > 0) {
            return forcedPixelScale;
        }
        Window w = getScene() == null ? null : getScene().getWindow();
        return w == null ? 1 : Math.max(1, Math.max(w.getRenderScaleX(), w.getRenderScaleY()));
    }

    /** Pictures at {@code scale} pixels per unit whatever the window's (tests); 0 follows the window again. */
    void forcePixelScale(double scale) {
        forcedPixelScale = scale;
        fullRedraw();
    }

    /** The picture of thread {@code m}'s box now drawn, or null (tests). */
    BoxPicture picture(int m) {
        return pictures.get(m);
    }

    private void fullRedraw() {
        pixelScale = currentPixelScale();
        renderer.setPixelScale(pixelScale);
        measureBox();
        if (toState == null) {
            return;
        }
        toGeo = geometryOf(toState);
        if (!tweening) {
            fromGeo = toGeo;
            fromState = toState;
        } else {
            fromGeo = geometryOf(fromState);
        }
        pictureEpoch++;
        placeThreads(StageRenderer.ease(progress));
        drawBackground();
        paint(StageRenderer.ease(progress));
    }

    private void redraw() {
        if (toState != null) {
            paint(StageRenderer.ease(progress));
        }
    }

    /**
     * Draws the background on the canvas (the layout's static picture, the state, what stays put during the move)
     * and pictures it, so each frame restores only the patches its moving items covered. Drawn on the one canvas
     * the viewer sees, not on a second one copied in: a step costs one full-size copy fewer.
     */
    private void drawBackground() {
        int changedP = -1;
        for (Entity e : model.changedProperty().get()) {
            if (e.kind() == Entity.Kind.P) {
                changedP = e.id();
            }
        }
        Entity sel = model.selectionProperty().get();
        int selP = sel != null && sel.kind() == Entity.Kind.P ? sel.id() : -1;
        int w = (int) Math.ceil(front.getWidth());
        int h = (int) Math.ceil(front.getHeight());
        // a snapshot outside a scene would wrap this view in a temporary one; joining a scene redraws anyway
        if (w <= 0 || h <= 0 || getScene() == null) {
            backImage = null;
            return;
        }
        int pw = (int) Math.ceil(w * pixelScale);
        int ph = (int) Math.ceil(h * pixelScale);
        if (backImage == null || backImage.getWidth() != pw || backImage.getHeight() != ph) {
            backImage = new WritableImage(pw, ph);
            staticImage = new WritableImage(pw, ph);
            staticKey = null;
        }
        GraphicsContext gc = front.getGraphicsContext2D();
        SnapshotParameters atScale = scaled(pixelScale);
        // the layout's outlines and labels are drawn once per layout; an event only adds what it changed
        String key = layoutKey();
        if (!key.equals(staticKey)) {
            renderer.drawStatic(gc, toGeo, palette.get());
            front.snapshot(atScale, staticImage);
            staticKey = key;
        } else {
            gc.drawImage(staticImage, 0, 0, pw / pixelScale, ph / pixelScale);
        }
        renderer.drawDynamic(gc, toGeo, toState, palette.get(), changedP, selP);
        renderer.drawStill(gc, fromGeo, fromState, toGeo, toState, palette.get(), pictures::get);
        front.snapshot(atScale, backImage);
        renderer.backgroundDrawn(backImage, w, h);
    }

    private static SnapshotParameters scaled(double scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        return p;
    }

    /** What the static layer depends on: size, scale, palette, text size and where every lane and zone is. */
    private String layoutKey() {
        StringBuilder b = new StringBuilder();
        b.append(pixelScale).append('@').append(toGeo.width).append('x').append(toGeo.height).append('/').append(palette.get().name())
                .append('/').append(fontScale.get()).append('/').append(toGeo.zoom).append('/')
                .append(toGeo.lanes.size()).append('/').append(toGeo.token);
        for (StageGeometry.Zone z : toGeo.zones) {
            b.append('/').append(z.bounds());
        }
        return b.toString();
    }

    private void paint(double t) {
        if (toGeo == null) {
            return;
        }
        Set<Entity> changed = model.changedProperty().get();
        Set<Integer> changedGs = new HashSet<>();
        for (Entity e : changed) {
            if (e.kind() == Entity.Kind.G) {
                changedGs.add(e.id());
            }
        }
        for (Entity e : model.highlightedProperty().get()) {
            if (e.kind() == Entity.Kind.G) {
                changedGs.add(e.id());
            }
        }
        Entity sel = model.selectionProperty().get();
        int selG = sel != null && sel.kind() == Entity.Kind.G ? sel.id() : -1;
        if (placeThreads(t)) {
            // a box that stays put changed its look after the background was drawn (a highlight set after the
            // state, say): its picture lives in the background
            drawBackground();
        }
        renderer.drawTokens(front.getGraphicsContext2D(), backImage, fromGeo, fromState, toGeo, toState, t, palette.get(),
                changedGs, selG, pictures::get);
    }

    /**
     * Brings every thread box node up to date for the move at {@code t}: its look (only when the state it shows
     * or its flags changed), its place (for clicks) and its picture. Returns true when a picture changed.
     */
    private boolean placeThreads(double t) {
        Set<Entity> changed = model.changedProperty().get();
        Set<Entity> highlighted = model.highlightedProperty().get();
        Entity sel = model.selectionProperty().get();
        boolean pictured = false;
        Set<Integer> seen = new HashSet<>();
        int n = Math.max(fromState.threads().size(), toState.threads().size());
        for (int m = 0; m < n; m++) {
            BoxPlacement place = BoxPlacement.of(m, fromState, fromGeo, toState, toGeo, t);
            if (place == null) {
                continue;
            }
            boolean inTo = m < toState.threads().size() && StageRenderer.visible(toState.thread(m), toGeo);
            seen.add(m);
            ThreadBox box = boxes.computeIfAbsent(m, this::newBox);
            SchedState shown = inTo ? toState : fromState;
            boolean isChanged = changed.contains(Entity.m(m)) || highlighted.contains(Entity.m(m));
            boolean isSelected = Entity.m(m).equals(sel);
            // only when something it shows changed: a box's text and states are fixed during a move
            if (box.needsUpdate(shown, toGeo.compactThreads, isChanged, isSelected)) {
                box.update(shown, toGeo.compactThreads, isChanged, isSelected);
            }
            // laid out at its destination's size (so a move does not re-picture it every frame), at base size
            // and scaled by the stage's zoom, so its text grows with it
            Rect home = inTo ? toGeo.mBox[m] : fromGeo.mBox[m];
            Rect r = place.rect();
            double zoom = toGeo.boxZoom * fit(home);
            box.setZoom(zoom);
            box.resizeRelocate(r.x(), r.y(), home.w() / zoom, home.h() / zoom);
            box.setVisible(place.shown());
            PictureKey key = new PictureKey(box.look(), pictureEpoch, home.w(), home.h(), zoom);
            if (!key.equals(pictureKeys.get(m)) && picture(m, box)) {
                pictureKeys.put(m, key);
                pictured = true;
            }
        }
        // a thread off stage (exited, or folded into a count) gives back its node and picture: a run that churns
        // through thousands of threads would otherwise keep one of each per thread it ever showed
        for (Iterator<Map.Entry<Integer, ThreadBox>> it = boxes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, ThreadBox> e = it.next();
            if (!seen.contains(e.getKey())) {
                threadLayer.getChildren().remove(e.getValue());
                pictures.remove(e.getKey());
                pictureKeys.remove(e.getKey());
                it.remove();
            }
        }
        return pictured;
    }

    /**
     * How much smaller than the stage's zoom a full box must be drawn to fit {@code home}: a zone narrower than a
     * box (the idle pool of a half-width compare column, say) gets the whole box, smaller, rather than badges
     * spilling over its edge. Compact boxes show a name only and always fit.
     */
    private double fit(Rect home) {
        if (toGeo.compactThreads) {
            return 1;
        }
        return Math.min(1, home.w() / (boxSize[0] * toGeo.boxZoom));
    }

    /** What a box's picture depends on. */
    private record PictureKey(ThreadBox.Look look, int epoch, double w, double h, double zoom) {
    }

    /**
     * Takes the picture of {@code box} as the stylesheet draws it now, from a whole-pixel position so its text and
     * outline are as crisp as the node's own. Needs the scene (and so the stylesheet): false without one.
     */
    private boolean picture(int m, ThreadBox box) {
        if (getScene() == null) {
            return false;
        }
        double x = box.getLayoutX();
        double y = box.getLayoutY();
        boolean visible = box.isVisible();
        // a box about to fade in is pictured before it can be seen, and a hidden node draws nothing
        box.setVisible(true);
        box.relocate(Math.round(x), Math.round(y));
        box.applyCss();
        box.layout();
        Bounds b = box.getBoundsInParent();
        // the viewport is in image pixels: the stage's units times the scale
        double s = pixelScale;
        double ox = Math.floor(b.getMinX() * s);
        double oy = Math.floor(b.getMinY() * s);
        SnapshotParameters params = scaled(s);
        params.setFill(Color.TRANSPARENT);
        params.setViewport(new Rectangle2D(ox, oy, Math.ceil(b.getMaxX() * s) - ox, Math.ceil(b.getMaxY() * s) - oy));
        WritableImage image = box.snapshot(params, null);
        double zoom = box.zoom();
        pictures.put(m, new BoxPicture(image, ox / s - box.getLayoutX(), oy / s - box.getLayoutY(),
                box.getWidth() * zoom, box.getHeight() * zoom, s));
        box.relocate(x, y);
        box.setVisible(visible);
        return true;
    }

    private ThreadBox newBox(int m) {
        ThreadBox b = new ThreadBox(m);
        b.setOnMouseClicked(e -> model.select(Entity.m(m)));
        threadLayer.getChildren().add(b);
        return b;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (front.getWidth() != w || front.getHeight() != h) {
            front.setWidth(w);
            front.setHeight(h);
            threadLayer.resize(w, h);
            fullRedraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 1200;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 640;
    }
}
