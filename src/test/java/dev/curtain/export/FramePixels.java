package dev.curtain.export;

import java.awt.image.BufferedImage;
import javafx.scene.paint.Color;

/** What a rendered picture shows, counted: tests check that a frame holds what it must, not just that it exists. */
public final class FramePixels {
    private FramePixels() {
    }

    /** Pixels within {@code tolerance} (0..255 per channel) of {@code c}. */
    public static int near(BufferedImage img, Color c, int tolerance) {
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - r) <= tolerance && Math.abs(((p >> 8) & 0xff) - g) <= tolerance
                        && Math.abs((p & 0xff) - b) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The share of the picture that is not {@code background}: 0 for a blank frame. */
    public static double covered(BufferedImage img, Color background) {
        return 1.0 - (double) near(img, background, 6) / ((long) img.getWidth() * img.getHeight());
    }

    /** Whether the pixel at (x, y) is within {@code tolerance} of {@code c}. */
    public static boolean at(BufferedImage img, int x, int y, Color c, int tolerance) {
        BufferedImage one = img.getSubimage(x, y, 1, 1);
        return near(one, c, tolerance) == 1;
    }
}
