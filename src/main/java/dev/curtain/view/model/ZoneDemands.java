package dev.curtain.view.model;

import dev.curtain.engine.Recording;
import dev.curtain.engine.state.SchedState;
import dev.curtain.render.ZoneDemand;

/**
 * The most threads each zone of the stage holds at once over a run, so the stage sizes its zones once for the run
 * instead of moving them between steps.
 */
final class ZoneDemands {
    /** Past this many events a run is sampled at evenly spaced points, not folded whole. */
    static final int FOLD_LIMIT = 200_000;
    /** How many evenly spaced points a long run is sampled at (both ends included). */
    static final int SAMPLES = 400;

    private ZoneDemands() {
    }

    static ZoneDemand of(Recording rec) {
        ZoneDemand.Tally tally = new ZoneDemand.Tally();
        if (rec.size() <= FOLD_LIMIT) {
            SchedState st = rec.stateAt(0);
            tally.add(st);
            for (int i = 1; i <= rec.size(); i++) {
                rec.advance(st, i);
                tally.add(st);
            }
        } else {
            for (int k = 0; k <= SAMPLES; k++) {
                tally.add(rec.stateAt((int) ((long) rec.size() * k / SAMPLES)));
            }
        }
        return tally.result();
    }
}
