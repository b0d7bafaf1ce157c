package dev.curtain.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Frames as the JDK's image writers take them. */
final class Pixels {
    private Pixels() {
    }

    /** An opaque RGB image from BGRA bytes (frames are opaque: the stage paints its whole background). */
    static BufferedImage rgb(byte[] bgra, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0, p = 0; i < dst.length; i++, p += 4) {
            dst[i] = (bgra[p + 2] & 0xff) << 16 | (bgra[p + 1] & 0xff) << 8 | (bgra[p] & 0xff);
        }
        return img;
    }
}
