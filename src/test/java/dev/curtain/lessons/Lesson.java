package dev.curtain.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Recording;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.scenario.Exploration;
import dev.curtain.scenario.LoadResult;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioFiles;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A built-in lesson loaded from the jar's resources, with helpers to run it and read what happened. */
final class Lesson {
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
        return Simulator.run(scenario.program(), options(version));
    }

    Recording run(SimulationOptions options) {
        return Simulator.run(scenario.program(), options);
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
