package dev.curtain.render;

import dev.curtain.engine.Recording;
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
    /** Past this many events, the run is sampled at evenly spaced points instead of folded event by event. */
    static final int FOLD_LIMIT = 200_000;
    static final int SAMPLES = 400;

    public ZoneDemand {
        most = most.clone();
    }

    /** The demand of one state alone (what a single picture needs). */
    public static ZoneDemand of(SchedState s) {
        int[] most = new int[StageGeometry.BOTTOM_ZONES.length];
        count(s, most);
        return new ZoneDemand(most);
    }

    /** The most threads each zone holds at once over {@code r}. */
    public static ZoneDemand of(Recording r) {
        int[] most = new int[StageGeometry.BOTTOM_ZONES.length];
        if (r.size() <= FOLD_LIMIT) {
            SchedState s = r.stateAt(0);
            count(s, most);
            for (int i = 1; i <= r.size(); i++) {
                r.advance(s, i);
                count(s, most);
            }
        } else {
            for (int k = 0; k <= SAMPLES; k++) {
                count(r.stateAt((int) ((long) r.size() * k / SAMPLES)), most);
            }
        }
        return new ZoneDemand(most);
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
