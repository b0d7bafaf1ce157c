package dev.curtain.view;

import dev.curtain.engine.state.SchedState;
import dev.curtain.importer.ImportFacts;
import dev.curtain.render.BackgroundLayer;
import dev.curtain.render.BoxPicture;
import dev.curtain.render.CanvasPen;
import dev.curtain.render.DrawList;
import dev.curtain.render.Palette;
import dev.curtain.render.StageGeometry;
import dev.curtain.render.StageRenderer;
import dev.curtain.render.ZoneDemand;
import dev.curtain.view.model.Entity;
import dev.curtain.view.model.ImportedNames;
import dev.curtain.view.model.ViewerModel;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.transform.Transform;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The animated centre of the window: one canvas (the background, redrawn per state and kept as an image, under
 * what moves, redrawn per frame) and a layer of {@link ThreadBox} nodes. When the state moves by one event, every
 * token and box glides from where it was to where it now belongs over the tween duration; bigger jumps (seeks)
 * cut straight to the new state. Tests pass {@link Duration#ZERO} so every change lands at once.
 *
 * <p>The thread boxes are real nodes in a transparent {@link ThreadBoxLayer} over the canvas: the viewer sees the
 * canvas's pictures of them (docs/performance.md says why).
 */
public final class StageView extends Region {
    private final ViewerModel model;
    private final Duration tween;
    private final StageRenderer renderer = new StageRenderer();
    private final Canvas front = new Canvas();
    private final ThreadBoxLayer boxes;
    /** What of an imported run's picture is inferred (hidden for a simulation). */
    private final StageNote note;
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.LIGHT);
    private final DoubleProperty fontScale = new SimpleDoubleProperty(this, "fontScale", 1);

    private SchedState fromState;
    private SchedState toState;
    private StageGeometry fromGeo;
    private StageGeometry toGeo;
    private boolean tweening;
    /** Frames painted of the current move: put-off box pictures are taken from its second frame on. */
    private int moveFrames;
    /** The next step's state and layout, worked out ahead, and what that layout was made for. */
    private SchedState preparedState;
    private StageGeometry preparedGeo;
    private LayoutInputs preparedFor;
    /** True while the next step's box pictures are still being taken. */
    private boolean preparedPictures;
    /**
     * Frames between moves that preparing the next step may need (its read, layout, a box's styles and picture for
     * two boxes, its background); with fewer between the last two moves, the second half of a move, from its
     * {@link #PREPARE_FROM}th frame, prepares too.
     */
    static final int ENOUGH_REST_FRAMES = 8;
    static final int PREPARE_FROM = 3;
    static final double PREPARE_FROM_PROGRESS = 0.5;
    /** Frames since the last move ended, and how many there were between the two moves before this one. */
    private int restFrames;
    private int lastRestFrames;
    /** The next step's background, recorded ahead; null when there is none. */
    private BackgroundAhead backgroundAhead;
    /** Steps that used a background recorded ahead, those whose own recording differed, whether to check (tests). */
    private int backgroundsAhead;
    private int backgroundsAheadWrong;
    private boolean verifyAhead;
    /** The next step's state as the model last read it ahead. */
    private SchedState readAhead;
    /** Where the move that just ended came from, so {@link #paintAt} can go back into it. */
    private SchedState settledFrom;
    private StageGeometry settledFromGeo;
    private long tweenStart = -1;
    private double tweenNanos;
    private double progress = 1;
    private final CanvasPen pen = new CanvasPen(front.getGraphicsContext2D());
    private final BackgroundLayer background = new BackgroundLayer();
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
        boxes = new ThreadBoxLayer(model::select);
        note = new StageNote(model);
        getChildren().addAll(front, boxes, note);
        sceneProperty().addListener((o, a, b) -> {
            followRenderScale(b);
            // a view not laid out yet is measured and drawn at its first layout, when the scene has its
            // stylesheet: styled now, its boxes could not look up the theme's colours (a warning per label)
            if (getWidth() > 0 && getHeight() > 0) {
                fullRedraw();
            }
        });
        // the stage scales to the room it gets: at the largest text on a 1280x720 projector the window has less
        // than 240 px for it, and a taller least height pushed it up under the toolbar instead
        setMinSize(320, 120);
        // an imported run's tokens and boxes carry its real ids (set before its first state arrives)
        model.scenarioProperty().addListener((o, a, b) -> useNames(model.facts()));
        model.stateProperty().addListener((o, a, b) -> onState(a, b));
        model.selectionProperty().addListener((o, a, b) -> {
            layOutWhatIsPending();
            if (toState != null) {
                placeThreads(StageRenderer.ease(progress), flagged());
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
            // a model opened before this view (an export's): its run's names are not announced again
            useNames(model.facts());
            onState(null, model.getState());
        }
    }

    /**
     * For a stage in a column above a caption: it asks for no height and takes what is left. A VBox short of room
     * shrinks every child, the caption bar down to its stylesheet minimum, cutting a caption that wraps to three
     * lines on a narrow column; the stage scales to what it gets instead.
     */
    public void yieldHeightToTheCaption() {
        setMinHeight(0);
        setPrefHeight(0);
    }

    public ObjectProperty<Palette> paletteProperty() { return palette; }
    public DoubleProperty fontScaleProperty() { return fontScale; }

    /** The geometry now shown (tests and the benchmark look at where things are). */
    public StageGeometry geometry() { return toGeo; }

    /** The box of thread {@code m}, or null when it is not on stage. */
    public ThreadBox threadBox(int m) { return boxes.box(m); }

    /** True while a move is being animated. */
    public boolean isAnimating() { return tweening; }

    /** Advances the current move to {@code nowNanos}; called by the app's one animation timer. */
    public void frame(long nowNanos) {
        layOutWhatIsPending();
        if (!tweening) {
            idleJob();
            return;
        }
        if (tweenStart < 0) {
            tweenStart = nowNanos;
        }
        moveFrames++;
        progress = Math.min(1, (nowNanos - tweenStart) / tweenNanos);
        boolean settling = progress >= 1;
        if (settling) {
            settle();
        }
        paint(StageRenderer.ease(progress));
        if (!settling) {
            idleJob();
        }
    }

    /**
     * A state or a frame can come before a change that resizes the stage is laid out: a jump to a cue whose caption
     * takes more lines shrinks a comparison's stage, and a pulse runs its animation timers before its layout.
     * Picturing a box then made Node.snapshot lay the scene out under it: the box moved while the paint still
     * worked in the old layout, and the picture lost a strip. So every paint lays out what is pending first
     * (nothing to do, and cheap, when nothing is).
     */
    private void layOutWhatIsPending() {
        Scene scene = getScene();
        if (scene == null || scene.getRoot() == null || !scene.getRoot().isNeedsLayout()) {
            return;
        }
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    /** Sets the move's progress directly (the benchmark and export step frames by hand). */
    public void paintAt(double t) {
        layOutWhatIsPending();
        progress = t;
        moveFrames++;
        boolean settling = t >= 1 && fromState != toState;
        if (settling) {
            settle();
        } else if (t < 1 && settledFrom != null) {
            // back into a move that had ended (a test or an export scrubbing it): its items move again
            fromState = settledFrom;
            fromGeo = settledFromGeo;
            settledFrom = null;
            placeThreads(StageRenderer.ease(t), flagged());
            drawBackground();
        }
        paint(StageRenderer.ease(t));
        if (!settling) {
            idleJob();
        }
    }

    /**
     * The one piece of put-off work a frame between moves does besides drawing: a piece of preparing the next step,
     * or once that is done, bringing a box's nodes up to the picture it already shows. Preparing comes first: a
     * box's new look not pictured by the time its step lands shows late, and nodes are seen only through their
     * pictures. The frame on which a move ends does none: it already pictures every box that was still due.
     */
    private void idleJob() {
        if (!tweening) {
            restFrames++;
        }
        if (!prepareAhead() && !tweening) {
            boxes.restyleOne();
        }
    }

    /**
     * In the frames between moves, does one piece of the next step's work ahead: the model's read of it, its
     * layout, the pictures of the thread boxes whose look it changes (a box's styles in one frame, its picture in
     * the next), then its background, recorded and compared. The step then finds them ready, and the frame on which
     * its event lands paints instead (docs/performance.md). Work done for a step that does not come (the viewer
     * steps back, resizes) is simply not used: what is drawn is always the state's.
     */
    private boolean prepareAhead() {
        // between moves: a move's frames already pay for its glide, and a job on one of them made it as dear as the
        // event's own (docs/performance.md). Only when the last pause between moves was too short to prepare in
        // (a 10 fps export's four frames, fast playback) does the second half of a move prepare too: a box whose
        // new look is not pictured when its step lands shows its old look for the first frames of the move
        boolean inMove = tweening && lastRestFrames < ENOUGH_REST_FRAMES && moveFrames >= PREPARE_FROM
                && progress >= PREPARE_FROM_PROGRESS;
        if (tweening && !inMove || toState == null || toGeo == null) {
            return false;
        }
        SchedState next = model.upcomingState();
        if (next == null || !sameRun(toState, next)) {
            return false;
        }
        if (next != readAhead) {
            // reading the next step (its state, the panels' rows) was this frame's job; its layout is the next's
            readAhead = next;
            return true;
        }
        LayoutInputs in = layoutInputs();
        if (next != preparedState || !in.equals(preparedFor)) {
            preparedGeo = geometryOf(next);
            preparedState = next;
            preparedFor = in;
            preparedPictures = true;
            return true;
        }
        if (preparedPictures) {
            preparedPictures = boxes.prepare(next, preparedGeo, upcomingFlagged(),
                    model.selectionProperty().get(), boxSize[0]);
            if (preparedPictures) {
                return true;
            }
        }
        // last, and only between moves: the end of the move redraws the background, and the step's is compared with
        // what the canvas shows then
        if (tweening) {
            return false;
        }
        if (backgroundAhead == null
                || !backgroundAhead.madeFrom(toState, toGeo, next, preparedGeo, palette.get(),
                changedP(model.upcomingChanged()), selectedP())
                || !background.holds(backgroundAhead.compared())) {
            backgroundAhead = recordAhead(next, preparedGeo, upcomingFlagged());
            return true;
        }
        return false;
    }

    /** Everything a layout depends on besides the state. */
    private record LayoutInputs(double width, double height, double boxW, double boxH, double fontScale,
                                ZoneDemand demand) {
    }

    private LayoutInputs layoutInputs() {
        return new LayoutInputs(width(), height(), boxSize[0], boxSize[1], fontScale.get(), demand());
    }

    /**
     * Ends the move: everything now stands where the new state puts it and joins the background, so the last frame
     * is the very picture a cut to this state paints (boxes on whole pixels again, not resampled in flight).
     */
    private void settle() {
        tweening = false;
        if (fromState == toState || toState == null) {
            return;
        }
        settledFrom = fromState;
        settledFromGeo = fromGeo;
        fromState = toState;
        fromGeo = toGeo;
        placeThreads(1, flagged());
        drawBackground();
    }

    private void onState(SchedState old, SchedState now) {
        if (now == null) {
            return;
        }
        layOutWhatIsPending();
        StageGeometry prevGeo = toGeo;
        SchedState prev = toState;
        settledFrom = null;
        toState = now;
        toGeo = now == preparedState && layoutInputs().equals(preparedFor) ? preparedGeo : geometryOf(now);
        boolean step = prev != null && prevGeo != null && Math.abs(now.eventCount() - prev.eventCount()) == 1
                && prev.threads().size() <= now.threads().size() + 1 && !tween.equals(Duration.ZERO)
                && sameRun(prev, now);
        if (step) {
            lastRestFrames = restFrames;
            restFrames = 0;
            fromState = prev;
            fromGeo = prevGeo;
            double beat = model.playback().beatSeconds() * 0.8e9;
            tweenNanos = Math.max(1, Math.min(tween.toMillis() * 1e6, beat));
            tweenStart = -1;
            tweening = true;
            moveFrames = 0;
            progress = 0;
        } else {
            fromState = now;
            fromGeo = toGeo;
            tweening = false;
            progress = 1;
        }
        // the boxes are placed and the background drawn for this very frame: only what moves is left to draw, and
        // a move's first frame (painted before the next picture of the stage, in the same pulse or the next) draws
        // it; drawing it here too would paint the moving items twice on the frame that already costs most
        Set<Entity> flagged = flagged();
        placeThreads(StageRenderer.ease(progress), flagged);
        drawBackground();
        if (!tweening) {
            drawTokens(StageRenderer.ease(progress), flagged);
        }
    }

    /** Two states of the same run share their first event's options; after a re-simulation, cut instead. */
    private static boolean sameRun(SchedState a, SchedState b) {
        return a.gomaxprocs() == b.gomaxprocs() && a.version().equals(b.version());
    }

    private StageGeometry geometryOf(SchedState s) {
        return StageGeometry.compute(s, width(), height(), boxSize[0], boxSize[1], fontScale.get(), demand());
    }

    /** The thread zones' sizes for the run on show (the view model works them out once per run). */
    private ZoneDemand demand() {
        return model.zoneDemand();
    }

    /**
     * Measures a thread box as the stylesheet draws it now (theme, text size), with the longest state text it
     * can show, so the layout leaves it room. Falls back to the base size before the view is in a scene.
     */
    private void measureBox() {
        if (getScene() == null) {
            return;
        }
        boxSize = boxes.measure();
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
        // A scene taken off its window (the window shows another scene now) is not drawn again: styling it then
        // resolves no looked-up colour, one warning per styled node, and it must stop following the window's scale.
        scene.windowProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.renderScaleXProperty().removeListener(rescale);
                a.renderScaleYProperty().removeListener(rescale);
            }
            watch.accept(b);
            if (b != null) {
                fullRedraw();
            }
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

    /** The number goroutine {@code g}'s token shows: an import's real id (tests). */
    String tokenText(int g) {
        return renderer.labels().token(g);
    }

    /** Box pictures taken ahead so far (tests). */
    int picturesPrepared() {
        return boxes.prepared();
    }

    /** Box pictures taken while a pending layout moved their box (tests; none, since frames lay out first). */
    int boxesMovedWhilePictured() {
        return boxes.movedWhilePictured();
    }

    /** The picture of thread {@code m}'s box now drawn, or null (tests). */
    BoxPicture picture(int m) {
        return boxes.picture(m);
    }

    private ImportFacts named = ImportFacts.NONE;

    /** Names tokens and boxes as {@code facts} says (the engine's ids for a simulation). */
    private void useNames(ImportFacts facts) {
        if (facts == named) {
            return;
        }
        named = facts;
        renderer.setLabels(ImportedNames.of(facts));
        boxes.setNames(facts.isImport() ? facts::threadName : null, facts.isImport() ? facts::realIds : null);
        fullRedraw();
    }

    private void fullRedraw() {
        pixelScale = currentPixelScale();
        renderer.setPixelScale(pixelScale);
        measureBox();
        if (toState == null) {
            return;
        }
        toGeo = geometryOf(toState);
        settledFrom = null;
        if (!tweening) {
            fromGeo = toGeo;
            fromState = toState;
        } else {
            fromGeo = geometryOf(fromState);
        }
        boxes.repictureAll(pixelScale);
        placeThreads(StageRenderer.ease(progress), flagged());
        drawBackground();
        paint(StageRenderer.ease(progress));
    }

    private void redraw() {
        if (toState != null) {
            paint(StageRenderer.ease(progress));
        }
    }

    /**
     * Brings the background up to date on the canvas: the layout's static picture (drawn and pictured once per
     * layout) and, over it, the recording of the state and of what stays put during the move, painted again only
     * where it differs from the one the canvas shows (docs/performance.md).
     */
    private void drawBackground() {
        int changedP = changedP(model.changedProperty().get());
        int selP = selectedP();
        int w = (int) Math.ceil(front.getWidth());
        int h = (int) Math.ceil(front.getHeight());
        if (w <= 0 || h <= 0) {
            return;
        }
        BackgroundAhead ahead = backgroundAhead != null
                && backgroundAhead.holdsFor(fromState, fromGeo, toState, toGeo, palette.get(), changedP, selP,
                boxes::picture) ? backgroundAhead : null;
        backgroundAhead = null;
        DrawList next = ahead != null ? ahead.list() : renderer.recordBackground(fromGeo, fromState, toGeo, toState,
                palette.get(), changedP, selP, boxes::picture);
        if (ahead != null) {
            backgroundsAhead++;
            if (verifyAhead) {
                DrawList fresh = renderer.recordBackground(fromGeo, fromState, toGeo, toState, palette.get(),
                        changedP, selP, boxes::picture);
                if (!fresh.changedSince(next).isEmpty() || !next.changedSince(fresh).isEmpty()) {
                    backgroundsAheadWrong++;
                }
            }
        }
        // the layout's outlines and labels are drawn once per layout; an event only paints what it changed. A
        // snapshot outside a scene would wrap this view in a temporary one: without a scene the layer fills instead
        String key = layoutKey();
        if (!key.equals(staticKey) || getScene() != null && staticImage == null) {
            DrawList still = renderer.recordStatic(toGeo, palette.get());
            still.replay(pen.context(), null);
            WritableImage picture = null;
            if (getScene() != null) {
                int pw = (int) Math.ceil(w * pixelScale);
                int ph = (int) Math.ceil(h * pixelScale);
                if (staticImage == null || staticImage.getWidth() != pw || staticImage.getHeight() != ph) {
                    staticImage = new WritableImage(pw, ph);
                }
                // pictured from a canvas of its own, not from this one: a canvas resized in this pulse (the
                // window's first layout, then its real size) pictured the old size's drawing over the new
                Canvas alone = new Canvas(w, h);
                still.replay(alone.getGraphicsContext2D(), null);
                alone.snapshot(scaled(pixelScale), staticImage);
                picture = staticImage;
            }
            background.staticDrawn(still, picture, w, h, pixelScale);
            renderer.canvasShowsBackground(w, h);
            staticKey = key;
        }
        renderer.showBackground(pen, background, next, ahead == null ? null : ahead.compared());
    }

    /** The P a step rings as changed among {@code changed}, or -1. */
    private static int changedP(java.util.Collection<Entity> changed) {
        int p = -1;
        for (Entity e : changed) {
            if (e.kind() == Entity.Kind.P) {
                p = e.id();
            }
        }
        return p;
    }

    /** The selected P, or -1. */
    private int selectedP() {
        Entity sel = model.selectionProperty().get();
        return sel != null && sel.kind() == Entity.Kind.P ? sel.id() : -1;
    }

    /**
     * Records the background the step to {@code next} will show (laid out as {@code geo}), with the pictures its
     * boxes will have then, and compares it with the canvas's.
     */
    private BackgroundAhead recordAhead(SchedState next, StageGeometry geo, Set<Entity> flaggedNext) {
        Entity selection = model.selectionProperty().get();
        return BackgroundAhead.record(renderer, background, toState, toGeo, next, geo, palette.get(),
                changedP(model.upcomingChanged()), selectedP(),
                m -> boxes.pictureAfterStep(m, next, geo, flaggedNext, selection, boxSize[0]));
    }

    /** Thread boxes whose nodes are still behind the picture they show, and those brought up since (tests). */
    int boxesBehind() {
        return boxes.behind();
    }

    int boxesRestyledAfterMoves() {
        return boxes.restyledAfterMoves();
    }

    /** Steps whose background was recorded and compared ahead (tests). */
    int backgroundsAhead() {
        return backgroundsAhead;
    }

    /**
     * Tests: each background recorded ahead is recorded again when its step lands, and {@link
     * #backgroundsAheadWrong} counts those that differ from it.
     */
    void verifyBackgroundsAhead() {
        verifyAhead = true;
    }

    int backgroundsAheadWrong() {
        return backgroundsAheadWrong;
    }

    private static SnapshotParameters scaled(double scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        return p;
    }

    /** What the static layer depends on: size, scale, palette, text size and where every lane and zone is. */
    private String layoutKey() {
        StringBuilder b = new StringBuilder();
        b.append(pixelScale).append('@').append(toGeo.width).append('x').append(toGeo.height).append('/')
                .append(palette.get().name()).append('/').append(fontScale.get()).append('/').append(toGeo.zoom)
                .append('/').append(toGeo.lanes.size()).append('/').append(toGeo.token);
        for (StageGeometry.Zone z : toGeo.zones) {
            b.append('/').append(z.bounds());
        }
        return b.toString();
    }

    private void paint(double t) {
        if (toGeo == null) {
            return;
        }
        Set<Entity> flagged = flagged();
        if (placeThreads(t, flagged)) {
            // a box that stays put changed its look after the background was drawn (a highlight set after the
            // state, say): its picture lives in the background
            drawBackground();
        }
        drawTokens(t, flagged);
    }

    /** Draws what moves at {@code t}, the boxes already placed for it and the background up to date. */
    private void drawTokens(double t, Set<Entity> flagged) {
        Set<Integer> changedGs = new HashSet<>();
        for (Entity e : flagged) {
            if (e.kind() == Entity.Kind.G) {
                changedGs.add(e.id());
            }
        }
        Entity sel = model.selectionProperty().get();
        int selG = sel != null && sel.kind() == Entity.Kind.G ? sel.id() : -1;
        renderer.drawTokens(pen, background, fromGeo, fromState, toGeo, toState, t,
                palette.get(), changedGs, selG, boxes::picture);
    }

    /** What the last step changed and what the current cue highlights: both are marked on the stage. */
    private Set<Entity> flagged() {
        return marked(model.changedProperty().get(), model.highlightedProperty().get());
    }

    /** What the next step will mark: what it changes, and what the cue shown with it (if any) highlights. */
    private Set<Entity> upcomingFlagged() {
        return marked(model.upcomingChanged(), model.upcomingHighlighted());
    }

    private static Set<Entity> marked(Set<Entity> changed, Set<Entity> highlighted) {
        Set<Entity> flagged = new HashSet<>(changed);
        flagged.addAll(highlighted);
        return flagged;
    }

    /**
     * Brings the thread boxes up to date for the move at {@code t}; true when a picture changed. While a move is
     * animated a box whose look changed is restyled and pictured on later frames of it (one job a frame), so the
     * frame on which an event lands takes no snapshot; a cut, a redraw and the end of a move picture every box at
     * once.
     */
    private boolean placeThreads(double t, Set<Entity> flagged) {
        boolean later = tweening && fromState != toState;
        // in a move and after it (until the next cut), a box's nodes may lag the picture it shows
        boolean restyleLater = later || settledFrom != null;
        boolean pictured = boxes.place(fromState, fromGeo, toState, toGeo, t, flagged,
                model.selectionProperty().get(), boxSize[0], later, restyleLater);
        return later && moveFrames >= 2 ? boxes.catchUp() || pictured : pictured;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (front.getWidth() != w || front.getHeight() != h) {
            front.setWidth(w);
            front.setHeight(h);
            boxes.resize(w, h);
            fullRedraw();
        }
        if (note.isVisible()) {
            double nw = Math.min(note.prefWidth(-1), w * 0.6);
            double nh = note.prefHeight(nw);
            note.resizeRelocate(w - nw - 6, h - nh - 4, nw, nh);
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
