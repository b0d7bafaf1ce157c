package dev.curtain.render;

import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import java.util.Arrays;
import java.util.BitSet;

/**
 * How many threads each bottom zone holds at most over a whole run, so the stage can size its zones once for
 * the run instead of at every step: a zone that will fill later already has its room, and no zone grows or
 * shrinks under the audience's eyes.
 *
 * @param most per zone, in {@link StageGeometry#BOTTOM_ZONES} order, the most threads it holds at once
 * @param members per zone, the ids of the threads it ever holds, ascending (null: not known), so each thread can
 *                keep one slot of its zone for the whole run ({@link #rank})
 */
public record ZoneDemand(int[] most, int[][] members) {
    public ZoneDemand {
        most = most.clone();
        members = members.clone();
    }

    /** Zones sized for the run, with no slots kept for its threads. */
    public ZoneDemand(int[] most) {
        this(most, new int[most.length][]);
    }

    /** Adds up the most threads each zone holds at once over the states of a run it is shown, one by one. */
    public static final class Tally {
        private final int[] most = new int[StageGeometry.BOTTOM_ZONES.length];
        private final BitSet[] seen = new BitSet[most.length];

        public Tally() {
            for (int i = 0; i < seen.length; i++) {
                seen[i] = new BitSet();
            }
        }

        public void add(SchedState s) {
            int[] now = new int[most.length];
            for (ThreadState t : s.threads()) {
                int zone = zoneOf(t, s.gomaxprocs());
                if (zone >= 0) {
                    now[zone]++;
                    seen[zone].set(t.id());
                }
            }
            for (int i = 0; i < most.length; i++) {
                most[i] = Math.max(most[i], now[i]);
            }
        }

        public ZoneDemand result() {
            int[][] members = new int[most.length][];
            for (int i = 0; i < most.length; i++) {
                members[i] = seen[i].stream().toArray();
            }
            return new ZoneDemand(most, members);
        }
    }

    private static int zoneOf(ThreadState t, int gomaxprocs) {
        String place = StageGeometry.placeOf(t, gomaxprocs);
        for (int i = 0; i < StageGeometry.BOTTOM_ZONES.length; i++) {
            if (StageGeometry.BOTTOM_ZONES[i].equals(place)) {
                return i;
            }
        }
        return -1;
    }

    /** The most threads zone {@code i} holds, and at least {@code now}. */
    int most(int i, int now) {
        return Math.max(most[i], now);
    }

    /** How many threads zone {@code i} ever holds in the run (0 when not known). */
    int everHeld(int i) {
        return members[i] == null ? 0 : members[i].length;
    }

    /**
     * Where thread {@code m} stands among the threads zone {@code i} ever holds (0 for the lowest id), or -1 when
     * that is not known (a run sampled rather than folded whole, a thread it never saw there).
     */
    int rank(int i, int m) {
        int[] ids = members[i];
        if (ids == null) {
            return -1;
        }
        int r = Arrays.binarySearch(ids, m);
        return r >= 0 ? r : -1;
    }
}
