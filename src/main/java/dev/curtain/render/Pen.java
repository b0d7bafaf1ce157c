package dev.curtain.render;

import javafx.geometry.VPos;
import javafx.scene.image.Image;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The drawing calls the stage is painted with: the part of a canvas's {@code GraphicsContext} the renderer uses.
 * Painting through this rather than the context itself lets the background be recorded ({@link DrawList}) as well
 * as drawn ({@link CanvasPen}): what an event changed is then found by comparing two recordings, and only that
 * part of the canvas is painted again.
 */
public interface Pen {
    void setFill(Paint p);

    void setStroke(Paint p);

    void setLineWidth(double w);

    /** Null or no values: solid lines. */
    void setLineDashes(double... dashes);

    void setLineCap(StrokeLineCap cap);

    void setFont(Font f);

    void setTextAlign(TextAlignment align);

    void setTextBaseline(VPos baseline);

    void setGlobalAlpha(double alpha);

    void fillRect(double x, double y, double w, double h);

    void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH);

    void strokeRoundRect(double x, double y, double w, double h, double arcW, double arcH);

    void strokeOval(double x, double y, double w, double h);

    void strokeLine(double x0, double y0, double x1, double y1);

    void fillText(String text, double x, double y);

    /** Squeezed to {@code maxWidth} when wider. */
    void fillText(String text, double x, double y, double maxWidth);

    void drawImage(Image img, double x, double y, double w, double h);
}
