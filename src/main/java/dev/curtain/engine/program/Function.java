package dev.curtain.engine.program;

import java.util.List;
import java.util.Objects;

/** A named Go function: the body a goroutine runs when started with {@code go name()} or called. */
public record Function(String name, List<Statement> body) {
    public Function {
        Objects.requireNonNull(name, "name");
        body = List.copyOf(body);
    }
}
