package dev.curtain.view.model;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.EventText;
import dev.curtain.engine.state.SchedState;
import dev.curtain.importer.ImportFacts;
import dev.curtain.render.ZoneDemand;
import dev.curtain.scenario.Scenario;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The animator window's model, which the window binds to: the scenario, its recording, where the viewer is, and
 * what every panel shows there. It composes the parts that do the work, each tested on its own without a toolkit:
 * {@link RunSimulation} runs the engine, {@link ShownState} reads the state at an index, {@link Captions} says
 * what the caption bar shows, {@link Selection} what the inspector shows about the selection, {@link ThreadRows}
 * its thread table, {@link SourceLines} the source pane, {@link RunCues} where the cues fall, and
 * {@link RunAnchor} where to come back to after re-running under other options.
 *
 * <p>The state shown at index {@code i} is always {@code recording.stateAt(i)}: stepping back is a seek, never
 * an undo, so what the window shows is exactly the engine's state at that point.
 */
public final class ViewerModel {
    private final RunSimulation simulation;
    private final EventExplainer explainer;
    private final Playback playback = new Playback();
    private final Captions captions;
    private final Selection selection = new Selection();
    private final SourceLines source = new SourceLines();

    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<SchedState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<Event> lastEvent = new ReadOnlyObjectWrapper<>(this, "lastEvent");
    private final ReadOnlyObjectWrapper<Set<Entity>> changed = new ReadOnlyObjectWrapper<>(this, "changed", Set.of());
    private final ReadOnlyObjectWrapper<GoVersion> version = new ReadOnlyObjectWrapper<>(this, "version");
    private final ReadOnlyIntegerWrapper gomaxprocs = new ReadOnlyIntegerWrapper(this, "gomaxprocs", 1);
    private final ReadOnlyBooleanWrapper imported = new ReadOnlyBooleanWrapper(this, "imported", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<int[]> cueIndices = new ReadOnlyObjectWrapper<>(this, "cueIndices", new int[0]);
    private final ReadOnlyObjectWrapper<int[]> divergenceIndices =
            new ReadOnlyObjectWrapper<>(this, "divergenceIndices", new int[0]);
    private final RunEvents events = new RunEvents();
    private final ObservableList<ThreadRow> threads = FXCollections.observableArrayList();

    private Recording recording;
    /** What an import knows beyond the recording (real ids, what is inferred); NONE for a simulation. */
    private ImportFacts facts = ImportFacts.NONE;
    private RunCues cues = RunCues.NONE;
    private ZoneDemand zoneDemand;
    /** The selection's history must be rebuilt (a new run was installed). */
    private boolean historyStale;
    /**
     * The step ahead of the one on show, read early by {@link #upcomingState}: its index, its state, and what the
     * panels will show of it (the thread table's rows, the status line, the source lines marked, the caption), all
     * worked out in a frame between moves.
     */
    private SchedState ahead;
    private int aheadIndex = -1;
    private List<ThreadRow> aheadRows;
    private String aheadStatus;
    private Map<Integer, String> aheadLines;
    private String aheadCaption;

    public ViewerModel(SimulationRunner runner, EventExplainer explainer) {
        this.simulation = new RunSimulation(runner);
        this.explainer = explainer;
        this.captions = new Captions(explainer);
        playback.indexProperty().addListener((o, a, b) -> showIndex(b.intValue()));
        selection.selectedProperty().addListener((o, a, b) -> selection.refresh(state.get(), recording, true, facts));
        playback.setPauseAt(i -> cues.pausesAt(i));
    }

    // ======================================================================= properties

    public Playback playback() { return playback; }
    /** The run now shown, simulated or replayed from a log; null before the first one. */
    public Recording recording() { return recording; }
    /** The real ids and inferred steps of the imported run on show ({@link ImportFacts#NONE} for a simulation). */
    public ImportFacts facts() { return facts; }
    /** How this model simulates (a side-by-side comparison simulates the same way). */
    public SimulationRunner runner() { return simulation.runner(); }
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() { return scenario.getReadOnlyProperty(); }
    public Scenario getScenario() { return scenario.get(); }
    /** The engine's state after the first {@code index} events. */
    public ReadOnlyObjectProperty<SchedState> stateProperty() { return state.getReadOnlyProperty(); }
    public SchedState getState() { return state.get(); }
    /** The event that led to the current state, or null at the start. */
    public ReadOnlyObjectProperty<Event> lastEventProperty() { return lastEvent.getReadOnlyProperty(); }
    public ReadOnlyStringProperty captionProperty() { return captions.captionProperty(); }
    /** True when the caption is the author's, at a cue point. */
    public ReadOnlyBooleanProperty atCueProperty() { return captions.atCueProperty(); }
    /** "cue 2 of 6" at a cue point, else "". */
    public ReadOnlyStringProperty cueLabelProperty() { return captions.cueLabelProperty(); }
    /** The G, P and M the last event concerned: the stage highlights them. */
    public ReadOnlyObjectProperty<Set<Entity>> changedProperty() { return changed.getReadOnlyProperty(); }
    /** Entities the current cue asks to highlight. */
    public ReadOnlyObjectProperty<Set<Entity>> highlightedProperty() { return captions.highlightedProperty(); }
    public ObjectProperty<Entity> selectionProperty() { return selection.selectedProperty(); }
    public ReadOnlyStringProperty selectionTitleProperty() { return selection.titleProperty(); }
    public ReadOnlyObjectProperty<GoVersion> versionProperty() { return version.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty gomaxprocsProperty() { return gomaxprocs.getReadOnlyProperty(); }
    /** True while a simulation runs in the background. */
    public ReadOnlyBooleanProperty busyProperty() { return simulation.busyProperty(); }
    /** One line for the toolbar: event n of N and the simulated time (version and GOMAXPROCS have pickers). */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The index each cue shows at (state after its event), in cue order; the timeline marks them. */
    public ReadOnlyObjectProperty<int[]> cueIndicesProperty() { return cueIndices.getReadOnlyProperty(); }
    /** Indices after which some thread differs from the baseline in a new way; the timeline marks them red. */
    public ReadOnlyObjectProperty<int[]> divergenceIndicesProperty() { return divergenceIndices.getReadOnlyProperty(); }
    /**
     * The state one step forward will show (null at the end): the stage reads it in the frames between moves and
     * prepares its pictures, so the frame on which the next event lands has less to do. Reading it early costs
     * nothing later: the step shows this very state.
     */
    public SchedState upcomingState() {
        int i = playback.getIndex() + 1;
        if (recording == null || state.get() == null || i > recording.size()) {
            return null;
        }
        if (aheadIndex != i || ahead == null) {
            ahead = ShownState.at(recording, state.get(), i);
            aheadIndex = i;
            aheadRows = ThreadRows.of(ahead);
            aheadStatus = statusLine(i, ahead);
            aheadLines = SourceLines.activeLines(ahead);
            aheadCaption = captions.eventCaption(recording.event(i - 1), recording, facts);
        }
        return ahead;
    }

    /** What the cue shown with {@link #upcomingState} will highlight (none when no cue is shown there). */
    public Set<Entity> upcomingHighlighted() {
        int i = playback.getIndex() + 1;
        if (recording == null || i > recording.size()) {
            return Set.of();
        }
        int c = cues.shownAt(i);
        return c >= 0 ? Captions.highlights(cues.cue(c)) : Set.of();
    }

    /** What the stage will ring as changed once {@link #upcomingState} is shown. */
    public Set<Entity> upcomingChanged() {
        int i = playback.getIndex() + 1;
        return recording == null || i > recording.size() ? Set.of() : ChangedEntities.of(recording.event(i - 1));
    }

    /** Source line (1-based) to the running goroutines on it, "G1, G4". */
    public ReadOnlyObjectProperty<Map<Integer, String>> activeLinesProperty() { return source.activeProperty(); }
    /** The whole event log of the current run, oldest first. */
    public ObservableList<Event> events() { return events; }
    /** One row per thread ever created, in M order. */
    public ObservableList<ThreadRow> threads() { return threads; }
    public ObservableList<String> selectionDetails() { return selection.details(); }
    /** The events that concern the selection, oldest first. */
    public ObservableList<Event> selectionHistory() { return selection.history(); }
    public ObservableList<String> sourceLines() { return source.lines(); }
    /** Whether the shown run is a replayed log rather than a simulation. */
    public ReadOnlyBooleanProperty importedProperty() { return imported.getReadOnlyProperty(); }

    /**
     * The most threads each zone of the stage holds at once over the run on show, so the stage sizes its zones
     * once for the run; null before a run is shown.
     */
    public ZoneDemand zoneDemand() {
        return zoneDemand;
    }

    // ======================================================================= commands

    /**
     * Simulates {@code s} and shows its start, before the first event, where the window puts the lesson's title
     * card; on failure the current scenario stays.
     */
    public void open(Scenario s, Consumer<Throwable> onFailure) {
        simulation.run(s, rec -> {
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
        simulation.supersede();
        imported.set(true);
        facts = importFacts == null ? ImportFacts.NONE : importFacts;
        install(about, rec, at);
    }

    /**
     * Where a freshly opened scenario starts: right after the first goroutine starts running, so the stage shows
     * a process (a P, M0 and main) instead of an empty room. Home still goes back to before the first event.
     */
    public static int openingIndex(Recording rec) {
        return RunAnchor.openingIndex(rec);
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
        rerun(current.withOptions(current.options().withVersion(v).withGomaxprocs(procs)), onFailure);
    }

    /**
     * Re-simulates the current scenario with another seed (the toolbar's seed, a run the Explore panel opens),
     * staying near the same point as after a change of version.
     */
    public void changeSeed(long seed, Consumer<Throwable> onFailure) {
        Scenario current = scenario.get();
        if (imported.get() || current == null || current.options().seed() == seed) {
            return;
        }
        rerun(current.withOptions(current.options().withSeed(seed)), onFailure);
    }

    /** Shows the state right after event {@code eventIndex} (the event log and the history seek with this). */
    public void seekToEvent(int eventIndex) {
        playback.pause();
        playback.seek(eventIndex + 1);
    }

    public void select(Entity e) {
        selection.selectedProperty().set(e);
    }

    /** The explanation of an event on its own, for log rows and tooltips. */
    public String describe(Event e) {
        return recording == null ? EventText.describe(e)
                : facts.eventText(e.seq(), explainer.explain(recording.events(), e.seq()));
    }

    /** Index of the cue the viewer is at or last passed, or -1. */
    public int currentCue() {
        return cues.currentAt(playback.getIndex());
    }

    /** Jumps to the next cue after the current index (presenter's "next slide"); false if there is none. */
    public boolean nextCue() {
        int next = cues.nextAfter(playback.getIndex());
        if (next < 0) {
            return false;
        }
        playback.pause();
        playback.seek(next);
        return true;
    }

    // ======================================================================= internals

    /** Simulates {@code next}, a variant of the scenario on show, and comes back to the same point in its run. */
    private void rerun(Scenario next, Consumer<Throwable> onFailure) {
        RunAnchor anchor = RunAnchor.at(recording, playback.getIndex(), cues.idExactlyAt(playback.getIndex()));
        boolean wasPlaying = playback.isPlaying();
        simulation.run(next, rec -> {
            RunCues there = RunCues.resolve(rec, next.cues());
            install(next, rec, there, anchor.resolve(rec, there.resolved()));
            if (wasPlaying) {
                playback.play();
            }
        }, onFailure);
    }

    private void install(Scenario s, Recording rec, int at) {
        install(s, rec, RunCues.resolve(rec, s.cues()), at);
    }

    private void install(Scenario s, Recording rec, RunCues runCues, int at) {
        // forget the shown state, so the next index is read from the new recording, never folded from the old
        state.set(null);
        ahead = null;
        aheadIndex = -1;
        zoneDemand = ZoneDemands.of(rec);
        historyStale = true;
        recording = rec;
        cues = runCues;
        cueIndices.set(runCues.indices());
        divergenceIndices.set(Divergences.indices(rec));
        scenario.set(s);
        version.set(s.options().version());
        gomaxprocs.set(s.options().gomaxprocs());
        events.show(rec.events());
        source.load(s.source());
        playback.load(rec.size(), at);
        showIndex(playback.getIndex());
        selection.dropIfAbsentFrom(state.get());
    }

    private String statusLine(int i, SchedState s) {
        return String.format(Locale.ROOT, "event %,d of %,d  ·  %s", i, recording.size(), Durations.format(s.timeNs()));
    }

    private void showIndex(int i) {
        if (recording == null) {
            return;
        }
        boolean early = i == aheadIndex && ahead != null;
        SchedState s = early ? ahead : ShownState.at(recording, state.get(), i);
        List<ThreadRow> rows = early ? aheadRows : ThreadRows.of(s);
        String line = early ? aheadStatus : statusLine(i, s);
        Map<Integer, String> lines = early ? aheadLines : SourceLines.activeLines(s);
        String told = early ? aheadCaption : null;
        ahead = null;
        aheadIndex = -1;
        Event last = i > 0 ? recording.event(i - 1) : null;
        // what changed and the cue's highlights first: the stage reads them when the state arrives
        lastEvent.set(last);
        changed.set(ChangedEntities.of(last));
        captions.show(i, last, cues, scenario.get(), recording, facts, told);
        state.set(s);
        if (!rows.equals(threads)) {
            // an event that leaves every thread as it was spares the table its refresh
            threads.setAll(rows);
        }
        source.follow(lines);
        status.set(line);
        selection.refresh(s, recording, historyStale, facts);
        historyStale = false;
    }
}
