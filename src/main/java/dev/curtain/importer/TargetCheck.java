package dev.curtain.importer;

import dev.curtain.engine.event.Place;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where the live state differs from a target after planning: empty when the planner reached it. */
final class TargetCheck {
    private TargetCheck() {
    }

    static List<String> differences(Target t, SchedState s) {
        List<String> out = new ArrayList<>();
        if (s.gomaxprocs() != t.gomaxprocs) {
            out.add("gomaxprocs " + s.gomaxprocs() + " != " + t.gomaxprocs);
            return out;
        }
        for (int p = 0; p < t.gomaxprocs; p++) {
            PStatus st = s.processor(p).status();
            if (st != t.pStatus[p] || s.processor(p).m() != t.pOwner[p]) {
                out.add("P" + p + " " + st + "/M" + s.processor(p).m() + " != " + t.pStatus[p] + "/M" + t.pOwner[p]);
            }
        }
        for (int m = 0; m < t.threadCount; m++) {
            if (m >= s.threads().size()) {
                out.add("M" + m + " missing");
                continue;
            }
            ThreadState th = s.thread(m);
            if (th.alive() != t.alive[m]) {
                out.add("M" + m + " alive=" + th.alive());
                continue;
            }
            if (!th.alive()) {
                continue;
            }
            boolean stateOk = th.state() == t.mState[m];
            if (!stateOk || th.p() != t.mP[m] || th.curg() != t.mCurg[m] || th.lockedg() != t.mLocked[m]) {
                out.add("M" + m + " " + th.state() + " p=" + th.p() + " curg=" + th.curg() + " lockedg="
                        + th.lockedg() + " != " + t.mState[m] + " p=" + t.mP[m] + " curg=" + t.mCurg[m]
                        + " lockedg=" + t.mLocked[m]);
            }
        }
        for (Map.Entry<Integer, Place> e : t.places.entrySet()) {
            int g = e.getKey();
            if (!s.goroutines().exists(g)) {
                out.add("G" + g + " missing");
            } else if (!s.goroutines().place(g).equals(e.getValue())) {
                out.add("G" + g + " at " + s.goroutines().place(g) + " != " + e.getValue());
            }
        }
        return out;
    }

}
