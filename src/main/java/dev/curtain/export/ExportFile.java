package dev.curtain.export;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a planned export to a file: into a hidden sibling first, moved over the target only once complete, so a
 * failed or cancelled export never leaves half a video nor destroys the file it would have replaced.
 */
public final class ExportFile {
    private ExportFile() {
    }

    /** Renders {@code plan} from {@code scene} as {@code format} into {@code out}. Off the FX thread. */
    public static void write(ExportScene scene, FramePlan plan, ExportFormat format, int fps, Path out,
                             Exporter.Progress progress) throws IOException {
        int w = scene.width();
        int h = scene.height();
        AtomicFile.write(out, "." + format.extension(), part -> {
            try (FrameSink sink = switch (format) {
                case PNG -> new PngSink(part, w, h);
                case GIF -> new GifSink(part, w, h, fps, true);
                case MP4 -> new Mp4Sink(Ffmpeg.find().orElseThrow(() -> new IOException(Ffmpeg.MISSING)), part, w, h,
                        fps);
                case TRACE -> throw new IllegalArgumentException("a trace has no frames: use TraceExport");
            }) {
                Exporter.run(scene, plan, sink, progress);
            }
        });
    }
}
