package dev.curtain.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A recording {@link Pen}: the background of one state as a list of drawing calls, each with the style it was drawn
 * in and the rectangle it can touch. Two recordings are compared call by call ({@link #changedSince}): what an event
 * changed on the stage is the area of the calls one has and the other has not, so a step paints a lane or two
 * again instead of the whole 1080p background (docs/performance.md). {@link #replay} paints the calls that touch a
 * rectangle, in their order, which inside that rectangle gives the same pixels as painting them all.
 */
public final class DrawList implements Pen {
    /** Widens every call's rectangle for anti-aliasing and sub-pixel placement. */
    static final double MARGIN = 2;

    /** A call's kind, and which of the style's parts it draws with (besides the alpha every call uses). */
    enum Kind {
        FILL_RECT(true, false, false), FILL_ROUND_RECT(true, false, false), STROKE_ROUND_RECT(false, true, false),
        STROKE_OVAL(false, true, false), STROKE_LINE(false, true, false), FILL_TEXT(true, false, true),
        IMAGE(false, false, false);

        final boolean fills;
        final boolean strokes;
        final boolean writes;

        Kind(boolean fills, boolean strokes, boolean writes) {
            this.fills = fills;
            this.strokes = strokes;
            this.writes = writes;
        }
    }

    /**
     * Everything a call's look depends on besides its arguments. Consecutive calls share one instance until a setter
     * changes something, and its hash is worked out once: comparing two recordings hashes every call.
     */
    static final class Style {
        /** A canvas context's own defaults, so a recording starts where a fresh canvas does. */
        static final Style DEFAULT = new Style(Color.BLACK, Color.BLACK, 1, List.of(), StrokeLineCap.SQUARE,
                Font.getDefault(), TextAlignment.LEFT, VPos.BASELINE, 1);

        final Paint fill;
        final Paint stroke;
        final double lineWidth;
        final List<Double> dashes;
        final StrokeLineCap cap;
        final Font font;
        final TextAlignment align;
        final VPos baseline;
        final double alpha;
        private final int hash;

        Style(Paint fill, Paint stroke, double lineWidth, List<Double> dashes, StrokeLineCap cap, Font font,
              TextAlignment align, VPos baseline, double alpha) {
            this.fill = fill;
            this.stroke = stroke;
            this.lineWidth = lineWidth;
            this.dashes = dashes;
            this.cap = cap;
            this.font = font;
            this.align = align;
            this.baseline = baseline;
            this.alpha = alpha;
            this.hash = Objects.hash(fill, stroke, lineWidth, dashes, cap, font, align, baseline, alpha);
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            return o instanceof Style s && hash == s.hash && Objects.equals(fill, s.fill)
                    && Objects.equals(stroke, s.stroke) && Double.compare(lineWidth, s.lineWidth) == 0
                    && dashes.equals(s.dashes) && cap == s.cap && Objects.equals(font, s.font) && align == s.align
                    && baseline == s.baseline && Double.compare(alpha, s.alpha) == 0;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        /** This style with only what a call of {@code kind} draws with; the rest as a fresh canvas has it. */
        Style lookOf(Kind kind) {
            int i = (kind.fills ? 1 : 0) | (kind.strokes ? 2 : 0) | (kind.writes ? 4 : 0);
            Style look = looks[i];
            if (look == null) {
                look = new Style(kind.fills ? fill : DEFAULT.fill, kind.strokes ? stroke : DEFAULT.stroke,
                        kind.strokes ? lineWidth : DEFAULT.lineWidth, kind.strokes ? dashes : DEFAULT.dashes,
                        kind.strokes ? cap : DEFAULT.cap, kind.writes ? font : DEFAULT.font,
                        kind.writes ? align : DEFAULT.align, kind.writes ? baseline : DEFAULT.baseline, alpha);
                looks[i] = look = look.equals(this) ? this : look;
            }
            return look;
        }

        /** {@link #lookOf} per combination of the parts a kind draws with, made when first asked for. */
        private final Style[] looks = new Style[8];
    }

    /**
     * One call: its kind, up to six numbers, its text or image, its style and the rectangle it can touch
     * ({@code x0..x1}, {@code y0..y1}, stage units). Two calls are equal when they would paint the same pixels;
     * an image is compared by identity (a box pictured again is a new image).
     */
    record Op(Kind kind, double a, double b, double c, double d, double e, double f, String text, Image image,
              Style style, double x0, double y0, double x1, double y1) {
        boolean touches(Rect r) {
            return x1 > r.x() && x0 < r.right() && y1 > r.y() && y0 < r.bottom();
        }

        Rect bounds() {
            return new Rect(x0, y0, x1 - x0, y1 - y0);
        }
    }

    /** How wide a text is in a font: the renderer's measure, remembered (a stage repeats its words every event). */
    public interface TextMeasure {
        double width(String text, Font font);
    }

    private final TextMeasure measure;
    private final List<Op> ops = new ArrayList<>();
    private Style style = Style.DEFAULT;

    public DrawList(TextMeasure measure) {
        this.measure = measure;
    }

    /** The calls recorded, in order (tests). */
    List<Op> ops() {
        return ops;
    }

    public int size() {
        return ops.size();
    }

    // ------------------------------------------------------------------ style

    private Style with(Paint fill, Paint stroke, double lw, List<Double> dashes, StrokeLineCap cap, Font font,
                       TextAlignment align, VPos baseline, double alpha) {
        Style s = new Style(fill, stroke, lw, dashes, cap, font, align, baseline, alpha);
        return s.equals(style) ? style : s;
    }

    @Override
    public void setFill(Paint p) {
        if (Objects.equals(style.fill, p)) {
            return;
        }
        style = with(p, style.stroke, style.lineWidth, style.dashes, style.cap, style.font, style.align,
                style.baseline, style.alpha);
    }

    @Override
    public void setStroke(Paint p) {
        if (Objects.equals(style.stroke, p)) {
            return;
        }
        style = with(style.fill, p, style.lineWidth, style.dashes, style.cap, style.font, style.align,
                style.baseline, style.alpha);
    }

    @Override
    public void setLineWidth(double w) {
        if (style.lineWidth == w) {
            return;
        }
        style = with(style.fill, style.stroke, w, style.dashes, style.cap, style.font, style.align, style.baseline,
                style.alpha);
    }

    @Override
    public void setLineDashes(double... dashes) {
        List<Double> d = new ArrayList<>();
        if (dashes != null) {
            for (double v : dashes) {
                d.add(v);
            }
        }
        style = with(style.fill, style.stroke, style.lineWidth, List.copyOf(d), style.cap, style.font, style.align,
                style.baseline, style.alpha);
    }

    @Override
    public void setLineCap(StrokeLineCap cap) {
        if (style.cap == cap) {
            return;
        }
        style = with(style.fill, style.stroke, style.lineWidth, style.dashes, cap, style.font, style.align,
                style.baseline, style.alpha);
    }

    @Override
    public void setFont(Font f) {
        if (Objects.equals(style.font, f)) {
            return;
        }
        style = with(style.fill, style.stroke, style.lineWidth, style.dashes, style.cap, f, style.align,
                style.baseline, style.alpha);
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        if (style.align == align) {
            return;
        }
        style = with(style.fill, style.stroke, style.lineWidth, style.dashes, style.cap, style.font, align,
                style.baseline, style.alpha);
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        if (style.baseline == baseline) {
            return;
        }
        style = with(style.fill, style.stroke, style.lineWidth, style.dashes, style.cap, style.font, style.align,
                baseline, style.alpha);
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        if (style.alpha == alpha) {
            return;
        }
        style = with(style.fill, style.stroke, style.lineWidth, style.dashes, style.cap, style.font, style.align,
                style.baseline, alpha);
    }

    // ------------------------------------------------------------------ calls

    private void add(Kind k, double a, double b, double c, double d, double e, double f, String text, Image img,
                     double x0, double y0, double x1, double y1) {
        // kept with only what this kind of call draws with: a stroke colour left set by the lane above does not
        // make a fill here look changed, so one lane's change does not repaint every lane after it
        ops.add(new Op(k, a, b, c, d, e, f, text, img, style.lookOf(k), x0 - MARGIN, y0 - MARGIN, x1 + MARGIN,
                y1 + MARGIN));
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        add(Kind.FILL_RECT, x, y, w, h, 0, 0, null, null, x, y, x + w, y + h);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH) {
        add(Kind.FILL_ROUND_RECT, x, y, w, h, arcW, arcH, null, null, x, y, x + w, y + h);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arcW, double arcH) {
        double o = style.lineWidth / 2;
        add(Kind.STROKE_ROUND_RECT, x, y, w, h, arcW, arcH, null, null, x - o, y - o, x + w + o, y + h + o);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        double o = style.lineWidth / 2;
        add(Kind.STROKE_OVAL, x, y, w, h, 0, 0, null, null, x - o, y - o, x + w + o, y + h + o);
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        // a square or round cap reaches half a width beyond each end, in any direction the line may point
        double o = style.lineWidth;
        add(Kind.STROKE_LINE, x0, y0, x1, y1, 0, 0, null, null, Math.min(x0, x1) - o, Math.min(y0, y1) - o,
                Math.max(x0, x1) + o, Math.max(y0, y1) + o);
    }

    @Override
    public void fillText(String text, double x, double y) {
        text(text, x, y, Double.NaN);
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        text(text, x, y, maxWidth);
    }

    private void text(String text, double x, double y, double maxWidth) {
        double size = style.font.getSize();
        double w = measure.width(text, style.font) + size * 0.2;
        if (!Double.isNaN(maxWidth)) {
            w = Math.min(w, maxWidth);
        }
        double left = switch (style.align) {
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
            default -> x;
        };
        // generous about ascent and descent: a rectangle too tall costs a few rows, one too short leaves a stale row
        double h = size * 1.5;
        double top = switch (style.baseline) {
            case TOP -> y;
            case CENTER -> y - h / 2;
            case BOTTOM -> y - h;
            default -> y - size * 1.15;
        };
        add(Kind.FILL_TEXT, x, y, maxWidth, 0, 0, 0, text, null, left - size * 0.1, top, left + w, top + h);
    }

    @Override
    public void drawImage(Image img, double x, double y, double w, double h) {
        add(Kind.IMAGE, x, y, w, h, 0, 0, null, img, x, y, x + w, y + h);
    }

    // ------------------------------------------------------------------ comparing and painting

    /**
     * The rectangles where this recording and {@code older} differ: those of the calls either has more often than
     * the other. Calls both have, wherever they sit in the lists, paint the same pixels in both.
     */
    public List<Rect> changedSince(DrawList older) {
        Map<Op, Integer> left = new HashMap<>();
        for (Op op : older.ops) {
            left.merge(op, 1, Integer::sum);
        }
        List<Rect> out = new ArrayList<>();
        for (Op op : ops) {
            Integer n = left.get(op);
            if (n == null || n == 0) {
                out.add(op.bounds());
            } else {
                left.put(op, n - 1);
            }
        }
        for (Op op : older.ops) {
            Integer n = left.get(op);
            if (n != null && n > 0) {
                out.add(op.bounds());
                left.put(op, n - 1);
            }
        }
        return out;
    }

    /** Paints every call that touches {@code area} (all of them when null), in order, in its own style. */
    public void replay(GraphicsContext gc, Rect area) {
        Style applied = null;
        for (Op op : ops) {
            if (area != null && !op.touches(area)) {
                continue;
            }
            applied = apply(gc, op.style, applied);
            draw(gc, op);
        }
        if (applied != null && applied.alpha != 1) {
            gc.setGlobalAlpha(1);
        }
    }

    /** Sets on {@code gc} what differs between {@code s} and what it has ({@code had}; null: unknown, set all). */
    private static Style apply(GraphicsContext gc, Style s, Style had) {
        if (s == had) {
            return s;
        }
        if (had == null || !Objects.equals(s.fill, had.fill)) {
            gc.setFill(s.fill);
        }
        if (had == null || !Objects.equals(s.stroke, had.stroke)) {
            gc.setStroke(s.stroke);
        }
        if (had == null || s.lineWidth != had.lineWidth) {
            gc.setLineWidth(s.lineWidth);
        }
        if (had == null || !s.dashes.equals(had.dashes)) {
            gc.setLineDashes(s.dashes.isEmpty() ? null : s.dashes.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (had == null || s.cap != had.cap) {
            gc.setLineCap(s.cap);
        }
        if (had == null || !Objects.equals(s.font, had.font)) {
            gc.setFont(s.font);
        }
        if (had == null || s.align != had.align) {
            gc.setTextAlign(s.align);
        }
        if (had == null || s.baseline != had.baseline) {
            gc.setTextBaseline(s.baseline);
        }
        if (had == null || s.alpha != had.alpha) {
            gc.setGlobalAlpha(s.alpha);
        }
        return s;
    }

    private static void draw(GraphicsContext gc, Op op) {
        switch (op.kind) {
            case FILL_RECT -> gc.fillRect(op.a, op.b, op.c, op.d);
            case FILL_ROUND_RECT -> gc.fillRoundRect(op.a, op.b, op.c, op.d, op.e, op.f);
            case STROKE_ROUND_RECT -> gc.strokeRoundRect(op.a, op.b, op.c, op.d, op.e, op.f);
            case STROKE_OVAL -> gc.strokeOval(op.a, op.b, op.c, op.d);
            case STROKE_LINE -> gc.strokeLine(op.a, op.b, op.c, op.d);
            case FILL_TEXT -> {
                if (Double.isNaN(op.c)) {
                    gc.fillText(op.text, op.a, op.b);
                } else {
                    gc.fillText(op.text, op.a, op.b, op.c);
                }
            }
            case IMAGE -> gc.drawImage(op.image, op.a, op.b, op.c, op.d);
            default -> throw new IllegalStateException(op.kind.name());
        }
    }
}
