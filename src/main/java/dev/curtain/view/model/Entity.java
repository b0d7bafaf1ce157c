package dev.curtain.view.model;

import java.util.Objects;

/**
 * Something on the stage a user can select or that an event concerns: a goroutine, a processor or a thread.
 *
 * @param kind G, P or M
 * @param id goid, P index or M index
 */
public record Entity(Kind kind, int id) {
    /** The three kinds of things the scheduler juggles. */
    public enum Kind { G, P, M }

    public Entity {
        Objects.requireNonNull(kind, "kind");
    }

    public static Entity g(int id) { return new Entity(Kind.G, id); }
    public static Entity p(int id) { return new Entity(Kind.P, id); }
    public static Entity m(int id) { return new Entity(Kind.M, id); }

    /** "G3", "P0", "M2": how the talk and the cue points write them. */
    @Override
    public String toString() {
        return kind.name() + id;
    }

    /** Parses "G3", "P0" or "M2"; null when the text is not one. */
    public static Entity parse(String text) {
        if (text == null || text.length() < 2) {
            return null;
        }
        try {
            Kind k = Kind.valueOf(text.substring(0, 1).toUpperCase(java.util.Locale.ROOT));
            return new Entity(k, Integer.parseInt(text.substring(1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
