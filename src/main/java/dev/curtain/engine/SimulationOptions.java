package dev.curtain.engine;

import java.util.Objects;

/**
 * Everything besides the program that decides a run. Same options and program, same event log, byte for byte.
 *
 * @param version the Go release to imitate
 * @param gomaxprocs the number of Ps at start (GOMAXPROCS)
 * @param seed seeds every choice the real runtime makes at random (steal order, wake-up latencies)
 * @param asyncPreemptOff GODEBUG=asyncpreemptoff=1
 * @param cgo the program links cgo: a template thread from the start, Setuid through glibc
 * @param maxThreads runtime/debug.SetMaxThreads at start (the runtime's default is 10,000)
 * @param limits bounds on the run
 * @param runtimeBackground the runtime's own start-up work before main.main: the threads that gcenable's handoff
 *     and forcegchelper's wake-up leave idle (off: main.main starts with m0 and sysmon alone)
 * @param host the CPUs the threads share ({@link Host#UNLIMITED}: every runnable thread runs at once)
 */
public record SimulationOptions(GoVersion version, int gomaxprocs, long seed, boolean asyncPreemptOff, boolean cgo,
                                int maxThreads, Limits limits, boolean runtimeBackground, Host host) {

    public static final int DEFAULT_MAX_THREADS = 10_000;

    /** Options on a host with a CPU for every thread. */
    public SimulationOptions(GoVersion version, int gomaxprocs, long seed, boolean asyncPreemptOff, boolean cgo,
                             int maxThreads, Limits limits, boolean runtimeBackground) {
        this(version, gomaxprocs, seed, asyncPreemptOff, cgo, maxThreads, limits, runtimeBackground, Host.UNLIMITED);
    }

    /** Options without the runtime's background work. */
    public SimulationOptions(GoVersion version, int gomaxprocs, long seed, boolean asyncPreemptOff, boolean cgo,
                             int maxThreads, Limits limits) {
        this(version, gomaxprocs, seed, asyncPreemptOff, cgo, maxThreads, limits, false);
    }

    public SimulationOptions {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(host, "host");
        if (gomaxprocs < 1 || gomaxprocs > version.maxGomaxprocs()) {
            throw new IllegalArgumentException("GOMAXPROCS must be between 1 and " + version.maxGomaxprocs());
        }
        if (gomaxprocs > 4096) {
            throw new IllegalArgumentException("GOMAXPROCS above 4096 is not simulated");
        }
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be positive");
        }
    }

    public static SimulationOptions defaults() {
        return new SimulationOptions(GoVersion.GO_1_14, 4, 1, false, false, DEFAULT_MAX_THREADS, Limits.DEFAULT);
    }

    public SimulationOptions withVersion(GoVersion v) {
        return new SimulationOptions(v, gomaxprocs, seed, asyncPreemptOff, cgo, maxThreads, limits,
                runtimeBackground, host);
    }

    public SimulationOptions withGomaxprocs(int n) {
        return new SimulationOptions(version, n, seed, asyncPreemptOff, cgo, maxThreads, limits,
                runtimeBackground, host);
    }

    public SimulationOptions withSeed(long s) {
        return new SimulationOptions(version, gomaxprocs, s, asyncPreemptOff, cgo, maxThreads, limits,
                runtimeBackground, host);
    }

    public SimulationOptions withAsyncPreemptOff(boolean off) {
        return new SimulationOptions(version, gomaxprocs, seed, off, cgo, maxThreads, limits, runtimeBackground, host);
    }

    public SimulationOptions withCgo(boolean on) {
        return new SimulationOptions(version, gomaxprocs, seed, asyncPreemptOff, on, maxThreads, limits,
                runtimeBackground, host);
    }

    public SimulationOptions withMaxThreads(int n) {
        return new SimulationOptions(version, gomaxprocs, seed, asyncPreemptOff, cgo, n, limits,
                runtimeBackground, host);
    }

    public SimulationOptions withLimits(Limits l) {
        return new SimulationOptions(version, gomaxprocs, seed, asyncPreemptOff, cgo, maxThreads, l,
                runtimeBackground, host);
    }

    public SimulationOptions withRuntimeBackground(boolean on) {
        return new SimulationOptions(version, gomaxprocs, seed, asyncPreemptOff, cgo, maxThreads, limits, on, host);
    }

    public SimulationOptions withHost(Host h) {
        return new SimulationOptions(version, gomaxprocs, seed, asyncPreemptOff, cgo, maxThreads, limits,
                runtimeBackground, h);
    }
}
