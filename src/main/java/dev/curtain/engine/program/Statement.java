package dev.curtain.engine.program;

import java.util.Objects;

/**
 * One operation at one line of the scenario's Go source.
 *
 * @param op what the goroutine does
 * @param line 1-based line in the scenario's source, or 0 when the scenario shows no source
 */
public record Statement(Op op, int line) {
    public Statement {
        Objects.requireNonNull(op, "op");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0");
        }
    }

    public static Statement of(Op op) {
        return new Statement(op, 0);
    }
}
