package dev.curtain.engine.event;

import java.util.Objects;

/**
 * A goroutine's position: a kind and the P, M or channel it refers to. Events carry a from and a to place so the
 * animator can move a token without diffing states. Common places are interned, so a million events share a few
 * hundred instances.
 */
public final class Place {
    private static final int CACHED_IDS = 1024;
    private static final Place[][] CACHE = new Place[PlaceKind.values().length][CACHED_IDS + 1];

    static {
        for (PlaceKind k : PlaceKind.values()) {
            for (int id = -1; id < CACHED_IDS; id++) {
                CACHE[k.ordinal()][id + 1] = new Place(k, id);
            }
        }
    }

    public static final Place NONE = of(PlaceKind.NONE, -1);
    public static final Place GLOBAL = of(PlaceKind.GLOBAL_QUEUE, -1);
    public static final Place DEAD = of(PlaceKind.DEAD, -1);

    private final PlaceKind kind;
    private final int id;

    private Place(PlaceKind kind, int id) {
        this.kind = kind;
        this.id = id;
    }

    public static Place of(PlaceKind kind, int id) {
        Objects.requireNonNull(kind, "kind");
        if (id >= -1 && id < CACHED_IDS) {
            return CACHE[kind.ordinal()][id + 1];
        }
        return new Place(kind, id);
    }

    public static Place runnext(int p) { return of(PlaceKind.RUNNEXT, p); }
    public static Place localQueue(int p) { return of(PlaceKind.LOCAL_QUEUE, p); }
    public static Place running(int m) { return of(PlaceKind.RUNNING, m); }
    public static Place syscall(int m) { return of(PlaceKind.SYSCALL, m); }
    public static Place waiting(int channel) { return of(PlaceKind.WAITING, channel); }

    public PlaceKind kind() {
        return kind;
    }

    /** The P, M or channel index, or -1. */
    public int id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Place p && p.kind == kind && p.id == id;
    }

    @Override
    public int hashCode() {
        return kind.ordinal() * 31 + id;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "nowhere";
            case RUNNEXT -> "P" + id + ".runnext";
            case LOCAL_QUEUE -> "P" + id + ".runq";
            case GLOBAL_QUEUE -> "global runq";
            case RUNNING -> "running on M" + id;
            case SYSCALL -> "syscall on M" + id;
            case WAITING -> id >= 0 ? "waiting on chan#" + id : "waiting";
            case DEAD -> "dead";
        };
    }
}
