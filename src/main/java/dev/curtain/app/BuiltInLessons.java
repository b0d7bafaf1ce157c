package dev.curtain.app;

import static dev.curtain.engine.program.Ops.compute;
import static dev.curtain.engine.program.Ops.fn;
import static dev.curtain.engine.program.Ops.go;
import static dev.curtain.engine.program.Ops.sleep;
import static dev.curtain.engine.program.Ops.syscall;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.program.Statement;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.scenario.CueMatch;
import dev.curtain.scenario.CuePoint;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ViewHints;
import java.util.List;

/**
 * The lessons this build carries without reading any file: for now only lesson 1, "hello goroutine", written in
 * code. This is one of the two seams the scenario reader replaces at merge time: once lesson files ship, a
 * {@link LessonLibrary} that loads them takes this class's place and this class can go.
 */
public final class BuiltInLessons implements LessonLibrary {

    static final String HELLO_SOURCE = """
            package main

            import (
            \t"os"
            \t"time"
            )

            // Run with GOMAXPROCS=1: one P for two goroutines.
            func main() {
            \tgo hello()
            \ttime.Sleep(time.Millisecond) // main parks: hello gets the P
            \tbusy(80 * time.Millisecond)  // main keeps the only P busy
            \ttime.Sleep(100 * time.Millisecond)
            }

            func hello() {
            \tos.Stdout.Write([]byte("hello\\n")) // write(2) blocks for 50 ms
            }
            """;

    @Override
    public List<Scenario> lessons() {
        return List.of(helloGoroutine());
    }

    /** Lesson 1: go, runnext, P, M, a blocking write, handoff, and a syscall that returns to no P. */
    public static Scenario helloGoroutine() {
        Program program = new Program(List.of(
                fn("main",
                        at(10, go("hello")),
                        at(11, sleep("1ms")),
                        at(12, compute("80ms")),
                        at(13, sleep("100ms"))),
                fn("hello",
                        at(17, syscall("write", "50ms")))),
                List.of(), ThreadProps.rootOnHost());
        SimulationOptions options = SimulationOptions.defaults().withVersion(GoVersion.GO_1_14).withGomaxprocs(1);
        List<CuePoint> cues = List.of(
                cue("go", CueMatch.ofEvent("GoroutineCreated", 2),
                        "go hello(): newproc puts the new goroutine in P0's runnext slot, next in line.", true),
                cue("runs", new CueMatch("GoroutineStarted", 2, null, null, null, 1),
                        "main sleeps, so the scheduler takes hello from runnext: M0 runs it on P0.", true),
                cue("blocks", new CueMatch("SyscallEntered", 2, null, null, null, 1),
                        "hello calls write(2). The thread blocks in the kernel, and the P waits with it.", true),
                cue("handoff", CueMatch.ofEvent("ProcessorRetaken", 1),
                        "sysmon sees P0 stuck in a syscall and retakes it, to hand it to another thread.", true),
                cue("nop", new CueMatch("SyscallReturnedWithoutP", 2, null, null, null, 1),
                        "write returns, but main owns the only P: hello goes to the global run queue.", true),
                cue("idle", new CueMatch("ThreadParked", null, null, 0, null, 1),
                        "Its thread has nothing to run, so it parks in the idle pool until work comes.", true));
        return new Scenario("Hello, goroutine",
                "go, runnext, a P and an M; write(2) blocks; the P is handed to another thread; the syscall "
                        + "returns to no P, so the goroutine waits in the global queue and the thread idles.",
                "Curtain", options, program, HELLO_SOURCE, cues, List.of(), ViewHints.NONE);
    }

    private static CuePoint cue(String id, CueMatch match, String caption, boolean pause) {
        return new CuePoint(id, match, caption, "", pause, List.of());
    }

    private static Statement at(int line, Statement s) {
        return new Statement(s.op(), line);
    }
}
