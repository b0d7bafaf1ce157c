package dev.curtain.engine.rules;

/**
 * SplitMix64: the engine's only source of chance, seeded once per run. Written out rather than taken from the JDK
 * so the sequence (and so every golden event-log hash) can never change under a JDK upgrade.
 */
final class Rng {
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** Uniform in [lo, hi]. */
    long between(long lo, long hi) {
        return lo + Math.floorMod(nextLong(), hi - lo + 1);
    }
}
