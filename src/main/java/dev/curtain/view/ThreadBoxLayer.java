package dev.curtain.view;

import dev.curtain.engine.state.SchedState;
import dev.curtain.render.BoxPicture;
import dev.curtain.render.BoxPlacement;
import dev.curtain.render.Rect;
import dev.curtain.render.StageGeometry;
import dev.curtain.view.model.Entity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/**
 * The stage's thread boxes as nodes, and the pictures of them the stage's canvas draws.
 *
 * <p>Each box is a real {@link ThreadBox}: styled by the stylesheet (state, divergence, "changed" and selection
 * are pseudo-classes), clickable, with a tooltip per badge. The layer itself is transparent, so the viewer sees the
 * boxes only through their pictures, taken when a box's look changes. The software pipeline pays for every
 * composited pixel on every frame; one canvas instead of a canvas plus a node per thread is what keeps a 1080p frame
 * within its budget (docs/performance.md).
 */
final class ThreadBoxLayer extends Pane {
    private final Map<Integer, ThreadBox> boxes = new HashMap<>();
    private final Map<Integer, BoxPicture> pictures = new HashMap<>();
    private final Map<Integer, PictureKey> pictureKeys = new HashMap<>();
    /**
     * Each box's last few pictures by what they show: a box that loses the "changed" ring one step after it got it
     * looks as it did before, and its old picture is taken again instead of a new snapshot.
     */
    private final Map<Integer, Map<PictureKey, BoxPicture>> recent = new HashMap<>();
    /** Pictures {@link #place} put off to a later frame of the move, by box, oldest first. */
    private final Map<Integer, PictureKey> pending = new LinkedHashMap<>();
    /** Pictures kept per box. */
    static final int RECENT_PICTURES = 4;
    private final Consumer<Entity> onClick;
    /** A box never shown, filled with the longest texts, to measure how much room a box needs. */
    private final ThreadBox probe = new ThreadBox(99);
    /** Bumped when theme, text size or layout change, so every box is pictured again. */
    private int epoch;
    /** Image pixels per stage unit: the window's render scale, 2 on a HiDPI screen. */
    private double pixelScale = 1;

    /** What a box's picture depends on. */
    private record PictureKey(ThreadBox.Look look, int epoch, double w, double h, double zoom, double scale) {
    }

    ThreadBoxLayer(Consumer<Entity> onClick) {
        this.onClick = onClick;
        setPickOnBounds(false);
        setManaged(false);
        // seen through the canvas's pictures, never directly; an invisible layer would not take clicks, a
        // transparent one does
        setOpacity(0);
        probe.setId(null);
        probe.setVisible(false);
        getChildren().add(probe);
    }

    /** The box of thread {@code m}, or null when it is not on stage. */
    ThreadBox box(int m) {
        return boxes.get(m);
    }

    /** The picture of thread {@code m}'s box, or null when it has none. */
    BoxPicture picture(int m) {
        return pictures.get(m);
    }

    /** Pictures every box again at {@code scale} pixels per unit (after a theme, text size or layout change). */
    void repictureAll(double scale) {
        pixelScale = scale;
        epoch++;
        recent.clear();
    }

    /**
     * Measures a box as the stylesheet draws it now (theme, text size), with the longest texts it can show, so the
     * layout leaves it room: {width, height}, never under 80% of the base size.
     */
    double[] measure() {
        probe.setVisible(false);
        probe.showLongest();
        probe.applyCss();
        double w = Math.ceil(Math.max(StageGeometry.BOX_W * 0.8, probe.prefWidth(-1)));
        double h = Math.ceil(Math.max(StageGeometry.BOX_H * 0.8, probe.prefHeight(-1)));
        return new double[] {w, h};
    }

    /**
     * Brings every box up to date for the move at {@code t} (eased) from {@code from} to {@code to}: its look
     * (only when the state it shows or its flags changed), its place (for clicks) and its picture. {@code flagged}
     * are the entities the last step changed or a cue highlights; {@code boxWidth} is the width a full box needs at
     * zoom 1. Returns true when a picture changed.
     */
    boolean place(SchedState fromState, StageGeometry from, SchedState toState, StageGeometry to, double t,
                  Set<Entity> flagged, Entity selection, double boxWidth, boolean later) {
        boolean pictured = false;
        Set<Integer> seen = new HashSet<>();
        int n = Math.max(fromState.threads().size(), toState.threads().size());
        for (int m = 0; m < n; m++) {
            BoxPlacement place = BoxPlacement.of(m, fromState, from, toState, to, t);
            if (place == null) {
                continue;
            }
            boolean inTo = place.inNewState();
            seen.add(m);
            ThreadBox box = boxes.computeIfAbsent(m, this::newBox);
            SchedState shown = inTo ? toState : fromState;
            boolean isChanged = flagged.contains(Entity.m(m));
            boolean isSelected = Entity.m(m).equals(selection);
            // only when something it shows changed: a box's text and states are fixed during a move
            StageGeometry geo = inTo ? to : from;
            boolean compact = geo.compact(m);
            if (box.needsUpdate(shown, compact, isChanged, isSelected)) {
                box.update(shown, compact, isChanged, isSelected);
            }
            // laid out at its destination's size (so a move does not re-picture it every frame), at base size
            // and scaled by the stage's zoom, so its text grows with it
            Rect home = inTo ? to.mBox[m] : from.mBox[m];
            Rect r = place.rect();
            double zoom = to.boxZoom * fit(home, geo, m, boxWidth);
            box.setZoom(zoom);
            box.resizeRelocate(r.x(), r.y(), home.w() / zoom, home.h() / zoom);
            box.setVisible(place.shown());
            PictureKey key = new PictureKey(box.look(), epoch, home.w(), home.h(), zoom, pixelScale);
            if (key.equals(pictureKeys.get(m))) {
                pending.remove(m);
            } else if (later && pictures.containsKey(m) && !kept(m, key)) {
                // mid-move: the box keeps its old picture for a frame or two, and a later frame takes the new one
                pending.put(m, key);
            } else if (picture(m, box, key)) {
                pictureKeys.put(m, key);
                pending.remove(m);
                pictured = true;
            }
        }
        release(seen);
        return pictured;
    }

    /**
     * Takes up to {@code max} of the pictures {@link #place} put off, oldest first; true when one was taken. A
     * step's frame thus pays for no snapshot of a box, and the frames after it for one or two each.
     */
    boolean catchUp(int max) {
        boolean pictured = false;
        Iterator<Map.Entry<Integer, PictureKey>> it = pending.entrySet().iterator();
        for (int done = 0; done < max && it.hasNext(); ) {
            Map.Entry<Integer, PictureKey> e = it.next();
            it.remove();
            ThreadBox box = boxes.get(e.getKey());
            if (box != null && picture(e.getKey(), box, e.getValue())) {
                pictureKeys.put(e.getKey(), e.getValue());
                pictured = true;
                done++;
            }
        }
        return pictured;
    }

    /** Whether box {@code m} has a recent picture for {@code key}: taking it again costs nothing. */
    private boolean kept(int m, PictureKey key) {
        Map<PictureKey, BoxPicture> k = recent.get(m);
        return k != null && k.containsKey(key);
    }

    /**
     * How much smaller than the stage's zoom a full box must be drawn to fit {@code home}: a zone narrower than a
     * box (the idle pool of a half-width compare column, say) gets the whole box, smaller, rather than badges
     * spilling over its edge. Compact boxes show a name only and fit at their own size.
     */
    private static double fit(Rect home, StageGeometry to, int m, double boxWidth) {
        if (to.compactThreads) {
            return 1;
        }
        if (to.compact(m)) {
            // a crowded zone's compact box: as large as the zone gave it, never larger than a compact box
            return Math.min(1, home.w() / (StageGeometry.COMPACT_BOX_W * to.boxZoom));
        }
        // a crowded zone hands out boxes smaller in both directions: draw the whole box at that size
        double tall = to.boxH > 0 ? home.h() / to.boxH : 1;
        return Math.min(1, Math.min(home.w() / (boxWidth * to.boxZoom), tall));
    }

    /**
     * A thread off stage (exited, or folded into a count) gives back its node and picture: a run that churns through
     * thousands of threads would otherwise keep one of each per thread it ever showed.
     */
    private void release(Set<Integer> onStage) {
        for (Iterator<Map.Entry<Integer, ThreadBox>> it = boxes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, ThreadBox> e = it.next();
            if (!onStage.contains(e.getKey())) {
                getChildren().remove(e.getValue());
                pictures.remove(e.getKey());
                pictureKeys.remove(e.getKey());
                recent.remove(e.getKey());
                pending.remove(e.getKey());
                it.remove();
            }
        }
    }

    /** Gives box {@code m} its picture for {@code key}: one it had lately, or a new one; false without a scene. */
    private boolean picture(int m, ThreadBox box, PictureKey key) {
        Map<PictureKey, BoxPicture> kept = recent.computeIfAbsent(m, k -> new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PictureKey, BoxPicture> eldest) {
                return size() > RECENT_PICTURES;
            }
        });
        BoxPicture again = kept.get(key);
        if (again != null) {
            pictures.put(m, again);
            return true;
        }
        if (!takePicture(m, box)) {
            return false;
        }
        kept.put(key, pictures.get(m));
        return true;
    }

    /**
     * Takes the picture of {@code box} as the stylesheet draws it now, from a whole-pixel position so its text and
     * outline are as crisp as the node's own. Needs the scene (and so the stylesheet): false without one.
     */
    private boolean takePicture(int m, ThreadBox box) {
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
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(s, s));
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

    private IntFunction<String> threadNames;
    private UnaryOperator<String> realIds;

    /**
     * Names the boxes from now on ({@code null}: the engine's "M3" and "G5"): an imported run's threads carry their
     * real ids. Every box is made again, and the probe measures the longest of the new names.
     */
    void setNames(IntFunction<String> threads, UnaryOperator<String> words) {
        threadNames = threads;
        realIds = words;
        for (ThreadBox b : boxes.values()) {
            getChildren().remove(b);
        }
        boxes.clear();
        pictures.clear();
        pictureKeys.clear();
        recent.clear();
        pending.clear();
        probe.setNames(threads == null ? null : threads.apply(0), words);
        epoch++;
    }

    private ThreadBox newBox(int m) {
        ThreadBox b = new ThreadBox(m);
        if (threadNames != null || realIds != null) {
            b.setNames(threadNames == null ? null : threadNames.apply(m), realIds);
        }
        b.setOnMouseClicked(e -> onClick.accept(Entity.m(m)));
        getChildren().add(b);
        return b;
    }
}
