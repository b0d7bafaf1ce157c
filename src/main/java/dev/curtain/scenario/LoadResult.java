package dev.curtain.scenario;

import dev.curtain.engine.program.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What loading a scenario file gave: the scenario, or every error found in it (never both, never neither).
 *
 * @param scenario the validated scenario, or null when there are errors
 * @param errors every error, in document order; empty when the scenario loaded
 * @param positions where the file defines its cues, functions and channels and writes each statement's line, so
 *                  later checks (a cue that never matches, an op on the wrong source line) can point at them;
 *                  empty when the file did not load
 */
public record LoadResult(Scenario scenario, List<ScenarioError> errors, Positions positions) {

    /** Where named things were written in the file, and where each statement that has a line gives it. */
    public record Positions(String file, Map<String, Json.Loc> cues, Map<String, Json.Loc> functions,
                            Map<String, Json.Loc> channels, List<StatementLine> lines) {
        public Positions {
            cues = Map.copyOf(cues);
            functions = Map.copyOf(functions);
            channels = Map.copyOf(channels);
            lines = List.copyOf(lines);
        }

        static Positions none(String file) {
            return new Positions(file, Map.of(), Map.of(), Map.of(), List.of());
        }
    }

    /** A statement with a {@code line}, and where the file writes that line's number. */
    public record StatementLine(Statement statement, Json.Loc at) {
    }

    public LoadResult {
        errors = List.copyOf(errors);
        Objects.requireNonNull(positions, "positions");
        if ((scenario == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a load result has a scenario or errors, not both or neither");
        }
    }

    static LoadResult ok(Scenario s, Positions positions) {
        return new LoadResult(s, List.of(), positions);
    }

    static LoadResult failed(List<ScenarioError> errors, String file) {
        return new LoadResult(null, errors, Positions.none(file));
    }

    /** Whether the scenario loaded. */
    public boolean ok() {
        return scenario != null;
    }

    /** The scenario; throws if it did not load (check {@link #ok()} first). */
    public Scenario orThrow() {
        if (scenario == null) {
            throw new IllegalStateException("scenario did not load: " + errors.get(0).format());
        }
        return scenario;
    }
}
