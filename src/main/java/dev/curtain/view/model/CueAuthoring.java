package dev.curtain.view.model;

import dev.curtain.engine.event.Event;
import dev.curtain.scenario.CueMatch;
import dev.curtain.scenario.CuePoint;
import dev.curtain.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Writing a cue at the event on screen: how the file names that event (its kind and which occurrence of that kind
 * it is, so the cue still finds it after the author edits the program elsewhere), and putting the cue into the
 * scenario in event order, replacing the one it edits.
 */
public final class CueAuthoring {
    private CueAuthoring() {
    }

    /** The match for {@code events.get(index)}: the n-th event of its kind. */
    public static CueMatch matchFor(List<Event> events, int index) {
        String kind = events.get(index).getClass().getSimpleName();
        int n = 0;
        for (int i = 0; i <= index; i++) {
            if (events.get(i).getClass().getSimpleName().equals(kind)) {
                n++;
            }
        }
        return CueMatch.ofEvent(kind, n);
    }

    /** The cue that sits on event {@code index}, or -1 ({@code cueIndices} are playback indices, event + 1). */
    public static int cueAt(int[] cueIndices, int index) {
        for (int i = 0; i < cueIndices.length; i++) {
            if (cueIndices[i] == index + 1) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The scenario with {@code cue} in place of cue number {@code replacing} (or added when -1), the cues kept in
     * the order of the events they sit on ({@code at}: each existing cue's playback index, -1 if unmatched, which
     * keep their place at the end).
     */
    public static Scenario put(Scenario s, int[] at, int replacing, CuePoint cue, int cueEventIndex) {
        record Placed(CuePoint cue, int at) {
        }
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < s.cues().size(); i++) {
            if (i != replacing) {
                placed.add(new Placed(s.cues().get(i), i < at.length ? at[i] : -1));
            }
        }
        placed.add(new Placed(cue, cueEventIndex + 1));
        placed.sort((a, b) -> Integer.compare(a.at() < 0 ? Integer.MAX_VALUE : a.at(),
                b.at() < 0 ? Integer.MAX_VALUE : b.at()));
        return s.withCues(placed.stream().map(Placed::cue).toList());
    }

    /** An id not yet used in {@code s}, from the event kind: "thread-cloned-2". */
    public static String freshId(Scenario s, Event e) {
        String base = e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        for (int n = 1; ; n++) {
            String id = base + "-" + n;
            if (s.cues().stream().noneMatch(c -> c.id().equals(id))) {
                return id;
            }
        }
    }
}
