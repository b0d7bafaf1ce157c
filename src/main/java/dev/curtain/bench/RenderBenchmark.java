package dev.curtain.bench;

import dev.curtain.engine.program.Program;
import dev.curtain.export.HeadlessFx;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ViewHints;
import dev.curtain.view.StageView;
import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

/**
 * Measures the stage's frame cost the way export will pay it: the software pipeline with no display (Monocle
 * headless), the stage at 1920x1080, animated frame by frame through the benchmark workload (each event's
 * move drawn over several frames), each frame painted and read back with a snapshot.
 */
public final class RenderBenchmark {
    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;
    /** Frames per event at 1x and 30 fps: one beat of playback (0.9 s), of which the move takes the first 0.52 s. */
    static final int FRAMES_PER_MOVE = 27;
    /**
     * The places in a move at which the floor is sampled: frames after the move has ended (it takes the first 58%
     * of the beat, frames 0 to 15), so the stage stands still, spread over the run so that the floor and the frames
     * it is compared with meet the same machine (a floor measured only after the run met another one: 1.8 to 3.1 ms
     * between runs here, against frames that had not changed).
     */
    static final int[] FLOOR_PHASES = {18, 22, 26};
    private static final int MIN_FLOORS = 20;
    static final String STYLESHEET = "/dev/curtain/app/curtain.css";

    /** Where the early frames begin: after 20 events, the old warm-up, when the JIT is still compiling. */
    static final int EARLY_FROM = 540;
    /** The blocks `--render-settle` reports the run in (40 events, 36 s of playback). */
    static final int SETTLE_BLOCK = 1_080;

    /**
     * What one run measured. {@code timed}: the frames after the warm-up, which the targets are read on;
     * {@code early}: from frame {@link #EARLY_FROM} on, as many frames as are timed or as the warm-up holds, when
     * that is at least {@link #EARLY_FROM} of them (null otherwise): the same stage while the JIT is still compiling
     * the paths a step runs; {@code settle}: the
     * whole run in blocks of {@link #SETTLE_BLOCK} frames; {@code phases}: the timed frames by their place in a move.
     */
    public record Result(int processors, int goroutines, int warmupFrames, FrameLog.Figures timed,
                         FrameLog.Figures early, List<FrameLog.Figures> settle, List<Phase> phases,
                         double warmupCompiledMs) {
    }

    /**
     * The frames at one place in a move ({@code frame} 0: the event's), over the whole run: wall and processor
     * time, and how many of them are among the frames above every frame's p99 (by wall time, by processor time).
     * Where the dearest frames of a run are is what says which work to move.
     */
    public record Phase(int frame, double wallP50Ms, double wallP90Ms, double cpuP50Ms, double cpuP90Ms,
                        int overWallP99, int overCpuP99) {
    }

    private RenderBenchmark() {
    }

    /** Runs headless; must not be called on the FX thread. */
    public static Result run(int goroutines, int processors, int frames, int warmupFrames) {
        HeadlessFx.start();
        CompletableFuture<Result> out = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                out.complete(measure(goroutines, processors, frames, warmupFrames));
            } catch (RuntimeException | Error e) {
                out.completeExceptionally(e);
            }
        });
        return out.join();
    }

    private static Result measure(int goroutines, int processors, int frames, int warmupFrames) {
        Program program = BenchScenario.program(goroutines);
        Scenario scenario = new Scenario("render benchmark", "", "", BenchScenario.options(processors), program, "",
                List.of(), List.of(), ViewHints.NONE);
        ViewerModel model = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        model.open(scenario, e -> {
            throw new IllegalStateException(e);
        });
        StageView stage = new StageView(model, Duration.millis(500));
        Scene scene = new Scene(stage, WIDTH, HEIGHT);
        scene.getStylesheets().add(RenderBenchmark.class.getResource(STYLESHEET).toExternalForm());
        scene.getRoot().getStyleClass().addAll("theme-light", "text-100");
        // start where the run is busiest: a third of the way in, when most goroutines exist
        model.playback().seek(model.playback().getSize() / 3);
        WritableImage image = new WritableImage(WIDTH, HEIGHT);
        SnapshotParameters params = new SnapshotParameters();
        stage.snapshot(params, image);
        FrameCpu cpu = new FrameCpu();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        FrameLog log = new FrameLog(warmupFrames + frames, jit.getTotalCompilationTime());
        for (int f = -warmupFrames; f < frames; f++) {
            long c0 = cpu.now();
            long t0 = System.nanoTime();
            int phase = Math.floorMod(f, FRAMES_PER_MOVE);
            if (phase == 0) {
                model.playback().stepForward();
            }
            stage.paintAt(Math.min(1, (phase + 1) / (FRAMES_PER_MOVE * 0.58)));
            stage.snapshot(params, image);
            long t1 = System.nanoTime();
            log.frame(phase, (t1 - t0) / 1e6, (cpu.now() - c0) / 1e6, jit.getTotalCompilationTime());
            if (Arrays.binarySearch(FLOOR_PHASES, phase) >= 0) {
                // the floor: the standing stage pictured again, nothing changed, at this moment of the run
                floorSample(stage, params, image, cpu, log);
            }
        }
        int timedFrom = warmupFrames;
        while (log.floorsIn(timedFrom, log.frames()) < MIN_FLOORS) {
            // a run too short to sample the floor in: the stage as the last frame left it, pictured again
            floorSample(stage, params, image, cpu, log);
        }
        FrameLog.Figures timed = log.figures(timedFrom, log.frames());
        int earlyTo = Math.min(warmupFrames, EARLY_FROM + frames);
        FrameLog.Figures early = earlyTo - EARLY_FROM >= EARLY_FROM && log.floorsIn(EARLY_FROM, earlyTo) > 0
                ? log.figures(EARLY_FROM, earlyTo) : null;
        List<FrameLog.Figures> settle = new ArrayList<>();
        for (int from = 0; from + SETTLE_BLOCK <= log.frames(); from += SETTLE_BLOCK) {
            settle.add(log.figures(from, from + SETTLE_BLOCK));
        }
        double warmupCompiled = warmupFrames == 0 ? 0 : log.compiledMs(0, warmupFrames);
        return new Result(processors, goroutines, warmupFrames, timed, early, settle,
                phases(log.wall(timedFrom, log.frames()), log.cpu(timedFrom, log.frames())), warmupCompiled);
    }

    /** Pictures the unchanged stage once more, timed, into the log's floor samples. */
    private static void floorSample(StageView stage, SnapshotParameters params, WritableImage image, FrameCpu cpu,
                                    FrameLog log) {
        long c0 = cpu.now();
        long t0 = System.nanoTime();
        stage.snapshot(params, image);
        log.floor((System.nanoTime() - t0) / 1e6, (cpu.now() - c0) / 1e6);
    }

    /** Every frame's wall and processor time ({@code ms}, {@code cpu}, in run order) by its place in its move. */
    static List<Phase> phases(double[] ms, double[] cpu) {
        double wallP99 = FrameLog.pct(FrameLog.sorted(ms), 0.99);
        double cpuP99 = FrameLog.pct(FrameLog.sorted(cpu), 0.99);
        List<Phase> out = new java.util.ArrayList<>();
        for (int phase = 0; phase < FRAMES_PER_MOVE; phase++) {
            int n = 0;
            double[] w = new double[ms.length];
            double[] c = new double[ms.length];
            int overWall = 0;
            int overCpu = 0;
            for (int f = 0; f < ms.length; f++) {
                if (f % FRAMES_PER_MOVE == phase) {
                    w[n] = ms[f];
                    c[n++] = cpu[f];
                    overWall += ms[f] > wallP99 ? 1 : 0;
                    overCpu += cpu[f] > cpuP99 ? 1 : 0;
                }
            }
            if (n == 0) {
                continue;
            }
            double[] ws = FrameLog.sorted(Arrays.copyOf(w, n));
            double[] cs = FrameLog.sorted(Arrays.copyOf(c, n));
            out.add(new Phase(phase, ws[n / 2], FrameLog.pct(ws, 0.9), cs[n / 2], FrameLog.pct(cs, 0.9), overWall,
                    overCpu));
        }
        return out;
    }

    /**
     * Processor time spent by the two threads a frame runs on, the application thread and the toolkit's render
     * thread: unlike wall time it does not grow when other programs take the machine's cores.
     */
    static final class FrameCpu {
        private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        private final long fx = Thread.currentThread().getId();
        private long render = -1;

        long now() {
            if (render < 0) {
                for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                    if (e.getKey().getName().startsWith("QuantumRenderer")) {
                        render = e.getKey().getId();
                    }
                }
            }
            long r = render < 0 ? 0 : Math.max(0, mx.getThreadCpuTime(render));
            return mx.getThreadCpuTime(fx) + r;
        }
    }
}
