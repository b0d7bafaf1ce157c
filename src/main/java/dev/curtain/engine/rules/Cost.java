package dev.curtain.engine.rules;

/**
 * A duration the model draws per occurrence: uniform in [{@code lo}, {@code hi}] nanoseconds, except that {@code tailPer1024} draws
 * in 1,024 land in the tail, uniform in [{@code tailLo}, {@code tailHi}]: the thread was
 * descheduled, an interrupt ran, the CPU was busy with another process. Integer arithmetic on one SplitMix64 draw,
 * so a seed gives the same durations on every machine and JDK.
 */
record Cost(String name, long lo, long hi, int tailPer1024, long tailLo, long tailHi, boolean tailIsCpuWait) {
    Cost {
        if (lo < 0 || hi < lo || tailPer1024 < 0 || tailPer1024 > 1024 || (tailPer1024 > 0 && tailHi < tailLo)) {
            throw new IllegalArgumentException("bad cost " + name);
        }
    }

    static Cost withTail(String name, long lo, long hi, int tailPer1024, long tailLo, long tailHi) {
        return new Cost(name, lo, hi, tailPer1024, tailLo, tailHi, false);
    }

    /**
     * A cost whose tail is the thread waiting for a busy CPU: with CPU contention modelled ({@link Cpus}) the wait
     * comes from the CPUs, and the tail is not drawn.
     */
    static Cost withCpuWaitTail(String name, long lo, long hi, int tailPer1024, long tailLo, long tailHi) {
        return new Cost(name, lo, hi, tailPer1024, tailLo, tailHi, true);
    }

    /** One duration: the low 10 bits of the draw pick body or tail, the rest pick the value. */
    long draw(Rng rng) {
        return draw(rng, true);
    }

    /** One duration, from the body alone unless {@code withTail}; one draw either way. */
    long draw(Rng rng, boolean withTail) {
        long r = rng.nextLong();
        int pick = (int) (r & 1023);
        long v = r >>> 10;
        if (withTail && pick < tailPer1024) {
            return tailLo + v % (tailHi - tailLo + 1);
        }
        return lo + v % (hi - lo + 1);
    }
}
