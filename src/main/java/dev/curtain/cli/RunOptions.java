package dev.curtain.cli;

import dev.curtain.engine.SimulationOptions;
import dev.curtain.scenario.Scenario;
import picocli.CommandLine.Option;

/** The overrides every command that runs a scenario accepts: Go version, GOMAXPROCS, seed. */
final class RunOptions {
    @Option(names = "--go", paramLabel = "V", description = "Go version to imitate (1.9, 1.10, 1.14, 1.26 or any 1.5..1.26).")
    String go;

    @Option(names = "--gomaxprocs", paramLabel = "N", description = "Number of Ps.")
    Integer gomaxprocs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the runtime's random choices (explore: the first).")
    Long seed;

    /** Whether any override was given. */
    boolean any() {
        return go != null || gomaxprocs != null || seed != null;
    }

    /** The scenario's own options with these overrides. */
    SimulationOptions apply(Scenario s) {
        return ScenarioInput.options(s, go, gomaxprocs, seed);
    }
}
