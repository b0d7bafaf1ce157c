package dev.curtain.export;

import dev.curtain.scenario.CuePoint;
import dev.curtain.view.model.ViewerModel;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which part of a run to export, in playback indices: from a cue (or the opening frame, where the app starts) to a
 * cue (or the end). Cues are named by their id, as in the scenario file.
 */
public record ExportRange(int from, int to, Set<Integer> pauses) {
    public ExportRange {
        pauses = Set.copyOf(pauses);
    }

    /**
     * Resolves {@code fromCue} and {@code toCue} (null = the opening frame / the end) against the run the model
     * shows; unknown or unreached cues are an {@link IllegalArgumentException} that lists the cues there are.
     */
    public static ExportRange of(ViewerModel model, String fromCue, String toCue) {
        List<CuePoint> cues = model.getScenario().cues();
        int[] at = model.cueIndicesProperty().get();
        int from = fromCue == null ? model.playback().getIndex() : indexOf(cues, at, fromCue, "--from");
        int to = toCue == null ? model.playback().getSize() : indexOf(cues, at, toCue, "--to");
        if (to < from) {
            throw new IllegalArgumentException("cue '" + toCue + "' (event " + to + ") comes before the start of the"
                    + " range (event " + from + ")");
        }
        Set<Integer> pauses = new TreeSet<>();
        for (int i = 0; i < cues.size(); i++) {
            if (cues.get(i).pause() && at[i] > from && at[i] <= to) {
                pauses.add(at[i]);
            }
        }
        return new ExportRange(from, to, pauses);
    }

    private static int indexOf(List<CuePoint> cues, int[] at, String id, String option) {
        for (int i = 0; i < cues.size(); i++) {
            if (cues.get(i).id().equals(id)) {
                if (at[i] < 0) {
                    throw new IllegalArgumentException(option + ": cue '" + id + "' is not reached in this run");
                }
                return at[i];
            }
        }
        String known = cues.isEmpty() ? "the scenario has no cues"
                : "its cues are " + cues.stream().map(CuePoint::id).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(option + ": no cue '" + id + "'; " + known);
    }

    /** The frames to export at {@code fps}. */
    public FramePlan plan(int fps) {
        return FramePlan.of(from, to, fps, pauses);
    }
}
