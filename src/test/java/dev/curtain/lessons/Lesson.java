package dev.curtain.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Recording;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.Invariants;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.scenario.CuePoint;
import dev.curtain.scenario.Cues;
import dev.curtain.scenario.Exploration;
import dev.curtain.scenario.LoadResult;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A built-in lesson loaded from the jar's resources, with helpers to run it and read what happened. */
final class Lesson {
    /** How many seeds a claim about what can (or cannot) happen is checked over. */
    static final int SEEDS = 50;

    final String file;
    final Scenario scenario;

    private Lesson(String file, Scenario scenario) {
        this.file = file;
        this.scenario = scenario;
    }

    static Lesson load(String file) {
        LoadResult r = ScenarioFiles.loadResource(file);
        assertThat(r.errors()).as(file).isEmpty();
        return new Lesson(file, r.scenario());
    }

    SimulationOptions options(String version) {
        return scenario.options().withVersion(GoVersion.parse(version));
    }

    Recording run(String version) {
        return Simulator.runChecked(scenario.program(), options(version));
    }

    Recording run(SimulationOptions options) {
        return Simulator.runChecked(scenario.program(), options);
    }

    /** The versions the lesson offers: its own {@code go}, then its {@code compare} list. */
    List<GoVersion> profiles() {
        List<GoVersion> out = new ArrayList<>();
        out.add(scenario.options().version());
        for (GoVersion v : scenario.compare()) {
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** The lesson's own seed and the {@link #SEEDS} - 1 after it. */
    List<Long> seeds() {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < SEEDS; i++) {
            out.add(scenario.options().seed() + i);
        }
        return out;
    }

    /** One run of the lesson on {@code v} with {@code seed}, checked against the invariants after every event. */
    Run play(GoVersion v, long seed) {
        Recording rec = Simulator.runChecked(scenario.program(), scenario.options().withVersion(v).withSeed(seed));
        checkInvariants(rec, file + " on Go " + v + " seed " + seed);
        return new Run(this, v, seed, rec);
    }

    /** Folds the log event by event and checks every invariant after each (docs/engine.md). */
    static void checkInvariants(Recording rec, String what) {
        SchedState s = new SchedState();
        for (Event e : rec.events()) {
            s.apply(e);
            List<String> v = Invariants.violations(s);
            assertThat(v).as(what + ": invariants after event " + e.seq() + " " + e).isEmpty();
        }
    }

    /** A played run: its log, and where each of the lesson's cues falls in it. */
    static final class Run {
        final Lesson lesson;
        final GoVersion version;
        final long seed;
        final Recording rec;
        private final List<Cues.Resolved> cues;

        Run(Lesson lesson, GoVersion version, long seed, Recording rec) {
            this.lesson = lesson;
            this.version = version;
            this.seed = seed;
            this.rec = rec;
            this.cues = Cues.resolve(rec, lesson.scenario.cues());
        }

        /** "06-….json on Go 1.9 seed 3", for assertion messages. */
        String where() {
            return lesson.file + " on Go " + version + " seed " + seed;
        }

        String where(String cue) {
            return where() + ", cue " + cue;
        }

        boolean shows(String cueId) {
            return resolved(cueId).matched();
        }

        /** The event cue {@code cueId} falls on; fails when the cue matches nothing in this run. */
        <E extends Event> E cue(String cueId, Class<E> type) {
            Cues.Resolved r = resolved(cueId);
            assertThat(r.matched()).as(where(cueId) + " matches an event").isTrue();
            Event e = rec.event(r.eventIndex());
            assertThat(e).as(where(cueId)).isInstanceOf(type);
            return type.cast(e);
        }

        private Cues.Resolved resolved(String cueId) {
            for (Cues.Resolved r : cues) {
                if (r.cue().id().equals(cueId)) {
                    return r;
                }
            }
            throw new AssertionError(lesson.file + " has no cue " + cueId + "; it has "
                    + lesson.scenario.cues().stream().map(CuePoint::id).toList());
        }

        /** The state just after {@code e}. */
        SchedState after(Event e) {
            return rec.stateAt(e.seq() + 1);
        }

        /** The state just before {@code e}. */
        SchedState before(Event e) {
            return rec.stateAt(e.seq());
        }

        <E extends Event> List<E> all(Class<E> type) {
            return events(rec, type);
        }

        <E extends Event> List<E> all(Class<E> type, Predicate<E> which) {
            return events(rec, type, which);
        }

        <E extends Event> E first(Class<E> type, Predicate<E> which) {
            return Lesson.first(rec, type, which);
        }

        List<Event.ObservationMade> observations(String detail) {
            return Lesson.observations(rec, detail);
        }
    }

    Exploration.Report explore(String version, int runs) {
        SimulationOptions o = options(version);
        return Exploration.explore(scenario, o, o.seed(), runs);
    }

    static <E extends Event> List<E> events(Recording rec, Class<E> type) {
        return rec.events().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    static <E extends Event> List<E> events(Recording rec, Class<E> type, Predicate<E> which) {
        return events(rec, type).stream().filter(which).collect(Collectors.toList());
    }

    static <E extends Event> E first(Recording rec, Class<E> type, Predicate<E> which) {
        List<E> all = events(rec, type, which);
        assertThat(all).as("a " + type.getSimpleName() + " matching the lesson's point").isNotEmpty();
        return all.get(0);
    }

    /** The observations whose detail is {@code detail}. */
    static List<Event.ObservationMade> observations(Recording rec, String detail) {
        return events(rec, Event.ObservationMade.class, o -> o.detail().equals(detail));
    }

    static List<ThreadState> liveThreads(Recording rec) {
        SchedState end = rec.finalState();
        return end.threads().stream().filter(ThreadState::alive).collect(Collectors.toList());
    }
}
