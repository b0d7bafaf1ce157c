package dev.curtain.view.model;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Two runs of one scenario under two Go version profiles, kept in step. The left run leads (it plays and steps);
 * the right one follows it, either by cue (the same cue last passed, and as many events after it) or by simulated
 * time (the last event at or before the left's time). A seek on the right (a click on its timeline) leads the
 * left the same way back.
 *
 * <p>The moments where the runs differ are found by lining the two runs up like two texts in a diff, event kind
 * (type and runtime function) against event kind ({@link RunAlignment}): each stretch of one run that has no
 * counterpart in the other is where the versions' rules part ways (a thread killed, a template thread asked, a
 * goroutine preempted), and its first event gets a marker. Runs too different to line up within the alignment's
 * memory cap fall back to a cruder rule: the first event of each kind beyond the other run's count of that kind.
 */
public final class CompareModel {
    /** How the right run follows the left. */
    public enum Sync { CUE, TIME }

    private final ViewerModel left;
    private final ViewerModel right;
    private final ObjectProperty<Sync> sync = new SimpleObjectProperty<>(this, "sync", Sync.CUE);
    private final ReadOnlyObjectWrapper<int[]> leftDifferences = new ReadOnlyObjectWrapper<>(this, "leftDifferences",
            new int[0]);
    private final ReadOnlyObjectWrapper<int[]> rightDifferences = new ReadOnlyObjectWrapper<>(this,
            "rightDifferences", new int[0]);
    private boolean following;

    public CompareModel(ViewerModel left, ViewerModel right) {
        this.left = left;
        this.right = right;
        left.playback().indexProperty().addListener((o, a, b) -> follow(left, right));
        right.playback().indexProperty().addListener((o, a, b) -> {
            if (!right.playback().isPlaying()) {
                follow(right, left);
            }
        });
        sync.addListener((o, a, b) -> follow(left, right));
        left.scenarioProperty().addListener((o, a, b) -> compareRuns());
        right.scenarioProperty().addListener((o, a, b) -> compareRuns());
    }

    public ViewerModel left() { return left; }
    public ViewerModel right() { return right; }
    public ObjectProperty<Sync> syncProperty() { return sync; }
    /** Playback indices (event index + 1) of the left run's events that the right run lacks. */
    public ReadOnlyObjectProperty<int[]> leftDifferencesProperty() { return leftDifferences.getReadOnlyProperty(); }
    /** Playback indices of the right run's events that the left run lacks. */
    public ReadOnlyObjectProperty<int[]> rightDifferencesProperty() { return rightDifferences.getReadOnlyProperty(); }

    // ---- commands

    /** Simulates {@code s} under both versions; each side opens at its opening frame, then the right follows. */
    public void open(Scenario s, GoVersion a, GoVersion b, Consumer<Throwable> onFailure) {
        left.open(s.withOptions(s.options().withVersion(a)), onFailure);
        right.open(s.withOptions(s.options().withVersion(b)), onFailure);
        follow(left, right);
    }

    public void stepForward() { left.playback().stepForward(); }
    public void stepBack() { left.playback().stepBack(); }
    public void togglePlay() { left.playback().togglePlay(); }
    public void restart() { left.playback().restart(); }

    /** Both runs to the next cue the left run reaches. */
    public boolean nextCue() {
        return left.nextCue();
    }

    // ---- internals

    private void follow(ViewerModel lead, ViewerModel other) {
        if (following || lead.getScenario() == null || other.getScenario() == null) {
            return;
        }
        following = true;
        try {
            other.playback().seek(sync.get() == Sync.CUE ? byCue(lead, other) : byTime(lead, other));
        } finally {
            following = false;
        }
    }

    /** The same cue last passed (matched by id), and as many events after it, but not past the next cue. */
    static int byCue(ViewerModel lead, ViewerModel other) {
        int index = lead.playback().getIndex();
        int cue = lead.currentCue();
        if (cue < 0) {
            return Math.min(index, firstCueIndex(other, other.playback().getSize()));
        }
        String id = lead.getScenario().cues().get(cue).id();
        int leadAt = lead.cueIndicesProperty().get()[cue];
        int otherAt = cueIndex(other, id);
        if (otherAt < 0) {
            return byTime(lead, other);
        }
        int target = otherAt + (index - leadAt);
        return Math.min(target, nextCueAfter(other, otherAt));
    }

    private static int cueIndex(ViewerModel m, String id) {
        List<dev.curtain.scenario.CuePoint> cues = m.getScenario().cues();
        int[] at = m.cueIndicesProperty().get();
        for (int i = 0; i < cues.size() && i < at.length; i++) {
            if (cues.get(i).id().equals(id)) {
                return at[i];
            }
        }
        return -1;
    }

    private static int firstCueIndex(ViewerModel m, int otherwise) {
        int best = otherwise;
        for (int i : m.cueIndicesProperty().get()) {
            if (i >= 0 && i < best) {
                best = i;
            }
        }
        return best;
    }

    private static int nextCueAfter(ViewerModel m, int at) {
        int best = m.playback().getSize();
        for (int i : m.cueIndicesProperty().get()) {
            if (i > at && i < best) {
                best = i;
            }
        }
        return best;
    }

    /** The last index whose event happened at or before the lead's simulated time. */
    static int byTime(ViewerModel lead, ViewerModel other) {
        int index = lead.playback().getIndex();
        long t = index == 0 ? Long.MIN_VALUE : lead.events().get(index - 1).timeNs();
        List<Event> events = other.events();
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).timeNs() <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void compareRuns() {
        if (left.recording() == null || right.recording() == null) {
            return;
        }
        // read from the recordings: a model sets its scenario before its event list, and this runs on the scenario
        List<String> a = kinds(left.recording());
        List<String> b = kinds(right.recording());
        Optional<RunAlignment.Unmatched> aligned = RunAlignment.align(a, b);
        if (aligned.isPresent()) {
            leftDifferences.set(RunAlignment.stretchStarts(aligned.get().a()));
            rightDifferences.set(RunAlignment.stretchStarts(aligned.get().b()));
        } else {
            leftDifferences.set(unmatched(a, b));
            rightDifferences.set(unmatched(b, a));
        }
        follow(left, right);
    }

    /** Playback indices of the first event of each kind in {@code a} beyond the number of that kind in {@code b}. */
    static int[] unmatched(List<String> a, List<String> b) {
        Map<String, Integer> inB = new HashMap<>();
        for (String k : b) {
            inB.merge(k, 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String k = a.get(i);
            int n = seen.merge(k, 1, Integer::sum);
            if (n == inB.getOrDefault(k, 0) + 1) {
                out.add(i + 1);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<String> kinds(Recording rec) {
        List<String> out = new ArrayList<>(rec.size());
        for (int i = 0; i < rec.size(); i++) {
            out.add(kind(rec.event(i)));
        }
        return out;
    }

    private static String kind(Event e) {
        return e.getClass().getSimpleName() + "/" + e.fn().goName();
    }
}
