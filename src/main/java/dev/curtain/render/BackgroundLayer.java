package dev.curtain.render;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;

/**
 * What the stage's canvas shows under the moving tokens: the layout's static picture (zones, lanes, labels; taken
 * once per layout) with the state's recording ({@link DrawList}) on top. It keeps the recording it last painted,
 * so an event paints again only where the new recording differs, and a frame restores the patches its moving
 * tokens covered by painting those patches again, with no full-size copy and no read-back of the canvas: on the
 * software pipeline those were most of an event's frame (docs/performance.md).
 */
public final class BackgroundLayer {
    /** Beyond this share of the canvas, painting it all is cheaper than painting the pieces. */
    static final double FULL_SHARE = 0.45;
    /** Patches merged when their union wastes less than this much area (stage units squared). */
    static final double MERGE_SLACK = 2_000;
    /** More pieces than this are merged into fewer, larger ones. */
    static final int MAX_PIECES = 24;

    private Image staticImage;
    private DrawList staticCalls;
    private double pixelScale = 1;
    private double width;
    private double height;
    private DrawList shown;
    /** Set when the canvas may show something else than this layer (a resize, a new picture): paint it all. */
    private boolean stale = true;

    /**
     * The layout's static layer is now {@code calls}, pictured as {@code image} ({@code w} by {@code h} stage units
     * at {@code scale} pixels per unit; null when there is no scene to picture in, then the calls are painted
     * again instead), and the canvas shows it alone: the next {@link #show} paints the whole recording over it.
     */
    public void staticDrawn(DrawList calls, Image image, double w, double h, double scale) {
        staticCalls = calls;
        staticImage = image;
        width = w;
        height = h;
        pixelScale = scale;
        shown = null;
        stale = false;
    }

    /** The canvas no longer shows this layer (it was cleared or resized): the next paint covers all of it. */
    public void invalidate() {
        stale = true;
    }

    /** True when the next {@link #restore} would paint the whole canvas. */
    boolean isStale() {
        return stale || shown == null;
    }

    /**
     * Brings the canvas from the recording it shows to {@code next}, and restores {@code patches} (where the last
     * frame drew moving items) on the way. Returns the area painted, in stage units squared (the benchmark's).
     */
    public double show(GraphicsContext gc, DrawList next, List<Rect> patches) {
        return show(gc, next, patches, null);
    }

    /**
     * A recording compared ahead with the one the canvas showed then ({@link #compareAhead}): where {@code next}
     * differs from {@code against}, or null when there was nothing to compare with.
     */
    public record Compared(DrawList against, DrawList next, List<Rect> changes) {
    }

    /**
     * Compares {@code next} with the recording the canvas shows now, so that the frame that shows it (in {@link
     * #show(GraphicsContext, DrawList, List, Compared)}) only paints: the comparison is most of the work an event's
     * background costs the application thread.
     */
    public Compared compareAhead(DrawList next) {
        return new Compared(shown, next, shown == null ? null : List.copyOf(next.changedSince(shown)));
    }

    /** Whether {@code ahead} still holds: the canvas shows the recording it was compared with. */
    public boolean holds(Compared ahead) {
        return ahead != null && ahead.against() == shown;
    }

    /** As {@link #show(GraphicsContext, DrawList, List)}, with {@code next} compared ahead if {@code ahead} holds. */
    public double show(GraphicsContext gc, DrawList next, List<Rect> patches, Compared ahead) {
        if (shown == null && !stale) {
            // the static picture is on the canvas, with at most what moved since: put the whole state over it
            restoreStatic(gc, patches);
            next.replay(gc, null);
            shown = next;
            return width * height;
        }
        List<Rect> damage = new ArrayList<>(patches);
        if (!stale) {
            damage.addAll(holds(ahead) && ahead.next() == next && ahead.changes() != null ? ahead.changes()
                    : next.changedSince(shown));
        }
        shown = next;
        return paint(gc, damage);
    }

    /** Paints the layer again under {@code patches}, the rectangles the last frame's moving items covered. */
    public double restore(GraphicsContext gc, List<Rect> patches) {
        if (shown == null) {
            // nothing recorded over the static layer yet: it alone goes back under the patches
            return staticCalls == null || stale ? 0 : restoreStatic(gc, patches);
        }
        return paint(gc, patches);
    }

    private double paint(GraphicsContext gc, List<Rect> damage) {
        List<Rect> pieces = stale ? List.of() : DamageArea.merge(damage, width, height, pixelScale, MERGE_SLACK,
                MAX_PIECES);
        double area = 0;
        for (Rect r : pieces) {
            area += r.w() * r.h();
        }
        if (stale || area > FULL_SHARE * width * height) {
            drawStatic(gc, new Rect(0, 0, width, height));
            shown.replay(gc, null);
            stale = false;
            return width * height;
        }
        for (Rect r : pieces) {
            clipped(gc, r, shown);
        }
        return area;
    }

    /** Paints the static layer alone again under {@code patches}; returns the area painted. */
    private double restoreStatic(GraphicsContext gc, List<Rect> patches) {
        double area = 0;
        for (Rect r : DamageArea.merge(patches, width, height, pixelScale, MERGE_SLACK, MAX_PIECES)) {
            clipped(gc, r, null);
            area += r.w() * r.h();
        }
        return area;
    }

    /** Paints the static layer and {@code calls} (when not null) again inside {@code r} alone. */
    private void clipped(GraphicsContext gc, Rect r, DrawList calls) {
        gc.save();
        gc.beginPath();
        gc.rect(r.x(), r.y(), r.w(), r.h());
        gc.clip();
        drawStatic(gc, r);
        if (calls != null) {
            calls.replay(gc, r);
        }
        gc.restore();
    }

    private void drawStatic(GraphicsContext gc, Rect r) {
        gc.setGlobalAlpha(1);
        if (staticImage == null) {
            staticCalls.replay(gc, r);
            return;
        }
        double s = pixelScale;
        gc.drawImage(staticImage, r.x() * s, r.y() * s, r.w() * s, r.h() * s, r.x(), r.y(), r.w(), r.h());
    }
}
