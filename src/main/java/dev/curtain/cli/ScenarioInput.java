package dev.curtain.cli;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.scenario.LoadResult;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioError;
import dev.curtain.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Loading a scenario named on the command line, and the options every running command shares. */
final class ScenarioInput {
    private ScenarioInput() {
    }

    /** The scenario, or an {@link InvalidInputException} listing every error as FILE:LINE:COL. */
    static Scenario load(Path file) {
        LoadResult r = ScenarioFiles.load(file);
        if (!r.ok()) {
            throw new InvalidInputException(r.errors().stream().map(ScenarioError::format)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        return r.scenario();
    }

    /** The scenario's own options with the command line's overrides (null = keep the file's). */
    static SimulationOptions options(Scenario s, String go, Integer gomaxprocs, Long seed) {
        SimulationOptions o = s.options();
        if (go != null) {
            try {
                o = o.withVersion(GoVersion.parse(go));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--go: " + e.getMessage());
            }
        }
        if (gomaxprocs != null) {
            try {
                o = o.withGomaxprocs(gomaxprocs);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--gomaxprocs: " + e.getMessage());
            }
        }
        if (seed != null) {
            o = o.withSeed(seed);
        }
        return o;
    }
}
