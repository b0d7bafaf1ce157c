package dev.curtain.app;

import static dev.curtain.engine.program.Ops.*;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.program.Namespace;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.scenario.CueMatch;
import dev.curtain.scenario.CuePoint;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ViewHints;
import java.util.List;

/** Small scenarios built in code for the UI and view-model tests. */
public final class TestScenarios {
    private TestScenarios() {
    }

    /** main locks its thread and moves it into another network namespace: M0's netns diverges. */
    public static Scenario setnsOnLockedThread() {
        Program p = new Program(List.of(fn("main",
                lock(),
                setns(Namespace.NET, "container"),
                compute("1ms"),
                go("worker"),
                sleep("5ms")),
                fn("worker", compute("1ms"))), List.of(), ThreadProps.rootOnHost());
        return new Scenario("setns on a locked thread", "", "test",
                SimulationOptions.defaults().withVersion(GoVersion.GO_1_10).withGomaxprocs(2), p, "",
                List.of(new CuePoint("ns", CueMatch.ofEvent("ThreadPropertyChanged", 1), "netns changed", "", true,
                        List.of("M0"))), List.of(), ViewHints.NONE);
    }

    /** Many goroutines on many Ps: for scale checks. */
    public static Scenario crowd(int goroutines, int procs) {
        Program p = new Program(List.of(
                fn("main", loop(goroutines, go("worker")), sleep("10ms")),
                fn("worker", compute("50us"), syscall("write", "20us"), sleep("2ms"))),
                List.of(), ThreadProps.rootOnHost());
        return new Scenario("crowd", "", "test",
                SimulationOptions.defaults().withVersion(GoVersion.GO_1_14).withGomaxprocs(procs), p, "",
                List.of(), List.of(), ViewHints.NONE);
    }
}
