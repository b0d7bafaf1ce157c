package dev.curtain.bench;

import static dev.curtain.engine.program.Ops.*;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Limits;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.state.ThreadProps;
import java.util.List;

/**
 * The generated workload the benchmark runs: main starts N workers and waits for each; a worker computes, makes
 * a short blocking write, computes again, sleeps, and reports on a channel. It exercises runnext kicks, ring
 * overflow, the global queue, stealing, syscalls, timers and channel wakeups.
 */
public final class BenchScenario {
    private BenchScenario() {
    }

    public static Program program(int goroutines) {
        return new Program(List.of(
                fn("main",
                        loop(goroutines, go("worker")),
                        loop(goroutines, recv("done"))),
                fn("worker",
                        compute("20us"),
                        syscall("write", "10us"),
                        compute("10us"),
                        sleep("50us"),
                        send("done"))),
                List.of(new ChannelDecl("done", 0)), ThreadProps.rootOnHost());
    }

    public static SimulationOptions options(int gomaxprocs) {
        return new SimulationOptions(GoVersion.GO_1_14, gomaxprocs, 1, false, false,
                SimulationOptions.DEFAULT_MAX_THREADS, Limits.DEFAULT.withMaxEvents(20_000_000));
    }
}
