package dev.curtain.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifSinkTest {
    static final int W = 32;
    static final int H = 24;

    @TempDir
    Path dir;

    /** A flat frame of one grey level. */
    static byte[] frame(int grey) {
        byte[] b = new byte[W * H * 4];
        for (int i = 0; i < b.length; i += 4) {
            b[i] = b[i + 1] = b[i + 2] = (byte) grey;
            b[i + 3] = (byte) 255;
        }
        return b;
    }

    @Test
    void everyFrameIsKeptWithDelaysThatAddUpToTheFrameRate() throws IOException {
        Path gif = dir.resolve("a.gif");
        try (GifSink sink = new GifSink(gif, W, H, 30, false)) {
            for (int i = 0; i < 6; i++) {
                sink.accept(frame(i * 40));
            }
            sink.finish();
        }
        // 100/30 hundredths each, rounded against the running total: 6 frames last exactly 20 hundredths
        assertThat(GifDelays.of(gif)).containsExactly(3, 4, 3, 3, 4, 3);
    }

    @Test
    void aRepeatedFrameLengthensTheOneBeforeInsteadOfBeingStoredAgain() throws IOException {
        Path gif = dir.resolve("b.gif");
        try (GifSink sink = new GifSink(gif, W, H, 10, true)) {
            sink.accept(frame(0));
            sink.accept(frame(0));
            sink.accept(frame(0));
            sink.accept(frame(200));
            sink.accept(frame(100));
            sink.accept(frame(100));
            sink.finish();
        }
        assertThat(GifDelays.of(gif)).containsExactly(30, 10, 20);
    }
}
