package dev.curtain.view.model;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.RuntimeStarted;
import dev.curtain.engine.event.Event.ThreadPropertyChanged;
import dev.curtain.engine.state.ThreadProps;
import java.util.ArrayList;
import java.util.List;

/** Where a run's threads start to differ from the process: the timeline marks these points red. */
final class Divergences {
    private Divergences() {
    }

    /** The index after each event that set a thread's property to a value other than the process baseline's. */
    static int[] indices(Recording rec) {
        ThreadProps baseline = null;
        List<Integer> out = new ArrayList<>();
        for (Event e : rec.events()) {
            if (e instanceof RuntimeStarted r) {
                baseline = r.baseline();
            } else if (e instanceof ThreadPropertyChanged c && baseline != null
                    && c.property().differs(c.after(), baseline)) {
                out.add(c.seq() + 1);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
