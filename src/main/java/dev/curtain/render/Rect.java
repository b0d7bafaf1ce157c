package dev.curtain.render;

/** An axis-aligned rectangle in stage pixels. */
public record Rect(double x, double y, double w, double h) {
    public double cx() { return x + w / 2; }
    public double cy() { return y + h / 2; }
    public double right() { return x + w; }
    public double bottom() { return y + h; }

    public boolean contains(double px, double py) {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }

    /** The rectangle {@code t} of the way from this one to {@code o}. */
    public Rect lerp(Rect o, double t) {
        return new Rect(x + (o.x - x) * t, y + (o.y - y) * t, w + (o.w - w) * t, h + (o.h - h) * t);
    }
}
