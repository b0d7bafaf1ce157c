package dev.curtain.view.model;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.EventText;
import dev.curtain.engine.event.Event.GoroutineCreated;
import dev.curtain.engine.event.Event.RuntimeStarted;
import dev.curtain.engine.event.Event.ThreadCloned;
import dev.curtain.engine.event.Event.ThreadPropertyChanged;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.GoroutineTable;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.importer.ImportFacts;
import dev.curtain.render.ZoneDemand;
import dev.curtain.scenario.Cues;
import dev.curtain.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The animator window's model: the scenario, its recording, where the viewer is, and everything the panels show
 * at that point (state, caption, what changed, thread rows, selection, source lines). The one place that reads
 * the engine's recording; views bind to these properties and call the commands.
 *
 * <p>The state shown at index {@code i} is always {@code recording.stateAt(i)}: stepping back is a seek, never
 * an undo, so what the window shows is exactly the engine's state at that point.
 */
public final class ViewerModel {
    /** Most history entries the inspector lists for one selection; a busy G in a long run has more. */
    static final int HISTORY_LIMIT = 2_000;

    private final SimulationRunner runner;
    private final EventExplainer explainer;
    private final Playback playback = new Playback();

    // ---- properties
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<SchedState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<Event> lastEvent = new ReadOnlyObjectWrapper<>(this, "lastEvent");
    private ZoneDemand zoneDemand;
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyBooleanWrapper atCue = new ReadOnlyBooleanWrapper(this, "atCue");
    private final ReadOnlyStringWrapper cueLabel = new ReadOnlyStringWrapper(this, "cueLabel", "");
    private final ReadOnlyObjectWrapper<Set<Entity>> changed = new ReadOnlyObjectWrapper<>(this, "changed", Set.of());
    private final ReadOnlyObjectWrapper<Set<Entity>> highlighted =
            new ReadOnlyObjectWrapper<>(this, "highlighted", Set.of());
    private final ObjectProperty<Entity> selection = new SimpleObjectProperty<>(this, "selection");
    private final ReadOnlyStringWrapper selectionTitle = new ReadOnlyStringWrapper(this, "selectionTitle", "");
    private final ReadOnlyObjectWrapper<GoVersion> version = new ReadOnlyObjectWrapper<>(this, "version");
    private final ReadOnlyIntegerWrapper gomaxprocs = new ReadOnlyIntegerWrapper(this, "gomaxprocs", 1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper imported = new ReadOnlyBooleanWrapper(this, "imported", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<int[]> cueIndices = new ReadOnlyObjectWrapper<>(this, "cueIndices", new int[0]);
    private final ReadOnlyObjectWrapper<int[]> divergenceIndices =
            new ReadOnlyObjectWrapper<>(this, "divergenceIndices", new int[0]);
    private final ReadOnlyObjectWrapper<Map<Integer, String>> activeLines =
            new ReadOnlyObjectWrapper<>(this, "activeLines", Map.of());

    private final RunEvents events = new RunEvents();
    private final ObservableList<ThreadRow> threads = FXCollections.observableArrayList();
    private final ObservableList<String> selectionDetails = FXCollections.observableArrayList();
    private final ObservableList<Event> selectionHistory = FXCollections.observableArrayList();
    private final ObservableList<String> sourceLines = FXCollections.observableArrayList();

    private Recording recording;
    /** What an import knows beyond the recording (real ids, what is inferred); NONE for a simulation. */
    private ImportFacts facts = ImportFacts.NONE;
    /** The selection's history must be rebuilt (a new run was installed). */
    private boolean historyStale;
    private List<Cues.Resolved> cues = List.of();
    /** Bumped by every simulation request, so a slow, superseded run cannot overwrite a newer one. */
    private int generation;

    public ViewerModel(SimulationRunner runner, EventExplainer explainer) {
        this.runner = runner;
        this.explainer = explainer;
        playback.indexProperty().addListener((o, a, b) -> showIndex(b.intValue()));
        selection.addListener((o, a, b) -> refreshSelection(true));
        playback.setPauseAt(this::isPausingCue);
    }

    // ======================================================================= properties

    public Playback playback() { return playback; }
    /** The run now shown, simulated or replayed from a log; null before the first one. */
    public Recording recording() { return recording; }
    /** The real ids and inferred steps of the imported run on show ({@link ImportFacts#NONE} for a simulation). */
    public ImportFacts facts() { return facts; }
    /** How this model simulates (a side-by-side comparison simulates the same way). */
    public SimulationRunner runner() { return runner; }
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() { return scenario.getReadOnlyProperty(); }
    public Scenario getScenario() { return scenario.get(); }
    /** The engine's state after the first {@code index} events. */
    public ReadOnlyObjectProperty<SchedState> stateProperty() { return state.getReadOnlyProperty(); }
    public SchedState getState() { return state.get(); }
    /** The event that led to the current state, or null at the start. */
    public ReadOnlyObjectProperty<Event> lastEventProperty() { return lastEvent.getReadOnlyProperty(); }
    public ReadOnlyStringProperty captionProperty() { return caption.getReadOnlyProperty(); }
    /** True when the caption is the author's, at a cue point. */
    public ReadOnlyBooleanProperty atCueProperty() { return atCue.getReadOnlyProperty(); }
    /** "cue 2 of 6" at a cue point, else "". */
    public ReadOnlyStringProperty cueLabelProperty() { return cueLabel.getReadOnlyProperty(); }
    /** The G, P and M the last event concerned: the stage highlights them. */
    public ReadOnlyObjectProperty<Set<Entity>> changedProperty() { return changed.getReadOnlyProperty(); }
    /** Entities the current cue asks to highlight. */
    public ReadOnlyObjectProperty<Set<Entity>> highlightedProperty() { return highlighted.getReadOnlyProperty(); }
    public ObjectProperty<Entity> selectionProperty() { return selection; }
    public ReadOnlyStringProperty selectionTitleProperty() { return selectionTitle.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<GoVersion> versionProperty() { return version.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty gomaxprocsProperty() { return gomaxprocs.getReadOnlyProperty(); }
    /** True while a simulation runs in the background. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** One line for the toolbar: event n of N and the simulated time (version and GOMAXPROCS have pickers). */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The index each cue shows at (state after its event), in cue order; the timeline marks them. */
    public ReadOnlyObjectProperty<int[]> cueIndicesProperty() { return cueIndices.getReadOnlyProperty(); }
    /** Indices after which some thread differs from the baseline in a new way; the timeline marks them red. */
    public ReadOnlyObjectProperty<int[]> divergenceIndicesProperty() { return divergenceIndices.getReadOnlyProperty(); }
    /** Source line (1-based) to the running goroutines on it, "G1, G4". */
    public ReadOnlyObjectProperty<Map<Integer, String>> activeLinesProperty() { return activeLines.getReadOnlyProperty(); }
    /** The whole event log of the current run, oldest first. */
    public ObservableList<Event> events() { return events; }
    /** One row per thread ever created, in M order. */
    public ObservableList<ThreadRow> threads() { return threads; }
    public ObservableList<String> selectionDetails() { return selectionDetails; }
    /** The events that concern the selection, oldest first. */
    public ObservableList<Event> selectionHistory() { return selectionHistory; }
    public ObservableList<String> sourceLines() { return sourceLines; }

    // ======================================================================= commands

    /**
     * Simulates {@code s} and shows its start, before the first event, where the window puts the lesson's title
     * card; on failure the current scenario stays.
     */
    public void open(Scenario s, Consumer<Throwable> onFailure) {
        simulate(s, rec -> {
            imported.set(false);
            facts = ImportFacts.NONE;
            install(s, rec, 0);
        }, onFailure);
    }

    /**
     * Shows a recording that was not simulated (a schedtrace log of a real run), starting at {@code at}.
     * {@code about} names it and carries its GOMAXPROCS; there is nothing to re-simulate, so the version and
     * GOMAXPROCS pickers are read-only while it is shown.
     */
    public void openRecording(Scenario about, Recording rec, int at) {
        openRecording(about, rec, at, ImportFacts.NONE);
    }

    /** {@link #openRecording(Scenario, Recording, int)} with what the import knows: real ids, inferred steps. */
    public void openRecording(Scenario about, Recording rec, int at, ImportFacts importFacts) {
        ++generation;
        busy.set(false);
        imported.set(true);
        facts = importFacts == null ? ImportFacts.NONE : importFacts;
        install(about, rec, at);
    }

    /** Whether the shown run is a replayed log rather than a simulation. */
    public ReadOnlyBooleanProperty importedProperty() {
        return imported.getReadOnlyProperty();
    }

    /**
     * Where a freshly opened scenario starts: right after the first goroutine starts running, so the stage shows
     * a process (a P, M0 and main) instead of an empty room. Home still goes back to before the first event.
     */
    public static int openingIndex(Recording rec) {
        for (int i = 0; i < rec.size(); i++) {
            if (rec.event(i) instanceof Event.GoroutineStarted) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Re-simulates the current scenario under another Go version and GOMAXPROCS, staying near the same point. */
    public void changeOptions(GoVersion v, int procs, Consumer<Throwable> onFailure) {
        Scenario current = scenario.get();
        if (imported.get()) {
            return;
        }
        if (current == null || (v.equals(current.options().version()) && procs == current.options().gomaxprocs())) {
            return;
        }
        Scenario next = current.withOptions(current.options().withVersion(v).withGomaxprocs(procs));
        RunAnchor anchor = anchor();
        boolean wasPlaying = playback.isPlaying();
        simulate(next, rec -> {
            install(next, rec, anchor.resolve(rec, Cues.resolve(rec, next.cues())));
            if (wasPlaying) {
                playback.play();
            }
        }, onFailure);
    }

    /** Shows the state right after event {@code eventIndex} (the event log and the history seek with this). */
    public void seekToEvent(int eventIndex) {
        playback.pause();
        playback.seek(eventIndex + 1);
    }

    public void select(Entity e) {
        selection.set(e);
    }

    /** The explanation of an event on its own, for log rows and tooltips. */
    public String describe(Event e) {
        return recording == null ? EventText.describe(e)
                : facts.eventText(e.seq(), explainer.explain(recording.events(), e.seq()));
    }

    /** Index of the cue the viewer is at or last passed, or -1. */
    public int currentCue() {
        int[] idx = cueIndices.get();
        int best = -1;
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] >= 0 && idx[i] <= playback.getIndex() && (best < 0 || idx[i] >= idx[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Jumps to the next cue after the current index (presenter's "next slide"); false if there is none. */
    public boolean nextCue() {
        int at = playback.getIndex();
        int best = Integer.MAX_VALUE;
        for (int i : cueIndices.get()) {
            if (i > at && i < best) {
                best = i;
            }
        }
        if (best == Integer.MAX_VALUE) {
            return false;
        }
        playback.pause();
        playback.seek(best);
        return true;
    }

    // ======================================================================= internals

    private void simulate(Scenario s, Consumer<Recording> then, Consumer<Throwable> onFailure) {
        int mine = ++generation;
        busy.set(true);
        runner.simulate(s, rec -> {
            if (mine != generation) {
                return;
            }
            busy.set(false);
            then.accept(rec);
        }, err -> {
            if (mine != generation) {
                return;
            }
            busy.set(false);
            onFailure.accept(err);
        });
    }

    /**
     * The most threads each zone of the stage holds at once over the run on show, so the stage sizes its zones
     * once for the run; null before a run is shown.
     */
    public ZoneDemand zoneDemand() {
        return zoneDemand;
    }

    /** Past this many events a run is sampled at evenly spaced points for its zone demand, not folded whole. */
    static final int DEMAND_FOLD_LIMIT = 200_000;

    private static ZoneDemand demandOf(Recording rec) {
        ZoneDemand.Tally tally = new ZoneDemand.Tally();
        if (rec.size() <= DEMAND_FOLD_LIMIT) {
            SchedState st = rec.stateAt(0);
            tally.add(st);
            for (int i = 1; i <= rec.size(); i++) {
                rec.advance(st, i);
                tally.add(st);
            }
        } else {
            for (int k = 0; k <= 400; k++) {
                tally.add(rec.stateAt((int) ((long) rec.size() * k / 400)));
            }
        }
        return tally.result();
    }

    private void install(Scenario s, Recording rec, int at) {
        resetState();
        zoneDemand = demandOf(rec);
        historyStale = true;
        recording = rec;
        cues = Cues.resolve(rec, s.cues());
        int[] ci = new int[cues.size()];
        for (int i = 0; i < ci.length; i++) {
            ci[i] = cues.get(i).matched() ? cues.get(i).eventIndex() + 1 : -1;
        }
        cueIndices.set(ci);
        divergenceIndices.set(divergences(rec));
        scenario.set(s);
        version.set(s.options().version());
        gomaxprocs.set(s.options().gomaxprocs());
        events.show(rec.events());
        sourceLines.setAll(s.source().isEmpty() ? List.of() : Arrays.asList(s.source().split("\n", -1)));
        if (!sourceLines.isEmpty() && sourceLines.get(sourceLines.size() - 1).isEmpty()) {
            sourceLines.remove(sourceLines.size() - 1);
        }
        Entity sel = selection.get();
        playback.load(rec.size(), at);
        showIndex(playback.getIndex());
        if (sel != null && !exists(sel)) {
            selection.set(null);
        }
    }

    /** Forgets the shown state, so the next index is read from the new recording, never folded from the old. */
    private void resetState() {
        state.set(null);
    }

    private boolean isPausingCue(int index) {
        int[] ci = cueIndices.get();
        for (int i = 0; i < ci.length; i++) {
            if (ci[i] == index && cues.get(i).cue().pause()) {
                return true;
            }
        }
        return false;
    }

    private void showIndex(int i) {
        if (recording == null) {
            return;
        }
        SchedState prev = state.get();
        SchedState s;
        if (prev != null && i > prev.eventCount() && i - prev.eventCount() <= 64
                && prev.eventCount() <= recording.size()) {
            // playing forward: fold the few new events into a copy, instead of restoring the nearest snapshot
            s = prev.copy();
            recording.advance(s, i);
        } else {
            s = recording.stateAt(i);
        }
        Event last = i > 0 ? recording.event(i - 1) : null;
        // what changed and the cue's highlights first: the stage reads them when the state arrives
        lastEvent.set(last);
        changed.set(concerns(last));
        updateCaption(i, last, s);
        state.set(s);
        List<ThreadRow> rows = new ArrayList<>(s.threads().size());
        for (ThreadState t : s.threads()) {
            rows.add(ThreadRow.of(t, s.gomaxprocs(), s.diverged(t.id())));
        }
        threads.setAll(rows);
        activeLines.set(activeLines(s));
        status.set(String.format(Locale.ROOT, "event %,d of %,d  ·  %s", i, recording.size(),
                Durations.format(s.timeNs())));
        refreshSelection(historyStale);
        historyStale = false;
    }

    private void updateCaption(int i, Event last, SchedState s) {
        int[] ci = cueIndices.get();
        for (int c = 0; c < ci.length; c++) {
            if (ci[c] == i && i > 0) {
                caption.set(cues.get(c).cue().caption());
                atCue.set(true);
                cueLabel.set("cue " + (c + 1) + " of " + ci.length);
                Set<Entity> hl = new LinkedHashSet<>();
                for (String h : cues.get(c).cue().highlight()) {
                    Entity e = Entity.parse(h);
                    if (e != null) {
                        hl.add(e);
                    }
                }
                highlighted.set(Set.copyOf(hl));
                return;
            }
        }
        atCue.set(false);
        cueLabel.set("");
        highlighted.set(Set.of());
        if (last == null) {
            Scenario sc = scenario.get();
            caption.set(sc == null ? "" : sc.title() + ": press → or Space to begin.");
        } else {
            caption.set(facts.caption(last.seq(), explainer.explain(recording.events(), last.seq())));
        }
    }

    static Set<Entity> concerns(Event e) {
        if (e == null) {
            return Set.of();
        }
        Set<Entity> out = new LinkedHashSet<>();
        if (e.g() > 0) {
            out.add(Entity.g(e.g()));
        }
        if (e.p() >= 0) {
            out.add(Entity.p(e.p()));
        }
        if (e.m() >= 0) {
            out.add(Entity.m(e.m()));
        }
        if (e instanceof GoroutineCreated c && c.parent() > 0) {
            out.add(Entity.g(c.parent()));
        }
        if (e instanceof ThreadCloned c && c.creator() >= 0) {
            out.add(Entity.m(c.creator()));
        }
        return Set.copyOf(out);
    }

    private static int[] divergences(Recording rec) {
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

    private static Map<Integer, String> activeLines(SchedState s) {
        Map<Integer, String> out = new TreeMap<>();
        GoroutineTable gs = s.goroutines();
        for (int g = 1; g < gs.size(); g++) {
            GStatus st = gs.status(g);
            if ((st == GStatus.RUNNING || st == GStatus.SYSCALL) && gs.line(g) > 0) {
                out.merge(gs.line(g), "G" + g, (a, b) -> a + ", " + b);
            }
        }
        return out;
    }

    private boolean exists(Entity e) {
        return SelectionText.exists(state.get(), e);
    }

    /**
     * Updates the selection's details for the current state; its history (a scan of the whole log) only when the
     * selection or the run changed, not at every step.
     */
    private void refreshSelection(boolean withHistory) {
        Entity e = selection.get();
        SchedState s = state.get();
        if (e == null || s == null || recording == null || !exists(e)) {
            selectionTitle.set("");
            selectionDetails.clear();
            selectionHistory.clear();
            return;
        }
        List<String> lines = ImportedText.selection(facts, e, SelectionText.describe(s, e));
        selectionTitle.set(lines.get(0));
        selectionDetails.setAll(lines.subList(1, lines.size()));
        if (withHistory) {
            selectionHistory.setAll(SelectionText.history(recording, e, HISTORY_LIMIT));
        }
    }

    /** Where the viewer is now, to come back to after a re-simulation under other options. */
    private RunAnchor anchor() {
        int at = playback.getIndex();
        int cue = currentCue();
        String cueId = cue >= 0 && cueIndices.get()[cue] == at ? cues.get(cue).cue().id() : null;
        return RunAnchor.at(recording, at, cueId);
    }
}
