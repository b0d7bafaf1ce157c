package dev.curtain.engine;

import dev.curtain.engine.program.Program;
import dev.curtain.engine.rules.Runtime;

/**
 * Runs a program under a Go version profile and returns its {@link Recording}. Pure and deterministic: no wall
 * clock, no threads, no hash-order iteration; the same program and options give the same log, byte for byte.
 */
public final class Simulator {
    private Simulator() {
    }

    public static Recording run(Program program, SimulationOptions options) {
        Recording.Builder out = new Recording.Builder(program, options);
        new Runtime(program, options, out).run();
        return out.build();
    }

    /**
     * Runs as {@link #run} does, and after every event checks the runtime's own bookkeeping (idle Ps, spinning
     * Ms, lock counts) against the state; throws at the first event after which it disagrees. For tests: the
     * check costs a pass over every P, M and goroutine per event.
     */
    public static Recording runChecked(Program program, SimulationOptions options) {
        Recording.Builder out = new Recording.Builder(program, options);
        new Runtime(program, options, out).checkingBookkeeping().run();
        return out.build();
    }
}
