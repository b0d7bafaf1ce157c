package dev.curtain.cli;

import dev.curtain.bench.EngineBenchmark;
import dev.curtain.bench.RenderBenchmark;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./curtain bench}: engine throughput, seek latency and memory per event. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure engine throughput, seek latency and memory on a generated 100,000-goroutine run, "
                + "and the stage's frame time under the software pipeline.")
final class BenchCommand implements Runnable {
    @Option(names = "--goroutines", defaultValue = "100000", description = "Goroutines in the generated run.")
    int goroutines;

    @Option(names = "--gomaxprocs", defaultValue = "8", description = "GOMAXPROCS of the generated run.")
    int gomaxprocs;

    @Option(names = "--seeks", defaultValue = "1000", description = "Random seeks to time.")
    int seeks;

    @Option(names = "--warmups", defaultValue = "3", description = "Untimed runs first, so the JIT has compiled the engine.")
    int warmups;

    @Option(names = "--render-frames", defaultValue = "600",
            description = "Frames to time in the render benchmark (16 Ps, 1,000 Gs, 1920x1080; 0 skips it).")
    int renderFrames;

    @Override
    public void run() {
        EngineBenchmark.Result r = EngineBenchmark.run(goroutines, gomaxprocs, seeks, warmups);
        System.out.printf(Locale.ROOT, "engine: %.0f events/s%n", r.eventsPerSecond());
        System.out.printf(Locale.ROOT, "seek: p99 %.2f ms over %d random seeks in a %d-event log%n",
                r.seekP99Ms(), r.seeks(), r.events());
        System.out.printf(Locale.ROOT, "memory: %.0f bytes retained per event%n", r.bytesPerEvent());
        if (renderFrames > 0) {
            RenderBenchmark.Result f = RenderBenchmark.run(1_000, 16, renderFrames, 120);
            System.out.printf(Locale.ROOT, "render: p95 %.1f ms per frame at %dx%d with %d Ps and %,d Gs%n",
                    f.p95Ms(), RenderBenchmark.WIDTH, RenderBenchmark.HEIGHT, f.processors(), f.goroutines());
            System.out.printf(Locale.ROOT, "render events: p50 %.1f ms, p95 %.1f ms, max %.1f ms; all frames p99 %.1f ms;"
                    + " floor %.1f ms%n", f.eventP50Ms(), f.eventP95Ms(), f.eventMaxMs(), f.allP99Ms(), f.floorMs());
        }
    }
}
