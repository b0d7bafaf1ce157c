package dev.curtain.render;

import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;

/**
 * How many threads each bottom zone holds at most over a whole run, so the stage can size its zones once for
 * the run instead of at every step: a zone that will fill later already has its room, and no zone grows or
 * shrinks under the audience's eyes.
 *
 * @param most per zone, in {@link StageGeometry#BOTTOM_ZONES} order, the most threads it holds at once
 */
public record ZoneDemand(int[] most) {
    public ZoneDemand {
        most = most.clone();
    }

    /** Adds up the most threads each zone holds at once over the states of a run it is shown, one by one. */
    public static final class Tally {
        private final int[] most = new int[StageGeometry.BOTTOM_ZONES.length];

        public void add(SchedState s) {
            count(s, most);
        }

        public ZoneDemand result() {
            return new ZoneDemand(most);
        }
    }

    private static void count(SchedState s, int[] most) {
        int[] now = new int[most.length];
        for (ThreadState t : s.threads()) {
            String place = StageGeometry.placeOf(t, s.gomaxprocs());
            for (int i = 0; i < most.length; i++) {
                if (StageGeometry.BOTTOM_ZONES[i].equals(place)) {
                    now[i]++;
                }
            }
        }
        for (int i = 0; i < most.length; i++) {
            most[i] = Math.max(most[i], now[i]);
        }
    }

    /** The most threads zone {@code i} holds, and at least {@code now}. */
    int most(int i, int now) {
        return Math.max(most[i], now);
    }
}
