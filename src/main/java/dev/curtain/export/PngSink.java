package dev.curtain.export;

import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A still as PNG. The JDK's PNG writer puts no time or tool stamp in the file, so the same frame gives the same
 * bytes. Written beside the target and moved into place, so a failed export never leaves half a file.
 */
public final class PngSink implements FrameSink {
    private final Path out;
    private final int width;
    private final int height;
    private byte[] last;

    public PngSink(Path out, int width, int height) {
        this.out = out;
        this.width = width;
        this.height = height;
    }

    @Override
    public void accept(byte[] bgra) {
        last = bgra.clone();
    }

    @Override
    public void finish() throws IOException {
        if (last == null) {
            throw new IOException("no frame to write");
        }
        write(last, width, height, out);
    }

    /** Writes one frame of BGRA bytes to {@code out}. */
    public static void write(byte[] bgra, int width, int height, Path out) throws IOException {
        AtomicFile.write(out, ".png", part -> {
            if (!ImageIO.write(Pixels.rgb(bgra, width, height), "png", part.toFile())) {
                throw new IOException("this Java has no PNG writer");
            }
        });
    }

    @Override
    public void close() {
        last = null;
    }
}
