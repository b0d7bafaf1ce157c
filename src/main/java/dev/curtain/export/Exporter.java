package dev.curtain.export;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Drives an export from a worker thread: each frame is drawn and read back on the FX thread while the worker
 * encodes the one before (two buffers), so drawing and encoding overlap on the two cores.
 */
public final class Exporter {
    /** Told after every frame; returning false cancels the export. */
    @FunctionalInterface
    public interface Progress {
        boolean frameDone(int done, int total);
    }

    private Exporter() {
    }

    /** Renders every frame of {@code plan} into {@code sink} and finishes it. Must not run on the FX thread. */
    public static void run(ExportScene scene, FramePlan plan, FrameSink sink, Progress progress) throws IOException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("export runs off the FX thread; it draws on it frame by frame");
        }
        List<FramePlan.Frame> frames = plan.frames();
        byte[][] buffers = new byte[2][];
        CompletableFuture<byte[]> next = onFx(() -> scene.render(frames.get(0), null));
        for (int i = 0; i < frames.size(); i++) {
            byte[] current = await(next);
            buffers[i % 2] = current;
            if (i + 1 < frames.size()) {
                FramePlan.Frame f = frames.get(i + 1);
                byte[] spare = buffers[(i + 1) % 2];
                next = onFx(() -> scene.render(f, spare));
            }
            sink.accept(current);
            if (!progress.frameDone(i + 1, frames.size())) {
                if (i + 1 < frames.size()) {
                    await(next);
                }
                throw new CancellationException("export cancelled");
            }
        }
        sink.finish();
    }

    /** Runs {@code work} on the FX thread and returns its result (for a caller off it). */
    public static <T> T onFxAndWait(Supplier<T> work) {
        return await(onFx(work));
    }

    private static <T> CompletableFuture<T> onFx(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }
}
