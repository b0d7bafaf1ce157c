package dev.curtain.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * MP4 (H.264, yuv420p, plays everywhere) by piping raw BGRA frames into ffmpeg: it encodes on the other core while
 * the next frame is drawn, and its colours are exact. The frame rate is given to ffmpeg, so the video lasts
 * exactly frames / fps seconds.
 */
public final class Mp4Sink implements FrameSink {
    private final Process process;
    private final OutputStream pipe;
    private final Path log;
    private final Path out;

    public Mp4Sink(Path ffmpeg, Path out, int width, int height, int fps) throws IOException {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("MP4 needs an even width and height, not " + width + "x" + height);
        }
        this.out = out;
        log = Files.createTempFile("curtain-ffmpeg-", ".log");
        List<String> cmd = List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "bgra", "-s", width + "x" + height, "-framerate", Integer.toString(fps),
                "-i", "-", "-an", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
                "-movflags", "+faststart", out.toAbsolutePath().toString());
        process = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile()).start();
        pipe = process.getOutputStream();
    }

    @Override
    public void accept(byte[] bgra) throws IOException {
        try {
            pipe.write(bgra);
        } catch (IOException e) {
            throw new IOException("ffmpeg stopped reading frames: " + errors(), e);
        }
    }

    @Override
    public void finish() throws IOException {
        pipe.close();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("ffmpeg did not finish within 10 minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ffmpeg finished the file", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("ffmpeg failed (exit " + process.exitValue() + "): " + errors());
        }
        Files.deleteIfExists(log);
    }

    private String errors() {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "no message" : s;
        } catch (IOException e) {
            return "no message";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                Files.deleteIfExists(out);
            } catch (IOException ignored) {
                // a cancelled video's partial file; nothing else to do
            }
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temporary log
        }
    }
}
