package dev.curtain.view.model;

import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import java.util.ArrayList;
import java.util.List;

/** The inspector's thread table for one state: a row per thread ever created, exited ones too, in M order. */
final class ThreadRows {
    private ThreadRows() {
    }

    static List<ThreadRow> of(SchedState s) {
        List<ThreadRow> rows = new ArrayList<>(s.threads().size());
        for (ThreadState t : s.threads()) {
            rows.add(ThreadRow.of(t, s.gomaxprocs(), s.diverged(t.id())));
        }
        return rows;
    }
}
