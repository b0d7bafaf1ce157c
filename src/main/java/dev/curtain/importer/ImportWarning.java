package dev.curtain.importer;

/** A line the importer skipped or adjusted, with its 1-based line number in the log. */
public record ImportWarning(long line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
