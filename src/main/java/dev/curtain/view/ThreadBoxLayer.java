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
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
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
    /** A box never seen that {@link #prepare} styles as a thread of the next state and pictures; null until used. */
    private ThreadBox standIn;
    private final Map<Integer, BoxPicture> pictures = new HashMap<>();
    private final Map<Integer, PictureKey> pictureKeys = new HashMap<>();
    /**
     * Each box's last few pictures by what they show: a box that loses the "changed" ring one step after it got it
     * looks as it did before, and its old picture is taken again instead of a new snapshot.
     */
    private final Map<Integer, Map<PictureKey, BoxPicture>> recent = new HashMap<>();
    /** What {@link #place} put off to a later frame of the move, by box, oldest first. */
    private final Map<Integer, Deferred> pending = new LinkedHashMap<>();
    /** Pictures kept per box. */
    static final int RECENT_PICTURES = 4;
    private final Consumer<Entity> onClick;
    /** A box never shown, filled with the longest texts, to measure how much room a box needs. */
    private final ThreadBox probe = new ThreadBox(99);
    private int prepared;
    private int movedWhilePictured;
    private int restyledAfterMoves;
    /** The stand-in {@link #prepare} styled in the last frame, or null. */
    private Styled styled;
    /** Bumped when theme, text size or layout change, so every box is pictured again. */
    private int epoch;
    /** Image pixels per stage unit: the window's render scale, 2 on a HiDPI screen. */
    private double pixelScale = 1;

    /** What a box's picture depends on. */
    private record PictureKey(ThreadBox.Look look, int epoch, double w, double h, double zoom, double scale) {
        /**
         * As a record's equals, but a look compared by identity first: every box's key is compared on every frame,
         * and a box's look is the same object while its state and flags are (ThreadBox remembers it).
         */
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof PictureKey k && epoch == k.epoch && Double.compare(w, k.w) == 0
                    && Double.compare(h, k.h) == 0 && Double.compare(zoom, k.zoom) == 0
                    && Double.compare(scale, k.scale) == 0 && (look == k.look || Objects.equals(look, k.look));
        }

        @Override
        public int hashCode() {
            return Objects.hash(look, epoch, w, h, zoom, scale);
        }
    }

    /** A box's node update, kept for later: the state it is to show and its flags. */
    private record Restyle(SchedState state, boolean compact, boolean changed, boolean selected) {
        void applyTo(ThreadBox box) {
            box.update(state, compact, changed, selected);
        }
    }

    /**
     * What later frames of the move do for a box: restyle its nodes (or null), then picture them (key, or null).
     * Restyling (the stylesheet's pass over the box, its layout) and picturing (the snapshot) are each about as
     * dear as an idle frame, so each gets a frame of its own.
     */
    private record Deferred(PictureKey picture, Restyle restyle) {
    }

    /** A stand-in styled by {@link #prepare} in one frame, to be pictured in the next. */
    private record Styled(int m, PictureKey key) {
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
                  Set<Entity> flagged, Entity selection, double boxWidth, boolean later, boolean restyleLater) {
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
            boolean stale = box.needsUpdate(shown, compact, isChanged, isSelected);
            ThreadBox.Look look = stale ? box.lookFor(shown, compact, isChanged, isSelected) : box.look();
            // laid out at its destination's size (so a move does not re-picture it every frame), at base size
            // and scaled by the stage's zoom, so its text grows with it
            Rect home = inTo ? to.mBox[m] : from.mBox[m];
            Rect r = place.rect();
            double zoom = to.boxZoom * fit(home, geo, m, boxWidth);
            box.setZoom(zoom);
            box.resizeRelocate(r.x(), r.y(), home.w() / zoom, home.h() / zoom);
            box.setVisible(place.shown());
            PictureKey key = new PictureKey(look, epoch, home.w(), home.h(), zoom, pixelScale);
            Restyle restyle = stale ? new Restyle(shown, compact, isChanged, isSelected) : null;
            boolean pictureDue = !key.equals(pictureKeys.get(m));
            if (later && pictures.containsKey(m)) {
                // mid-move: the box keeps its old picture and its nodes' old styles for a frame or two, and a
                // later frame restyles and pictures it; a look it had lately is taken again at once, for nothing
                if (pictureDue && kept(m, key) && picture(m, box, key)) {
                    pictureKeys.put(m, key);
                    pictured = true;
                    pictureDue = false;
                }
                if (pictureDue || stale) {
                    pending.put(m, new Deferred(pictureDue ? key : null, restyle));
                } else {
                    pending.remove(m);
                }
                continue;
            }
            if (restyleLater && restyle != null && !pictureDue && pictures.containsKey(m)) {
                // its picture already shows the new look: its nodes follow in a frame that has nothing else to do
                pending.put(m, new Deferred(null, restyle));
                continue;
            }
            pending.remove(m);
            if (restyle != null) {
                restyle.applyTo(box);
            }
            if (pictureDue && picture(m, box, key)) {
                pictureKeys.put(m, key);
                pictured = true;
            }
        }
        release(seen);
        return pictured;
    }

    /**
     * Does the next of the pictures {@link #place} put off, oldest first: a box's restyle in one frame, its picture
     * in the next. True when a picture was taken. A step's frame thus pays for no box's styles or snapshot, and each
     * frame after it for one of them. A box whose new look was pictured ahead ({@link #prepare}) shows it already:
     * only its nodes are behind, and they are brought up to date when the move ends, not in the first frames of the
     * move, which already pay for the glide (docs/performance.md).
     */
    boolean catchUp() {
        Map.Entry<Integer, Deferred> e = nextPending(d -> d.picture() != null);
        if (e == null) {
            return false;
        }
        int m = e.getKey();
        ThreadBox box = boxes.get(m);
        Deferred d = e.getValue();
        if (d.restyle() != null) {
            d.restyle().applyTo(box);
            style(box);
            e.setValue(new Deferred(d.picture(), null));
            return false;
        }
        pending.remove(m);
        if (picture(m, box, d.picture(), true)) {
            pictureKeys.put(m, d.picture());
            return true;
        }
        return false;
    }

    /**
     * Brings the nodes of one box whose picture is ahead of them up to date (its styles and layout); true when there
     * was one. Called on frames after a move, one box a frame: the nodes are seen only through their pictures, but
     * clicks, tooltips and tests read them.
     */
    boolean restyleOne() {
        Map.Entry<Integer, Deferred> e = nextPending(d -> d.picture() == null);
        if (e == null) {
            return false;
        }
        ThreadBox box = boxes.get(e.getKey());
        pending.remove(e.getKey());
        e.getValue().restyle().applyTo(box);
        style(box);
        restyledAfterMoves++;
        return true;
    }

    /** Boxes whose nodes are behind the picture they show (tests). */
    int behind() {
        int n = 0;
        for (Map.Entry<Integer, Deferred> e : pending.entrySet()) {
            n += boxes.containsKey(e.getKey()) && e.getValue().restyle() != null ? 1 : 0;
        }
        return n;
    }

    /** Boxes {@link #restyleOne} brought up to date (tests). */
    int restyledAfterMoves() {
        return restyledAfterMoves;
    }

    /** The oldest put-off job that {@code wanted} takes, of a box still on stage (others' are dropped); or null. */
    private Map.Entry<Integer, Deferred> nextPending(Predicate<Deferred> wanted) {
        for (Iterator<Map.Entry<Integer, Deferred>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Deferred> e = it.next();
            if (!boxes.containsKey(e.getKey())) {
                it.remove();
            } else if (wanted.test(e.getValue())) {
                return e;
            }
        }
        return null;
    }

    /** Whether a picture {@link #place} put off is still to be taken (the boxes on show come first). */
    private boolean picturesPending() {
        for (Deferred d : pending.values()) {
            if (d.picture() != null) {
                return true;
            }
        }
        return false;
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

    /** Box {@code m}'s last few pictures, least recently used first. */
    private Map<PictureKey, BoxPicture> recentOf(int m) {
        return recent.computeIfAbsent(m, k -> new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PictureKey, BoxPicture> eldest) {
                return size() > RECENT_PICTURES;
            }
        });
    }

    /** Gives box {@code m} its picture for {@code key}: one it had lately, or a new one; false without a scene. */
    private boolean picture(int m, ThreadBox box, PictureKey key) {
        return picture(m, box, key, false);
    }

    /** As {@link #picture(int, ThreadBox, PictureKey)}; {@code styled}: the box was styled and laid out already. */
    private boolean picture(int m, ThreadBox box, PictureKey key, boolean styled) {
        Map<PictureKey, BoxPicture> kept = recentOf(m);
        BoxPicture again = kept.get(key);
        if (again != null) {
            pictures.put(m, again);
            return true;
        }
        BoxPicture p = snap(box, styled);
        if (p == null) {
            return false;
        }
        pictures.put(m, p);
        kept.put(key, p);
        return true;
    }

    /**
     * The picture of {@code box} as the stylesheet draws it now, taken from a whole-pixel position so its text and
     * outline are as crisp as the node's own; null without a scene (and so without the stylesheet).
     * {@code styled}: {@link #style} ran on it in an earlier frame and nothing changed it since.
     */
    private BoxPicture snap(ThreadBox box, boolean styled) {
        if (getScene() == null) {
            return null;
        }
        double x = box.getLayoutX();
        double y = box.getLayoutY();
        boolean visible = box.isVisible();
        // a box about to fade in is pictured before it can be seen, and a hidden node draws nothing
        box.setVisible(true);
        box.relocate(Math.round(x), Math.round(y));
        if (!styled) {
            box.restyle();
        }
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
        if (box.getLayoutX() != Math.round(x) || box.getLayoutY() != Math.round(y)) {
            // Node.snapshot lays the scene out first: a layout still pending moved the box under the viewport
            movedWhilePictured++;
        }
        double zoom = box.zoom();
        BoxPicture p = new BoxPicture(image, ox / s - box.getLayoutX(), oy / s - box.getLayoutY(),
                box.getWidth() * zoom, box.getHeight() * zoom, s);
        box.relocate(x, y);
        box.setVisible(visible);
        return p;
    }

    /** Brings {@code box}'s styles and layout up to date now, so a later frame's {@link #snap} need not. */
    private static void style(ThreadBox box) {
        box.restyle();
        box.layout();
    }

    /**
     * Pictures ahead, in a frame between moves (or late in a short one), at most one box of {@code next} (the
     * state the next step will show, laid out as {@code geo}, with {@code flagged} ringed) whose look has no
     * picture yet, so the step finds it among the box's recent pictures and its frame takes no snapshot. A
     * stand-in box of the same thread is pictured, not the one on stage, whose nodes still show the state on show.
     * True while there is more to do.
     */
    boolean prepare(SchedState next, StageGeometry geo, Set<Entity> flagged, Entity selection, double boxWidth) {
        if (picturesPending() || getScene() == null) {
            return true;
        }
        if (styled != null) {
            // styled last frame: picture it now
            if (styled.key().epoch() == epoch && boxes.containsKey(styled.m())) {
                BoxPicture p = snap(standIn, true);
                if (p != null) {
                    recentOf(styled.m()).put(styled.key(), p);
                    prepared++;
                }
            }
            styled = null;
            return true;
        }
        for (int m = 0; m < next.threads().size(); m++) {
            ThreadBox box = boxes.get(m);
            Rect home = m < geo.mBox.length ? geo.mBox[m] : null;
            if (box == null || home == null) {
                continue;
            }
            boolean compact = geo.compact(m);
            boolean changed = flagged.contains(Entity.m(m));
            boolean selected = Entity.m(m).equals(selection);
            double zoom = geo.boxZoom * fit(home, geo, m, boxWidth);
            PictureKey key = keyFor(box, next, geo, m, flagged, selection, boxWidth);
            if (key.equals(pictureKeys.get(m)) || kept(m, key)) {
                continue;
            }
            if (standIn == null) {
                standIn = newStandIn();
            }
            standIn.standFor(m, threadNames == null ? null : threadNames.apply(m), realIds);
            standIn.update(next, compact, changed, selected);
            standIn.setZoom(zoom);
            standIn.resizeRelocate(Math.round(home.x()), Math.round(home.y()), home.w() / zoom, home.h() / zoom);
            standIn.setVisible(true);
            style(standIn);
            standIn.setVisible(false);
            styled = new Styled(m, key);
            return true;
        }
        return false;
    }

    /** What box {@code m}'s picture shows when it stands for {@code next}, laid out as {@code geo}. */
    private PictureKey keyFor(ThreadBox box, SchedState next, StageGeometry geo, int m, Set<Entity> flagged,
                              Entity selection, double boxWidth) {
        Rect home = geo.mBox[m];
        boolean compact = geo.compact(m);
        double zoom = geo.boxZoom * fit(home, geo, m, boxWidth);
        return new PictureKey(box.lookFor(next, compact, flagged.contains(Entity.m(m)), Entity.m(m).equals(selection)),
                epoch, home.w(), home.h(), zoom, pixelScale);
    }

    /**
     * The picture box {@code m} will show once the step to {@code next} (laid out as {@code geo}) lands: the one
     * taken ahead for its new look, or else the one it shows now (a look not pictured yet is taken on a later frame
     * of the move). A guess that the step checks: the stage records the next background with it ahead of time.
     */
    BoxPicture pictureAfterStep(int m, SchedState next, StageGeometry geo, Set<Entity> flagged, Entity selection,
                                double boxWidth) {
        ThreadBox box = boxes.get(m);
        if (box == null || m >= geo.mBox.length || geo.mBox[m] == null || m >= next.threads().size()) {
            return pictures.get(m);
        }
        PictureKey key = keyFor(box, next, geo, m, flagged, selection, boxWidth);
        Map<PictureKey, BoxPicture> k = recent.get(m);
        if (k != null) {
            // read without get(): the map is in access order, and a guess must not change which picture goes first
            for (Map.Entry<PictureKey, BoxPicture> e : k.entrySet()) {
                if (e.getKey().equals(key)) {
                    return e.getValue();
                }
            }
        }
        return pictures.get(m);
    }

    /** Box pictures {@link #prepare} has taken (tests). */
    int prepared() {
        return prepared;
    }

    /** Pictures during which the scene's pending layout moved the box, so the picture lost a strip of it (tests). */
    int movedWhilePictured() {
        return movedWhilePictured;
    }

    private ThreadBox newStandIn() {
        ThreadBox b = new ThreadBox(0);
        b.setId(null);
        b.setMouseTransparent(true);
        b.setVisible(false);
        getChildren().add(b);
        return b;
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
        if (standIn != null) {
            getChildren().remove(standIn);
            standIn = null;
        }
        styled = null;
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
