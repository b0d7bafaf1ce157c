package dev.curtain.scenario;

import java.util.Objects;

/**
 * One thing wrong with a scenario file, located precisely enough for an editor to jump to it.
 *
 * @param file the file as the user named it (or the built-in resource's name)
 * @param line 1-based line
 * @param column 1-based column
 * @param jsonPath where in the document, JSONPath style: {@code $.functions.main[2].duration}
 * @param message what is wrong and, where it helps, what would be right
 */
public record ScenarioError(String file, int line, int column, String jsonPath, String message) {
    public ScenarioError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(jsonPath, "jsonPath");
        Objects.requireNonNull(message, "message");
    }

    /** {@code FILE:LINE:COL: message (at $.path)}, the form compilers use so editors and terminals link it. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + message + " (at " + jsonPath + ")";
    }

    @Override
    public String toString() {
        return format();
    }
}
