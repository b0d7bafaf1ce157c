package dev.curtain.render;

import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.GoroutineTable;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.ProcessorState;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

/**
 * Paints the stage in two layers: the background (zones, lanes, P status, and whatever stays put during the
 * current move; redrawn when the state changes, then kept as an image) and what moves (goroutines, tethers,
 * highlights, thread boxes; redrawn every animation frame over a copy of the background).
 * Thread boxes are styled scene-graph nodes (CSS states, clicks, tooltips), but they are drawn here from pictures
 * of them: one composited layer is what keeps a software-rendered frame cheap (docs/performance.md).
 */
public final class StageRenderer {
    /** Above this many visible tokens, ids are not written on them: the text would be noise and cost time. */
    static final int LABEL_LIMIT = 160;
    /** Up to this many tokens on stage, each carries its function's name as well as its number. */
    static final int NAME_LIMIT = 24;

    /** Beyond this many patches a frame copies the whole background instead. */
    static final int DIRTY_LIMIT = 1_500;

    private final TokenSprites sprites = new TokenSprites();
    private final double[] dirty = new double[4 * DIRTY_LIMIT];
    private int dirtyCount;
    /** False while drawing the still part onto the background, which is never restored from itself. */
    private boolean recordDirty = true;
    private boolean fullNext = true;
    /** Image pixels per stage unit of the background and sprites: the screen's render scale (2 on HiDPI). */
    private double pixelScale = 1;
    private double lastWidth;
    private double lastHeight;
    /** Sizes come already scaled by the geometry's zoom, which includes the window's text size. */
    private Font font(double size, boolean bold) {
        return Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
    }

    /**
     * Sets how many image pixels the background picture and the sprites have per stage unit: the canvas renders
     * at the screen's scale, and a picture taken at 1 would be blurred up on a HiDPI screen.
     */
    public void setPixelScale(double scale) {
        pixelScale = scale;
    }

    private StageLabels labels = StageLabels.ENGINE;

    /** What tokens are labelled with now. */
    public StageLabels labels() {
        return labels;
    }

    /** What tokens say and which are drawn as inferred ({@link StageLabels#ENGINE} for a simulated run). */
    public void setLabels(StageLabels labels) {
        this.labels = labels == null ? StageLabels.ENGINE : labels;
    }

    // ================================================================ background

    // The background is the static part ({@link #drawStatic}) under what changes with the state
    // ({@link #drawDynamic}). Lane outlines live there, not with the moving items: they change per step, not per
    // frame, and a long rounded outline is among the dearest shapes for the software pipeline.

    /**
     * What depends only on the layout: zones with their titles, lanes with their names and slot outlines. The
     * window draws it once per layout and keeps it as an image, so an event costs one copy instead of redrawing
     * every rounded outline and label.
     */
    public DrawList recordStatic(StageGeometry geo, Palette pal) {
        DrawList list = new DrawList(this::textWidth);
        drawStatic(list, geo, pal);
        return list;
    }

    private void drawStatic(Pen gc, StageGeometry geo, Palette pal) {
        gc.setFill(pal.background());
        gc.fillRect(0, 0, geo.width, geo.height);
        double sw = pal.strokeScale();
        for (StageGeometry.Zone z : geo.zones) {
            Rect r = z.bounds();
            gc.setFill(pal.surface());
            gc.fillRoundRect(r.x(), r.y(), r.w(), r.h(), 14, 14);
            gc.setStroke(pal.border());
            gc.setLineWidth(sw);
            gc.strokeRoundRect(r.x() + .5, r.y() + .5, r.w() - 1, r.h() - 1, 14, 14);
            gc.setFill(pal.muted());
            gc.setFont(titleFont(geo));
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.CENTER);
            // a zone narrower than its title (a half-width compare column) squeezes it rather than spill over
            // a zone too narrow for its title has it on two lines; squeezed only past that (a compare column)
            for (int k = 0; k < z.lines().size(); k++) {
                gc.fillText(z.lines().get(k), r.x() + 12, r.y() + (13 + k * StageGeometry.TITLE_LINE) * geo.zoom,
                        Math.max(1, r.w() - 20));
            }
        }
        double z = geo.zoom;
        double d = geo.token;
        for (StageGeometry.Lane l : geo.lanes) {
            Rect b = l.bounds();
            gc.setFill(pal.lane());
            gc.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 12, 12);
            gc.setStroke(pal.border());
            gc.setLineWidth(sw);
            gc.strokeRoundRect(b.x() + .5, b.y() + .5, b.w() - 1, b.h() - 1, 12, 12);
            Rect h = l.header();
            boolean roomy = b.h() >= 40;
            gc.setFill(pal.text());
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.CENTER);
            gc.setFont(font(roomy ? 20 * z : Math.max(10, b.h() * 0.42), true));
            gc.fillText("P" + l.p(), h.x() + 16, roomy ? l.cy() - 9 * z : l.cy());
            // the muted text colour, half strength: a border colour darkened vanishes on the dark theme's lanes
            gc.setStroke(pal.muted().deriveColor(0, 1, 1, 0.55));
            gc.setLineWidth(1.5 * sw);
            gc.setLineDashes(3, 3);
            gc.strokeOval(l.runnextX() - d / 2 - 3, l.cy() - d / 2 - 3, d + 6, d + 6);
            gc.setLineDashes((double[]) null);
            if (b.h() >= 64) {
                gc.setFill(pal.muted());
                gc.setFont(font(11 * z, false));
                gc.setTextAlign(TextAlignment.CENTER);
                gc.fillText("runnext", l.runnextX(), l.cy() - d / 2 - 13 * z);
                gc.setTextAlign(TextAlignment.LEFT);
                gc.fillText(runqLabel(l, font(11 * z, false), z), l.queueX0(), l.cy() - d / 2 - 13 * z);
            }
        }
        gc.setTextAlign(TextAlignment.LEFT);
    }

    /** What changes with the state: queue counts, each P's status, empty thread slots, lane outlines. */
    private void drawDynamic(Pen gc, StageGeometry geo, SchedState s, Palette pal, int changedP,
                            int selectedP) {
        double sw = pal.strokeScale();
        double z = geo.zoom;
        gc.setLineCap(StrokeLineCap.BUTT);
        for (StageGeometry.Zone zone : geo.zones) {
            String count = count(zone, s);
            if (!count.isEmpty()) {
                Rect r = zone.bounds();
                gc.setFill(pal.muted());
                gc.setFont(titleFont(geo));
                gc.setTextAlign(TextAlignment.LEFT);
                gc.setTextBaseline(VPos.CENTER);
                gc.fillText(count, r.x() + 12 + textWidth(zoneTitle(zone), titleFont(geo)) + 10 * z,
                        r.y() + 13 * z);
            }
        }
        for (StageGeometry.Lane l : geo.lanes) {
            drawLaneState(gc, geo, l, s, pal);
        }
        gc.setStroke(pal.accent());
        if (changedP >= 0 && changedP < geo.lanes.size()) {
            Rect b = geo.lanes.get(changedP).bounds();
            gc.setLineWidth(1.5 * sw);
            gc.strokeRoundRect(b.x() - 1.5, b.y() - 1.5, b.w() + 3, b.h() + 3, 14, 14);
        }
        if (selectedP >= 0 && selectedP < geo.lanes.size()) {
            Rect b = geo.lanes.get(selectedP).bounds();
            gc.setLineWidth(3 * sw);
            gc.setLineDashes(6, 4);
            gc.strokeRoundRect(b.x() - 3, b.y() - 3, b.w() + 6, b.h() + 6, 16, 16);
            gc.setLineDashes((double[]) null);
        }
    }

    /** The local run queue's label, longest first: a narrow lane (two stages side by side) takes a shorter one. */
    private static final String[] RUNQ_LABELS = {"local run queue", "run queue", "runq"};

    private String runqLabel(StageGeometry.Lane l, Font f, double z) {
        return runqLabel(l.queueX1() - l.queueX0() - 8 * z, t -> textWidth(t, f));
    }

    /** The longest label that leaves room for the widest count (256) in {@code room}, measured by {@code width}. */
    static String runqLabel(double room, java.util.function.ToDoubleFunction<String> width) {
        double left = room - width.applyAsDouble("256");
        for (String label : RUNQ_LABELS) {
            if (width.applyAsDouble(label) <= left) {
                return label;
            }
        }
        return RUNQ_LABELS[RUNQ_LABELS.length - 1];
    }

    private Font titleFont(StageGeometry geo) {
        return font(12 * geo.zoom, true);
    }

    private static String zoneTitle(StageGeometry.Zone z) {
        return z.title().toUpperCase(java.util.Locale.ROOT);
    }

    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    /** Widths already measured: a stage writes the same few words and numbers on every event. */
    private final java.util.Map<String, Double> widths = new java.util.HashMap<>();

    private double textWidth(String text, Font f) {
        String key = f.getName() + '/' + f.getSize() + '/' + text;
        Double w = widths.get(key);
        if (w == null) {
            if (widths.size() > 20_000) {
                widths.clear();
            }
            measure.setText(text);
            measure.setFont(f);
            w = measure.getLayoutBounds().getWidth();
            widths.put(key, w);
        }
        return w;
    }

    private String count(StageGeometry.Zone z, SchedState s) {
        if (z.title().equals(StageGeometry.GLOBAL)) {
            return Integer.toString(s.globalQueue().size());
        }
        if (z.title().equals(StageGeometry.WAITING)) {
            int n = 0;
            GoroutineTable gs = s.goroutines();
            for (int g = 1; g < gs.size(); g++) {
                if (gs.status(g) == GStatus.WAITING) {
                    n++;
                }
            }
            return Integer.toString(n);
        }
        return "";
    }

    private void drawLaneState(Pen gc, StageGeometry geo, StageGeometry.Lane l, SchedState s,
                               Palette pal) {
        Rect b = l.bounds();
        if (l.p() >= s.processors().size()) {
            return;
        }
        ProcessorState ps = s.processor(l.p());
        Color statusColour = switch (ps.status()) {
            case RUNNING -> pal.running();
            case SYSCALL -> pal.syscall();
            default -> pal.muted();
        };
        Rect h = l.header();
        // a coloured edge on the lane's left says the P's status at a glance, even from the back row
        gc.setFill(statusColour);
        gc.fillRoundRect(h.x() + 3, h.y() + 4, 5, h.h() - 8, 5, 5);
        boolean roomy = b.h() >= 40;
        double z = geo.zoom;
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        if (roomy) {
            gc.setFill(statusColour.equals(pal.muted()) ? pal.muted() : statusColour.deriveColor(0, 1, 0.85, 1));
            gc.setFont(font(12 * z, true));
            gc.fillText(ps.status().key(), h.x() + 16, l.cy() + 12 * z);
        }
        // the thread slot: dashed when no M holds this P
        Rect slot = l.threadSlot();
        if (ps.m() < 0 || ps.status() == PStatus.IDLE) {
            gc.setStroke(pal.border());
            gc.setLineWidth(pal.strokeScale());
            gc.setLineDashes(5, 4);
            gc.strokeRoundRect(slot.x(), slot.y(), slot.w(), slot.h(), 10, 10);
            gc.setLineDashes((double[]) null);
            gc.setFill(pal.muted());
            gc.setFont(font(roomy ? 12 * z : 10, false));
            gc.setTextAlign(TextAlignment.CENTER);
            gc.fillText(geo.compactThreads ? "no M" : "no thread holds this P", slot.cx(), slot.cy());
        } else if (ps.status() == PStatus.SYSCALL && !geo.compactThreads) {
            // the runtime's loose hold: the P still belongs to a thread that is blocked in the kernel
            gc.setStroke(pal.syscall());
            gc.setLineWidth(1.5 * pal.strokeScale());
            gc.setLineDashes(5, 4);
            gc.strokeRoundRect(slot.x(), slot.y(), slot.w(), slot.h(), 10, 10);
            gc.setLineDashes((double[]) null);
            gc.setFill(pal.syscall().deriveColor(0, 1, 0.8, 1));
            gc.setFont(font(roomy ? 12 * z : 10, false));
            gc.setTextAlign(TextAlignment.CENTER);
            gc.fillText("held by M" + ps.m() + ", blocked in a syscall", slot.cx(), slot.cy());
        }
        if (b.h() >= 64) {
            double d = geo.token;
            Font f = font(11 * z, false);
            gc.setFill(pal.muted());
            gc.setFont(f);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.fillText(Integer.toString(ps.runqSize()), l.queueX0() + textWidth(runqLabel(l, f, z), f) + 8 * z,
                    l.cy() - d / 2 - 13 * z);
        }
        gc.setTextAlign(TextAlignment.LEFT);
    }

    // ================================================================ tokens

    /**
     * Records the background of the move from {@code from} to {@code to}: what changes with the state (queue counts,
     * each P's status, empty thread slots, the changed and selected lanes) and what stays put during the move
     * (tokens whose place does not change, their tethers, the counts, the syscall hold lines and the thread boxes
     * that stay where they are). Each frame then draws only what moves, usually one to three tokens.
     */
    public DrawList recordBackground(StageGeometry from, SchedState fromState, StageGeometry to, SchedState toState,
                                     Palette pal, int changedP, int selectedP, IntFunction<BoxPicture> boxes) {
        DrawList list = new DrawList(this::textWidth);
        drawDynamic(list, to, toState, pal, changedP, selectedP);
        recordDirty = false;
        drawStillItems(list, from, fromState, to, toState, pal);
        drawBoxes(list, from, fromState, to, toState, 1, boxes, true);
        recordDirty = true;
        return list;
    }

    /**
     * Puts {@code background} on the canvas through {@code layer}: where it differs from what the canvas shows,
     * and where the last frame drew moving items; {@code ahead}, when not null, is it compared in an earlier frame.
     */
    public void showBackground(CanvasPen pen, BackgroundLayer layer, DrawList background,
                               BackgroundLayer.Compared ahead) {
        List<Rect> patches = fullNext ? List.of(new Rect(0, 0, lastWidth, lastHeight)) : dirtyPatches();
        layer.show(pen.context(), background, patches, ahead);
        dirtyCount = 0;
        fullNext = false;
    }

    /**
     * Draws the token layer {@code t} (0..1, already eased) of the way from {@code from} to {@code to} over the
     * background {@code layer} shows. Gs that appear start on their parent; Gs that finish fade where they were.
     */
    public void drawTokens(CanvasPen pen, BackgroundLayer layer, StageGeometry from, SchedState fromState,
                           StageGeometry to, SchedState toState, double t, Palette pal, Set<Integer> changedGs,
                           int selectedG, IntFunction<BoxPicture> boxes) {
        // the background is drawn on this same canvas rather than stacked as a second one: one full-size composite
        // per frame instead of two, which is a third of the software pipeline's frame time at 1080p.
        // Dirty rectangles: the canvas keeps last frame's pixels, so only the patches under last frame's tokens,
        // lines and counts are painted again from the background's recording
        if (fullNext || to.width != lastWidth || to.height != lastHeight) {
            layer.invalidate();
        }
        layer.restore(pen.context(), dirtyPatches());
        lastWidth = to.width;
        lastHeight = to.height;
        dirtyCount = 0;
        fullNext = false;
        recordDirty = true;
        drawMovingItems(pen, from, fromState, to, toState, t, pal, changedGs, selectedG);
        drawBoxes(pen, from, fromState, to, toState, t, boxes, false);
    }

    private List<Rect> dirtyPatches() {
        List<Rect> out = new ArrayList<>(dirtyCount);
        for (int i = 0; i < dirtyCount; i++) {
            out.add(new Rect(dirty[4 * i], dirty[4 * i + 1], dirty[4 * i + 2], dirty[4 * i + 3]));
        }
        return out;
    }

    /**
     * Copies the pictures of the thread boxes that stay put ({@code stillPass}) or of those that move, grow or fade,
     * placed {@code t} of the way. A still box lands on whole pixels so its text stays as crisp as the node's.
     */
    private void drawBoxes(Pen gc, StageGeometry from, SchedState fromState, StageGeometry to,
                           SchedState toState, double t, IntFunction<BoxPicture> pictures, boolean stillPass) {
        int n = Math.max(fromState.threads().size(), toState.threads().size());
        for (int m = 0; m < n; m++) {
            BoxPlacement p = BoxPlacement.of(m, fromState, from, toState, to, t);
            if (p == null || p.still() != stillPass || !p.shown()) {
                continue;
            }
            BoxPicture pic = pictures.apply(m);
            if (pic == null) {
                continue;
            }
            Rect r = p.rect();
            double kx = p.scale() * r.w() / pic.w();
            double ky = p.scale() * r.h() / pic.h();
            double w = pic.image().getWidth() / pic.scale() * kx;
            double h = pic.image().getHeight() / pic.scale() * ky;
            double x;
            double y;
            if (p.still() && kx == 1 && ky == 1) {
                x = Math.round(r.x()) + pic.dx();
                y = Math.round(r.y()) + pic.dy();
            } else {
                // grows and shrinks about its centre
                x = r.cx() + (pic.dx() - pic.w() / 2) * kx;
                y = r.cy() + (pic.dy() - pic.h() / 2) * ky;
            }
            gc.setGlobalAlpha(p.opacity());
            gc.drawImage(pic.image(), x, y, w, h);
            mark(x, y, w, h);
        }
        gc.setGlobalAlpha(1);
    }

    /** A token that is drawn at the same place, in the same look, all through the move. */
    private static boolean still(int g, StageGeometry from, StageGeometry to) {
        return g < from.gShown.length && g < to.gShown.length && from.gShown[g] == StageGeometry.SHOWN
                && to.gShown[g] == StageGeometry.SHOWN && from.gx[g] == to.gx[g] && from.gy[g] == to.gy[g];
    }

    private static boolean stillBox(int m, StageGeometry from, StageGeometry to) {
        return m < from.mBox.length && m < to.mBox.length && java.util.Objects.equals(from.mBox[m], to.mBox[m]);
    }

    /**
     * The still pass, into the background: what stands where it is all through the move (the syscall hold lines,
     * tethers between a still token and a still box, the tokens that do not move, the counts).
     */
    private void drawStillItems(Pen pen, StageGeometry from, SchedState fromState, StageGeometry to,
                                SchedState toState, Palette pal) {
        drawHoldLines(pen, to, toState, pal);
        drawTethers(pen, from, fromState, to, toState, 1, pal, true, null);
        drawGoroutines(pen, from, fromState, to, toState, 1, pal, true);
        drawChips(pen, to, pal);
    }

    /**
     * The moving pass, every frame over the background: what moves, grows or fades, {@code t} of the way (tokens and
     * their tethers), and the rings round what the last step changed and round the selection.
     */
    private void drawMovingItems(Pen pen, StageGeometry from, SchedState fromState, StageGeometry to,
                                 SchedState toState, double t, Palette pal, Set<Integer> changedGs, int selectedG) {
        List<double[]> connectors = new ArrayList<>();
        drawTethers(pen, from, fromState, to, toState, t, pal, false, connectors);
        drawGoroutines(pen, from, fromState, to, toState, t, pal, false);
        drawRings(pen, from, fromState, to, t, pal, changedGs, selectedG);
        drawConnectors(pen, connectors, pal);
    }

    /**
     * A P that waits on a thread in a syscall (the runtime's loose hold): a dashed line from lane to thread. With
     * many lanes these lines would only be noise, and the P's syscall colour says it already (anti-aliased strokes
     * are what the software pipeline pays most for: butt caps, and only for few lanes).
     */
    private void drawHoldLines(Pen pen, StageGeometry to, SchedState toState, Palette pal) {
        pen.setLineCap(StrokeLineCap.BUTT);
        if (to.lanes.size() > 8) {
            return;
        }
        double strokeScale = pal.strokeScale();
        for (StageGeometry.Lane l : to.lanes) {
            if (l.p() >= toState.processors().size()) {
                continue;
            }
            ProcessorState proc = toState.processor(l.p());
            if (proc.status() == PStatus.SYSCALL && proc.m() >= 0 && proc.m() < to.mBox.length
                    && to.mBox[proc.m()] != null && to.mBox[proc.m()] != l.threadSlot()) {
                Rect box = to.mBox[proc.m()];
                pen.setStroke(pal.syscall());
                pen.setLineWidth(2 * strokeScale);
                pen.setLineDashes(6, 5);
                pen.strokeLine(l.threadSlot().cx(), l.threadSlot().cy(), box.cx(), box.y());
                pen.setLineDashes((double[]) null);
            }
        }
    }

    /**
     * Tethers: a locked G and its M, those of this pass ({@code stillPass}: both ends stand still). A G right beside
     * its M (running on it, say) hides its tether under the two and the rings the last step drew round them, so the
     * moving pass collects a short connector for it into {@code connectors}, drawn last, over the rings.
     */
    private void drawTethers(Pen pen, StageGeometry from, SchedState fromState, StageGeometry to,
                             SchedState toState, double t, Palette pal, boolean stillPass, List<double[]> connectors) {
        GoroutineTable gsTo = toState.goroutines();
        GoroutineTable gsFrom = fromState.goroutines();
        double width = 3 * pal.strokeScale();
        pen.setLineCap(StrokeLineCap.ROUND);
        for (int g = 1; g < gsTo.size(); g++) {
            double[] line = tether(g, from, to, gsFrom, gsTo, t);
            if (line == null) {
                continue;
            }
            if (!stillPass && to.gShown[g] == StageGeometry.SHOWN) {
                double[] c = connector(line, to.token);
                if (c != null) {
                    connectors.add(c);
                }
            }
            if (stillPass != (still(g, from, to) && stillBox(gsTo.lockedM(g), from, to))) {
                continue;
            }
            pen.setStroke(pal.tether());
            pen.setLineWidth(width);
            pen.strokeLine(line[0], line[1], line[2], line[3]);
            markLine(line[0], line[1], line[2], line[3], width);
        }
    }

    /**
     * The goroutine tokens of this pass ({@code stillPass}: those that stand still), with their numbers, the names
     * of a few large ones, the padlock of a locked G and the mark of one that acted on a diverged thread.
     */
    private void drawGoroutines(Pen pen, StageGeometry from, SchedState fromState, StageGeometry to,
                                SchedState toState, double t, Palette pal, boolean stillPass) {
        GoroutineTable gsTo = toState.goroutines();
        GoroutineTable gsFrom = fromState.goroutines();
        double size = to.token;
        double scale = pixelScale;
        Image[] looks = {
            sprites.sprite(TokenSprites.Look.RUNNABLE, size, pal, scale),
            sprites.sprite(TokenSprites.Look.RUNNING, size, pal, scale),
            sprites.sprite(TokenSprites.Look.SYSCALL, size, pal, scale),
            sprites.sprite(TokenSprites.Look.WAITING, size, pal, scale)};
        boolean labels = to.shownTokens <= LABEL_LIMIT && size >= 15;
        // a few large tokens also carry their function's name ("main", "hello") under them
        boolean names = to.shownTokens <= NAME_LIMIT && size >= 18;
        Font numberFont = font(Math.max(9, size * 0.42), true);
        Font nameFont = font(Math.max(10, size * 0.38), false);
        if (labels || names) {
            pen.setFont(numberFont);
            pen.setTextAlign(TextAlignment.CENTER);
            pen.setTextBaseline(VPos.CENTER);
        }
        int n = Math.max(gsTo.size(), gsFrom.size());
        for (int g = 1; g < n; g++) {
            byte before = g < from.gShown.length ? from.gShown[g] : StageGeometry.HIDDEN;
            byte after = g < to.gShown.length ? to.gShown[g] : StageGeometry.HIDDEN;
            if (before != StageGeometry.SHOWN && after != StageGeometry.SHOWN || stillPass != still(g, from, to)) {
                continue;
            }
            // a token that appears fades in, one that leaves fades out
            double alpha = after == StageGeometry.SHOWN ? (before == StageGeometry.SHOWN ? 1 : t) : 1 - t;
            if (alpha <= 0.01) {
                continue;
            }
            double[] p = position(g, from, to, gsFrom, t);
            GStatus st = g < gsTo.size() && gsTo.status(g) != GStatus.DEAD ? gsTo.status(g)
                    : g < gsFrom.size() ? gsFrom.status(g) : GStatus.RUNNABLE;
            int look = switch (st) {
                case RUNNING -> 1;
                case SYSCALL -> 2;
                case WAITING -> 3;
                default -> 0;
            };
            Image img = looks[look];
            pen.setGlobalAlpha(alpha);
            double iw = img.getWidth() / scale;
            double ih = img.getHeight() / scale;
            pen.drawImage(img, p[0] - iw / 2, p[1] - ih / 2, iw, ih);
            mark(p[0] - iw / 2, p[1] - ih / 2, iw, ih);
            if (labels) {
                pen.setFill(look == 3 ? pal.text() : Color.WHITE);
                if (this.labels == StageLabels.ENGINE) {
                    pen.fillText(Integer.toString(g), p[0], p[1] + 0.5);
                } else {
                    // a real goid can be long: squeezed into the token
                    pen.fillText(this.labels.token(g), p[0], p[1] + 0.5, size - 2);
                }
            }
            if (this.labels != StageLabels.ENGINE && g < gsTo.size() && this.labels.inferred(toState, g)) {
                drawInferredRing(pen, p[0], p[1], size, pal);
            }
            int gi = g < gsTo.size() ? g : -1;
            // only where a name has room: a token on its thread, or alone in runnext (queues are packed tight)
            if (gi > 0 && names && (gsTo.placeKind(gi) == dev.curtain.engine.event.PlaceKind.RUNNING
                    || gsTo.placeKind(gi) == dev.curtain.engine.event.PlaceKind.RUNNEXT)) {
                // under the token, squeezed to its cell so neighbours in a queue do not run into each other
                pen.setFont(nameFont);
                pen.setFill(pal.text());
                pen.fillText(TokenName.fit(this.labels.name(gi, gsTo.function(gi)), size + 6, nameFont.getSize()),
                        p[0], p[1] + size / 2 + nameFont.getSize() * 0.75, size + 6);
                mark(p[0] - size / 2 - 3, p[1] + size / 2, size + 6, nameFont.getSize() * 1.5);
                pen.setFont(numberFont);
            }
            if (gi > 0 && gsTo.lockedM(gi) >= 0) {
                // LockOSThread: a padlock on the token, as on its thread's box
                drawMarker(pen, TokenSprites.Marker.PADLOCK, p[0] + size * 0.5, p[1] - size * 0.5, 0.7, size, pal);
            }
            if (gi > 0 && gsTo.tainted(gi)) {
                // it acted on a diverged thread (made a file as the wrong user, a socket in the wrong netns)
                drawMarker(pen, TokenSprites.Marker.VICTIM, p[0] - size * 0.5, p[1] - size * 0.5, 0.3, size, pal);
            }
        }
        pen.setGlobalAlpha(1);
        pen.setLineCap(StrokeLineCap.BUTT);
    }

    /**
     * A dashed ring round a token whose place the log or trace does not record (the run queue a woken goroutine
     * went to, a move filled in between two SCHED blocks): the legend calls it "inferred".
     */
    private void drawInferredRing(Pen pen, double x, double y, double size, Palette pal) {
        double r = size / 2 + 3;
        pen.setStroke(pal.text());
        // dotted and dark, unlike the selection's accent ring
        pen.setLineWidth(1.5);
        pen.setLineDashes(2, 2.5);
        pen.strokeOval(x - r, y - r, 2 * r, 2 * r);
        pen.setLineDashes();
        mark(x - r - 1, y - r - 1, 2 * r + 2, 2 * r + 2);
    }

    /** A marker on a token's shoulder at ({@code x}, {@code y}), {@code inset} of its width to the left of it. */
    private void drawMarker(Pen pen, TokenSprites.Marker marker, double x, double y, double inset, double tokenSize,
                            Palette pal) {
        Image img = sprites.marker(marker, tokenSize * 0.5, pal, pixelScale);
        double w = img.getWidth() / pixelScale;
        pen.drawImage(img, x - w * inset, y - w * 0.35, w, w);
        mark(x - w * inset, y - w * 0.35, w, w);
    }

    /** Counts for what does not fit: they sit still through a move. */
    private void drawChips(Pen pen, StageGeometry to, Palette pal) {
        for (StageGeometry.Chip c : to.chips) {
            // pills with square-ish ends would be cheaper, but a count must read as a count: keep them round
            double h = c.h();
            double w = c.w();
            pen.setFont(Font.font("System", FontWeight.BOLD, h * 0.62));
            pen.setFill(pal.text());
            pen.fillRoundRect(c.cx() - w / 2, c.cy() - h / 2, w, h, h, h);
            pen.setFill(pal.surface());
            pen.setTextAlign(TextAlignment.CENTER);
            pen.setTextBaseline(VPos.CENTER);
            pen.fillText(c.text(), c.cx(), c.cy());
        }
    }

    /** Rings round the goroutines the last step changed, and a dashed one round the selected goroutine. */
    private void drawRings(Pen pen, StageGeometry from, SchedState fromState, StageGeometry to, double t,
                           Palette pal, Set<Integer> changedGs, int selectedG) {
        GoroutineTable gsFrom = fromState.goroutines();
        double size = to.token;
        double strokeScale = pal.strokeScale();
        pen.setStroke(pal.accent());
        for (int g : changedGs) {
            if (g < to.gShown.length && to.gShown[g] == StageGeometry.SHOWN) {
                double[] p = position(g, from, to, gsFrom, t);
                pen.setLineWidth(2.5 * strokeScale);
                pen.strokeOval(p[0] - size / 2 - 5, p[1] - size / 2 - 5, size + 10, size + 10);
                mark(p[0] - size / 2 - 8, p[1] - size / 2 - 8, size + 16, size + 16);
            }
        }
        if (selectedG > 0 && selectedG < to.gShown.length && to.gShown[selectedG] == StageGeometry.SHOWN) {
            double[] p = position(selectedG, from, to, gsFrom, t);
            pen.setLineWidth(3 * strokeScale);
            pen.setLineDashes(4, 3);
            pen.strokeOval(p[0] - size / 2 - 8, p[1] - size / 2 - 8, size + 16, size + 16);
            mark(p[0] - size / 2 - 11, p[1] - size / 2 - 11, size + 22, size + 22);
            pen.setLineDashes((double[]) null);
        }
    }

    /** The short connectors the moving pass collected (see {@link #drawTethers}). */
    private void drawConnectors(Pen pen, List<double[]> connectors, Palette pal) {
        double width = 3 * pal.strokeScale();
        pen.setStroke(pal.tether());
        pen.setLineWidth(width);
        pen.setLineCap(StrokeLineCap.BUTT);
        for (double[] c : connectors) {
            pen.strokeLine(c[0], c[1], c[2], c[3]);
            markLine(c[0], c[1], c[2], c[3], width);
        }
    }

    /**
     * The tether of locked G {@code g} at {@code t}: from its token's centre to where the line leaves its M's box,
     * {x0, y0, x1, y1}; null when {@code g} is not locked, not on stage, or its token sits inside the box.
     */
    private static double[] tether(int g, StageGeometry from, StageGeometry to, GoroutineTable gsFrom,
                                   GoroutineTable gsTo, double t) {
        int m = gsTo.lockedM(g);
        if (m < 0 || gsTo.status(g) == GStatus.DEAD || g >= to.gShown.length || to.gShown[g] == StageGeometry.HIDDEN
                || m >= to.mBox.length || to.mBox[m] == null) {
            return null;
        }
        double[] p = position(g, from, to, gsFrom, t);
        double[] end = edgeToward(boxAt(m, from, to, t), p[0], p[1]);
        return end == null ? null : new double[] {p[0], p[1], end[0], end[1]};
    }

    /** The part of a short tether outside its token of diameter {@code d}; null for a long one (it shows anyway). */
    private static double[] connector(double[] tether, double d) {
        double dx = tether[2] - tether[0];
        double dy = tether[3] - tether[1];
        double len = Math.hypot(dx, dy);
        if (len > 3 * d || len <= d / 2) {
            return null;
        }
        return new double[] {tether[0] + dx / len * d / 2, tether[1] + dy / len * d / 2, tether[2], tether[3]};
    }

    /** The canvas is {@code w} by {@code h} and shows the background alone: the next frame restores nothing. */
    public void canvasShowsBackground(double w, double h) {
        lastWidth = w;
        lastHeight = h;
        dirtyCount = 0;
        fullNext = false;
    }

    /** Records a rectangle drawn this frame, widened to whole pixels plus a margin for anti-aliasing. */
    private void mark(double x, double y, double w, double h) {
        if (!recordDirty) {
            return;
        }
        if (dirtyCount == DIRTY_LIMIT) {
            fullNext = true;
            return;
        }
        double x0 = Math.max(0, Math.floor(x) - 2);
        double y0 = Math.max(0, Math.floor(y) - 2);
        double x1 = Math.min(lastWidth, Math.ceil(x + w) + 2);
        double y1 = Math.min(lastHeight, Math.ceil(y + h) + 2);
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        dirty[4 * dirtyCount] = x0;
        dirty[4 * dirtyCount + 1] = y0;
        dirty[4 * dirtyCount + 2] = x1 - x0;
        dirty[4 * dirtyCount + 3] = y1 - y0;
        dirtyCount++;
    }

    /** A line's patch: its bounding box, or a full redraw next time when the line is long and diagonal. */
    private void markLine(double x0, double y0, double x1, double y1, double width) {
        double w = Math.abs(x1 - x0);
        double h = Math.abs(y1 - y0);
        mark(Math.min(x0, x1) - width, Math.min(y0, y1) - width, w + 2 * width, h + 2 * width);
    }

    /**
     * Where a line from the centre of {@code box} toward ({@code px}, {@code py}) leaves the box, or null when the
     * point is inside it. Tethers end there: boxes are drawn over tokens, but a moving tether is drawn after the
     * still boxes and must not cross one's text.
     */
    static double[] edgeToward(Rect box, double px, double py) {
        double dx = px - box.cx();
        double dy = py - box.cy();
        double sx = dx == 0 ? Double.POSITIVE_INFINITY : box.w() / 2 / Math.abs(dx);
        double sy = dy == 0 ? Double.POSITIVE_INFINITY : box.h() / 2 / Math.abs(dy);
        double s = Math.min(sx, sy);
        if (s >= 1) {
            return null;
        }
        return new double[] {box.cx() + dx * s, box.cy() + dy * s};
    }

    /** A token's centre {@code t} of the way; a new G starts on its parent, a finished one stays put. */
    private static double[] position(int g, StageGeometry from, StageGeometry to, GoroutineTable gsFrom, double t) {
        boolean inFrom = g < from.gShown.length && from.gShown[g] != StageGeometry.HIDDEN;
        boolean inTo = g < to.gShown.length && to.gShown[g] != StageGeometry.HIDDEN;
        double x0;
        double y0;
        if (inFrom) {
            x0 = from.gx[g];
            y0 = from.gy[g];
        } else {
            int parent = g < gsFrom.size() ? gsFrom.parent(g) : -1;
            if (parent > 0 && parent < from.gShown.length && from.gShown[parent] != StageGeometry.HIDDEN) {
                x0 = from.gx[parent];
                y0 = from.gy[parent];
            } else {
                x0 = inTo ? to.gx[g] : 0;
                y0 = inTo ? to.gy[g] : 0;
            }
        }
        if (!inTo) {
            return new double[] {x0, y0};
        }
        return new double[] {x0 + (to.gx[g] - x0) * t, y0 + (to.gy[g] - y0) * t};
    }

    /** An M's box {@code t} of the way; a new M slides out of the box of the M that cloned it. */
    public static Rect boxAt(int m, StageGeometry from, StageGeometry to, double t) {
        Rect b = m < to.mBox.length ? to.mBox[m] : null;
        Rect a = m < from.mBox.length ? from.mBox[m] : null;
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.lerp(b, t);
    }

    /** Smooth start and stop: tokens ease out of one place and into the next. */
    public static double ease(double t) {
        t = Math.max(0, Math.min(1, t));
        return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
    }

    /** Whether a thread is on stage at all (alive and not folded into a count). */
    public static boolean visible(ThreadState t, StageGeometry geo) {
        return t.alive() && t.id() < geo.mBox.length && geo.mBox[t.id()] != null && !geo.mFolded[t.id()];
    }
}
