package dev.curtain.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A moment the author marks: when it is reached, the caption shows, playback may pause, entities light up.
 *
 * @param id a short name, unique in the scenario (used by render --from/--to)
 * @param match which event it belongs to
 * @param caption large text for the audience
 * @param notes speaker notes (presenter's second screen); "" if none
 * @param pause whether playback pauses here
 * @param highlight entities to highlight, written "G3", "P0", "M2"
 */
public record CuePoint(String id, CueMatch match, String caption, String notes, boolean pause,
                       List<String> highlight) {
    public CuePoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(notes, "notes");
        highlight = List.copyOf(highlight);
    }
}
