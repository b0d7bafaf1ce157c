package dev.curtain.render;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A {@link Pen} that draws straight onto a canvas. */
public final class CanvasPen implements Pen {
    private final GraphicsContext gc;

    public CanvasPen(GraphicsContext gc) {
        this.gc = gc;
    }

    /** The canvas's own context, for what only a canvas does (clipping, copying a picture's part). */
    public GraphicsContext context() {
        return gc;
    }

    @Override public void setFill(Paint p) { gc.setFill(p); }
    @Override public void setStroke(Paint p) { gc.setStroke(p); }
    @Override public void setLineWidth(double w) { gc.setLineWidth(w); }
    @Override public void setLineDashes(double... dashes) { gc.setLineDashes(dashes); }
    @Override public void setLineCap(StrokeLineCap cap) { gc.setLineCap(cap); }
    @Override public void setFont(Font f) { gc.setFont(f); }
    @Override public void setTextAlign(TextAlignment align) { gc.setTextAlign(align); }
    @Override public void setTextBaseline(VPos baseline) { gc.setTextBaseline(baseline); }
    @Override public void setGlobalAlpha(double alpha) { gc.setGlobalAlpha(alpha); }
    @Override public void fillRect(double x, double y, double w, double h) { gc.fillRect(x, y, w, h); }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH) {
        gc.fillRoundRect(x, y, w, h, arcW, arcH);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arcW, double arcH) {
        gc.strokeRoundRect(x, y, w, h, arcW, arcH);
    }

    @Override public void strokeOval(double x, double y, double w, double h) { gc.strokeOval(x, y, w, h); }
    @Override public void strokeLine(double x0, double y0, double x1, double y1) { gc.strokeLine(x0, y0, x1, y1); }
    @Override public void fillText(String text, double x, double y) { gc.fillText(text, x, y); }
    @Override public void fillText(String text, double x, double y, double maxWidth) { gc.fillText(text, x, y, maxWidth); }
    @Override public void drawImage(Image img, double x, double y, double w, double h) { gc.drawImage(img, x, y, w, h); }
}
