package dev.curtain.app;

import dev.curtain.scenario.LoadResult;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioError;
import dev.curtain.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads a scenario file for the app: a seam, so the window does not depend on how files are parsed. The app's
 * composition root passes the real reader; tests pass fakes.
 */
@FunctionalInterface
public interface ScenarioOpener {

    /**
     * The outcome of opening a file: a scenario, or every error found, each as {@code FILE:LINE:COL: message}.
     *
     * @param scenario the scenario, or null when there are errors
     * @param errors the errors, empty on success
     */
    record Result(Scenario scenario, List<String> errors) {
        public Result {
            errors = List.copyOf(errors);
            if ((scenario == null) == errors.isEmpty()) {
                throw new IllegalArgumentException("a result has a scenario or errors, not both or neither");
            }
        }

        public static Result of(Scenario s) {
            return new Result(Objects.requireNonNull(s), List.of());
        }

        public static Result failed(List<String> errors) {
            return new Result(null, errors);
        }

        public boolean ok() {
            return scenario != null;
        }
    }

    Result open(Path file);

    /** Scenario files as the format reads them: every error as FILE:LINE:COL: message. */
    static ScenarioOpener files() {
        return file -> {
            LoadResult r = ScenarioFiles.load(file);
            return r.ok() ? Result.of(r.scenario())
                    : Result.failed(r.errors().stream().map(ScenarioError::format).toList());
        };
    }
}
