package dev.curtain.cli;

import dev.curtain.bench.EngineBenchmark;
import dev.curtain.bench.FrameLog;
import dev.curtain.bench.RenderBenchmark;
import dev.curtain.bench.StartupBenchmark;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./curtain bench}: engine throughput, seek latency and memory per event. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the time to the first painted frame, engine throughput, seek latency and memory on a "
                + "generated 100,000-goroutine run, and the stage's frame time under the software pipeline.")
final class BenchCommand implements Runnable {
    @Option(names = "--goroutines", defaultValue = "100000", description = "Goroutines in the generated run.")
    int goroutines;

    @Option(names = "--gomaxprocs", defaultValue = "8", description = "GOMAXPROCS of the generated run.")
    int gomaxprocs;

    @Option(names = "--seeks", defaultValue = "1000", description = "Random seeks to time.")
    int seeks;

    @Option(names = "--warmups", defaultValue = "3", description = "Untimed runs first, so the JIT has compiled the engine.")
    int warmups;

    @Option(names = "--render-frames", defaultValue = "2160",
            description = "Frames to time in the render benchmark (16 Ps, 1,000 Gs, 1920x1080; 0 skips it): 80 events, "
                    + "so that all frames' p99 is the 22nd dearest frame, not one of a handful.")
    int renderFrames;

    @Option(names = "--render-warmups", defaultValue = "10800",
            description = "Frames played before the render benchmark times any (400 events, 6 minutes of playback): "
                    + "the paths a step runs a few times are compiled late, and until they are the JIT competes with "
                    + "the frames for the machine; the frames it meets are reported apart (render early).")
    int renderWarmups;

    @Option(names = "--render-phases",
            description = "Also print the render benchmark's frames by their place in a move (0: the event's).")
    boolean renderPhases;

    @Option(names = "--render-settle",
            description = "Also print the render benchmark's whole run in blocks of 1,080 frames: how long the JIT "
                    + "compiled in each, and its frames' p99 over its floor.")
    boolean renderSettle;

    @Option(names = "--startup-runs", defaultValue = "5",
            description = "Timed launches in the startup benchmark (headless, to the first painted frame; 0 skips it).")
    int startupRuns;

    @Option(names = "--startup-only", description = "Only the startup benchmark.")
    boolean startupOnly;

    @Override
    public void run() {
        if (startupRuns > 0) {
            StartupBenchmark.Result s = StartupBenchmark.run(startupRuns);
            System.out.printf(Locale.ROOT, "startup: first frame %d ms (median of %d launches, headless; %d ms with "
                            + "the app's class-data archive; floors: a JVM to main %d ms, JavaFX with one label %d ms)%n",
                    s.app().wallMs(), s.runs(), s.appWithArchive().wallMs(), s.jvmFloor().wallMs(),
                    s.javafxFloor().wallMs());
            System.out.printf(Locale.ROOT, "startup: processor time to the first frame %d ms (%d ms with the archive; "
                            + "floors %d ms and %d ms)%n", s.app().cpuMs(), s.appWithArchive().cpuMs(),
                    s.jvmFloor().cpuMs(), s.javafxFloor().cpuMs());
            if (s.hasImage()) {
                System.out.printf(Locale.ROOT, "startup: packaged app (target/installer/image) first frame %d ms, "
                        + "processor time %d ms%n", s.image().wallMs(), s.image().cpuMs());
            }
        }
        if (startupOnly) {
            return;
        }
        EngineBenchmark.Result r = EngineBenchmark.run(goroutines, gomaxprocs, seeks, warmups);
        System.out.printf(Locale.ROOT, "engine: %.0f events/s%n", r.eventsPerSecond());
        System.out.printf(Locale.ROOT, "seek: p99 %.2f ms over %d random seeks in a %d-event log%n",
                r.seekP99Ms(), r.seeks(), r.events());
        System.out.printf(Locale.ROOT, "memory: %.0f bytes retained per event%n", r.bytesPerEvent());
        if (renderFrames > 0) {
            RenderBenchmark.Result run = RenderBenchmark.run(1_000, 16, renderFrames, renderWarmups);
            FrameLog.Figures f = run.timed();
            System.out.printf(Locale.ROOT, "render: p95 %.1f ms per frame at %dx%d with %d Ps and %,d Gs%n",
                    f.p95Ms(), RenderBenchmark.WIDTH, RenderBenchmark.HEIGHT, run.processors(), run.goroutines());
            System.out.printf(Locale.ROOT, "render events: p50 %.1f ms, p95 %.1f ms, max %.1f ms; all frames p99 %.1f ms;"
                    + " floor %.1f ms%n", f.eventP50Ms(), f.eventP95Ms(), f.eventMaxMs(), f.allP99Ms(), f.floorMs());
            // processor time of the two threads a frame runs on: what a busy machine's wall clock cannot show
            System.out.printf(Locale.ROOT, "render processor time: event frames p50 %.1f ms, p95 %.1f ms; other frames"
                            + " p50 %.1f ms; all frames p99 %.1f ms; floor %.1f ms%n", f.eventCpuP50Ms(), f.eventCpuP95Ms(),
                    f.otherCpuP50Ms(), f.allCpuP99Ms(), f.floorCpuMs());
            // the floor's own spread: an unchanged stage's worst pictures show what the machine adds to any frame
            System.out.printf(Locale.ROOT, "render floor: p50 %.1f ms, p99 %.1f ms; processor time p50 %.1f ms, p99 %.1f"
                    + " ms%n", f.floorMs(), f.floorP99Ms(), f.floorCpuMs(), f.floorCpuP99Ms());
            System.out.printf(Locale.ROOT, "render JIT: %,d warm-up frames first, compiling for %.1f s; %.1f s during the"
                            + " %,d timed frames%n", run.warmupFrames(), run.warmupCompiledMs() / 1e3, f.compiledMs() / 1e3,
                    f.frames());
            FrameLog.Figures e = run.early();
            if (e != null) {
                System.out.printf(Locale.ROOT, "render early: frames %,d to %,d, the JIT compiling for %.1f s: event "
                                + "frames p50 %.1f ms, p95 %.1f ms; all frames p99 %.1f ms; floor %.1f ms%n", e.from(),
                        e.from() + e.frames() - 1, e.compiledMs() / 1e3, e.eventP50Ms(), e.eventP95Ms(), e.allP99Ms(),
                        e.floorMs());
            }
            if (renderSettle) {
                for (FrameLog.Figures b : run.settle()) {
                    System.out.printf(Locale.ROOT, "render block from frame %,6d: the JIT compiling for %5.2f s; all "
                                    + "frames p50 %.1f ms, p99 %.1f ms; floor %.1f ms (p99 %.2f times the floor)%n",
                            b.from(), b.compiledMs() / 1e3, b.p50Ms(), b.allP99Ms(), b.floorMs(), b.ratio());
                }
            }
            if (renderPhases) {
                for (RenderBenchmark.Phase p : run.phases()) {
                    System.out.printf(Locale.ROOT, "render frame %2d of a move: wall p50 %.1f ms, p90 %.1f ms; "
                                    + "processor p50 %.1f ms, p90 %.1f ms; above all frames' p99: %d by wall, %d by "
                                    + "processor%n", p.frame(), p.wallP50Ms(), p.wallP90Ms(), p.cpuP50Ms(),
                            p.cpuP90Ms(), p.overWallP99(), p.overCpuP99());
                }
            }
        }
    }
}
