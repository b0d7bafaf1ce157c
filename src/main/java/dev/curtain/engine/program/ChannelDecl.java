package dev.curtain.engine.program;

import java.util.Objects;

/** A channel the program makes: {@code make(chan T, capacity)}. */
public record ChannelDecl(String name, int capacity) {
    public ChannelDecl {
        Objects.requireNonNull(name, "name");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0");
        }
    }
}
