package dev.curtain.gotrace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ordering's id map against java.util.HashMap under random puts and removes (goroutines come and go). */
class LongMapTest {
    @Test
    void agreesWithHashMapUnderChurn() {
        LongMap<Long> ours = new LongMap<>();
        Map<Long, Long> ref = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long k = rnd.nextInt(5_000) * (rnd.nextBoolean() ? 1L : 16L);
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    ours.put(k, (long) i);
                    ref.put(k, (long) i);
                }
                case 1 -> {
                    ours.remove(k);
                    ref.remove(k);
                }
                default -> assertEquals(ref.get(k), ours.get(k), "key " + k + " at step " + i);
            }
            assertEquals(ref.size(), ours.size());
        }
        for (Map.Entry<Long, Long> e : ref.entrySet()) {
            assertEquals(e.getValue(), ours.get(e.getKey()));
        }
    }
}
