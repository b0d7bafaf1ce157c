package dev.curtain.engine.rules;

/**
 * A duration the model draws per occurrence: uniform in [{@code lo}, {@code hi}] nanoseconds, except that {@code tailPer1024} draws
 * in 1,024 land in the tail, uniform in [{@code tailLo}, {@code tailHi}]: the thread was
 * descheduled, an interrupt ran, the CPU was busy with another process. Integer arithmetic on one SplitMix64 draw,
 * so a seed gives the same durations on every machine and JDK.
 */
record Cost(String name, long lo, long hi, int tailPer1024, long tailLo, long tailHi) {
    Cost {
        if (lo < 0 || hi < lo || tailPer1024 < 0 || tailPer1024 > 1024 || (tailPer1024 > 0 && tailHi < tailLo)) {
            throw new IllegalArgumentException("bad cost " + name);
        }
    }

    static Cost withTail(String name, long lo, long hi, int tailPer1024, long tailLo, long tailHi) {
        return new Cost(name, lo, hi, tailPer1024, tailLo, tailHi);
    }

    /** One duration: the low 10 bits of the draw pick body or tail, the rest pick the value. */
    long draw(Rng rng) {
        long r = rng.nextLong();
        int pick = (int) (r & 1023);
        long v = r >>> 10;
        if (pick < tailPer1024) {
            return tailLo + v % (tailHi - tailLo + 1);
        }
        return lo + v % (hi - lo + 1);
    }
}
