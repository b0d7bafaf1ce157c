package dev.curtain.engine;

import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.ObservationMade;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.program.Function;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.state.Invariants;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadProps;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Test harness: runs a program and checks every invariant after every event, so each test also proves the
 * run was consistent all the way through. Helpers find events by type and condition.
 */
final class Sim {
    final Recording rec;

    private Sim(Recording rec) {
        this.rec = rec;
    }

    static Program program(List<ChannelDecl> channels, Function... functions) {
        return new Program(List.of(functions), channels, ThreadProps.rootOnHost());
    }

    static Program program(Function... functions) {
        return program(List.of(), functions);
    }

    static SimulationOptions opts(String version, int gomaxprocs) {
        return SimulationOptions.defaults().withVersion(GoVersion.parse(version)).withGomaxprocs(gomaxprocs)
                .withLimits(Limits.DEFAULT.withMaxTimeNs(2_000_000_000L));
    }

    static Sim run(Program p, SimulationOptions o) {
        Recording r = Simulator.runChecked(p, o);
        SchedState s = new SchedState();
        for (Event e : r.events()) {
            s.apply(e);
            Invariants.check(s);
        }
        return new Sim(r);
    }

    Outcome outcome() {
        return rec.outcome();
    }

    SchedState end() {
        return rec.finalState();
    }

    <E extends Event> List<E> all(Class<E> type) {
        List<E> out = new ArrayList<>();
        for (Event e : rec.events()) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    <E extends Event> List<E> all(Class<E> type, Predicate<E> p) {
        List<E> out = new ArrayList<>();
        for (E e : all(type)) {
            if (p.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    <E extends Event> E first(Class<E> type, Predicate<E> p) {
        for (E e : all(type)) {
            if (p.test(e)) {
                return e;
            }
        }
        return null;
    }

    List<ObservationMade> observations() {
        return all(ObservationMade.class);
    }

    List<ObservationMade> prints(String text) {
        return all(ObservationMade.class, o -> o.detail().equals(text));
    }

    /** The state just after event {@code e}. */
    SchedState after(Event e) {
        return rec.stateAt(e.seq() + 1);
    }

    String dump() {
        StringBuilder b = new StringBuilder();
        for (Event e : rec.events()) {
            b.append(Durations.human(e.timeNs())).append(' ').append(e).append('\n');
        }
        return b.toString();
    }
}
