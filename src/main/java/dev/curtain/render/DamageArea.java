package dev.curtain.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the rectangles an event or a frame touched into a few pieces to paint again: each widened to whole image
 * pixels (so a piece's edge cuts no pixel in two, and painting it again matches painting everything), clipped to the
 * canvas, and merged with its neighbours where one larger piece wastes little.
 */
final class DamageArea {
    private DamageArea() {
    }

    /**
     * Merges {@code rects} on a {@code w} by {@code h} canvas with {@code scale} pixels per unit: two pieces become
     * their union when it is at most {@code slack} larger than they are, and the smallest-waste pairs are merged
     * until at most {@code maxPieces} remain.
     */
    static List<Rect> merge(List<Rect> rects, double w, double h, double scale, double slack, int maxPieces) {
        List<Rect> pieces = new ArrayList<>();
        for (Rect r : rects) {
            Rect a = aligned(r, w, h, scale);
            if (a != null) {
                pieces.add(a);
            }
        }
        if (pieces.size() > PAIRWISE_LIMIT) {
            pieces = onGrid(pieces, w, h, scale);
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int i = 0; i < pieces.size() && !merged; i++) {
                for (int j = i + 1; j < pieces.size(); j++) {
                    Rect u = union(pieces.get(i), pieces.get(j));
                    if (area(u) - area(pieces.get(i)) - area(pieces.get(j)) <= slack) {
                        pieces.set(i, u);
                        pieces.remove(j);
                        merged = true;
                        break;
                    }
                }
            }
        }
        while (pieces.size() > maxPieces) {
            int bi = 0;
            int bj = 1;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < pieces.size(); i++) {
                for (int j = i + 1; j < pieces.size(); j++) {
                    Rect u = union(pieces.get(i), pieces.get(j));
                    double waste = area(u) - area(pieces.get(i)) - area(pieces.get(j));
                    if (waste < best) {
                        best = waste;
                        bi = i;
                        bj = j;
                    }
                }
            }
            pieces.set(bi, union(pieces.get(bi), pieces.get(bj)));
            pieces.remove(bj);
        }
        return pieces;
    }

    /** Up to this many rectangles are merged pair by pair; more (a long queue shifting) go through a grid first. */
    static final int PAIRWISE_LIMIT = 64;
    /** The grid's cell, stage units: a little more than a token. */
    static final double CELL = 32;

    /**
     * Many rectangles as the grid cells they touch, each row's runs of touched cells one rectangle: linear in the
     * rectangles, at the price of painting up to a cell more round each.
     */
    private static List<Rect> onGrid(List<Rect> pieces, double w, double h, double scale) {
        int cols = (int) Math.ceil(w / CELL);
        int rows = (int) Math.ceil(h / CELL);
        boolean[] cell = new boolean[cols * rows];
        for (Rect r : pieces) {
            int c0 = (int) Math.floor(r.x() / CELL);
            int c1 = Math.min(cols - 1, (int) Math.floor((r.right() - 1e-9) / CELL));
            int r0 = (int) Math.floor(r.y() / CELL);
            int r1 = Math.min(rows - 1, (int) Math.floor((r.bottom() - 1e-9) / CELL));
            for (int y = r0; y <= r1; y++) {
                for (int x = c0; x <= c1; x++) {
                    cell[y * cols + x] = true;
                }
            }
        }
        List<Rect> out = new ArrayList<>();
        for (int y = 0; y < rows; y++) {
            int x = 0;
            while (x < cols) {
                if (!cell[y * cols + x]) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < cols && cell[y * cols + x]) {
                    x++;
                }
                Rect run = aligned(new Rect(start * CELL, y * CELL, (x - start) * CELL, CELL), w, h, scale);
                if (run != null) {
                    out.add(run);
                }
            }
        }
        return out;
    }

    /** {@code r} widened to whole pixels at {@code scale} and clipped to the canvas; null when nothing is left. */
    static Rect aligned(Rect r, double w, double h, double scale) {
        double x0 = Math.max(0, Math.floor(r.x() * scale) / scale);
        double y0 = Math.max(0, Math.floor(r.y() * scale) / scale);
        double x1 = Math.min(Math.ceil(w * scale) / scale, Math.ceil(r.right() * scale) / scale);
        double y1 = Math.min(Math.ceil(h * scale) / scale, Math.ceil(r.bottom() * scale) / scale);
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    static Rect union(Rect a, Rect b) {
        double x0 = Math.min(a.x(), b.x());
        double y0 = Math.min(a.y(), b.y());
        return new Rect(x0, y0, Math.max(a.right(), b.right()) - x0, Math.max(a.bottom(), b.bottom()) - y0);
    }

    private static double area(Rect r) {
        return r.w() * r.h();
    }
}
