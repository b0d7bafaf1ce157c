package dev.curtain.cli;

import dev.curtain.bench.EngineBenchmark;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./curtain bench}: engine throughput, seek latency and memory per event. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure engine throughput, seek latency and memory on a generated 100,000-goroutine run.")
final class BenchCommand implements Runnable {
    @Option(names = "--goroutines", defaultValue = "100000", description = "Goroutines in the generated run.")
    int goroutines;

    @Option(names = "--gomaxprocs", defaultValue = "8", description = "GOMAXPROCS of the generated run.")
    int gomaxprocs;

    @Option(names = "--seeks", defaultValue = "1000", description = "Random seeks to time.")
    int seeks;

    @Option(names = "--warmups", defaultValue = "3", description = "Untimed runs first, so the JIT has compiled the engine.")
    int warmups;

    @Override
    public void run() {
        EngineBenchmark.Result r = EngineBenchmark.run(goroutines, gomaxprocs, seeks, warmups);
        System.out.printf(Locale.ROOT, "engine: %.0f events/s%n", r.eventsPerSecond());
        System.out.printf(Locale.ROOT, "seek: p99 %.2f ms over %d random seeks in a %d-event log%n",
                r.seekP99Ms(), r.seeks(), r.events());
        System.out.printf(Locale.ROOT, "memory: %.0f bytes retained per event%n", r.bytesPerEvent());
    }
}
