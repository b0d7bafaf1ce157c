package dev.curtain.bench;

import dev.curtain.engine.Recording;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.state.SchedState;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Measures the engine: simulation throughput, seek latency and memory per event, on the generated
 * {@link BenchScenario}. Wall-clock timing lives here, outside the engine, and never in unit tests.
 */
public final class EngineBenchmark {
    /** What one benchmark run measured. */
    public record Result(long events, double eventsPerSecond, double seekP99Ms, int seeks, double bytesPerEvent) {
    }

    private EngineBenchmark() {
    }

    /** Runs measured after the warm-ups; the median is reported, as JMH reports a central value. */
    static final int MEASURED_RUNS = 5;

    public static Result run(int goroutines, int gomaxprocs, int seeks, int warmups) {
        Program program = BenchScenario.program(goroutines);
        SimulationOptions options = BenchScenario.options(gomaxprocs);
        for (int i = 0; i < warmups; i++) {
            Simulator.run(program, options);
        }
        double[] rates = new double[MEASURED_RUNS];
        Recording rec = null;
        for (int i = 0; i < MEASURED_RUNS; i++) {
            rec = null;
            long t0 = System.nanoTime();
            rec = Simulator.run(program, options);
            rates[i] = rec.size() / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(rates);
        double eps = rates[MEASURED_RUNS / 2];

        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < Math.min(200, seeks); i++) {
            rec.stateAt(rnd.nextInt(rec.size() + 1));
        }
        double[] ms = new double[seeks];
        long sink = 0;
        for (int i = 0; i < seeks; i++) {
            int at = rnd.nextInt(rec.size() + 1);
            long s0 = System.nanoTime();
            SchedState s = rec.stateAt(at);
            ms[i] = (System.nanoTime() - s0) / 1e6;
            sink += s.eventCount();
        }
        Arrays.sort(ms);
        double p99 = ms[(int) Math.ceil(seeks * 0.99) - 1];

        rec = null;
        long before = usedAfterGc();
        Recording kept = Simulator.run(program, options);
        long after = usedAfterGc();
        double perEvent = (after - before) / (double) kept.size();
        if (sink < 0 || kept.size() < 0) {
            throw new AssertionError();
        }
        return new Result(kept.size(), eps, p99, seeks, perEvent);
    }

    private static long usedAfterGc() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
