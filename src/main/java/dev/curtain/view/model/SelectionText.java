package dev.curtain.view.model;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.GoroutineCreated;
import dev.curtain.engine.event.Event.ThreadCloned;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.GoroutineTable;
import dev.curtain.engine.state.ProcessorState;
import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.render.ThreadActivity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the inspector says about the selected G, P or M: a title and lines of details for a state, and its history
 * (the events that concern it) in a run. Pure functions of the engine's state and recording, so they are tested
 * without a toolkit; the {@link ViewerModel} keeps the selection and calls them when it or the state changes.
 */
final class SelectionText {
    private SelectionText() {
    }

    /** How the inspector marks one of the runtime's own goroutines, simulated or imported. */
    static final String RUNTIME_OWN = "the runtime's own goroutine (";

    /** Whether {@code e} exists in {@code s} (a G that has not been created yet does not). */
    static boolean exists(SchedState s, Entity e) {
        return switch (e.kind()) {
            case G -> s.goroutines().exists(e.id());
            case P -> e.id() < s.processors().size();
            case M -> e.id() < s.threads().size();
        };
    }

    /** The title ({@code "G2  ·  hello"}) and then the details of {@code e} in {@code s}; {@code e} must exist. */
    static List<String> describe(SchedState s, Entity e) {
        List<String> lines = new ArrayList<>();
        switch (e.kind()) {
            case G -> describeG(s, e.id(), lines);
            case P -> describeP(s, e.id(), lines);
            case M -> describeM(s, e.id(), lines);
        }
        return lines;
    }

    /** The events that concern {@code e} (a G's also where it was created), the first {@code limit} of them. */
    static List<Event> history(Recording recording, Entity e, int limit) {
        List<Event> out = new ArrayList<>();
        for (Event ev : recording.events()) {
            boolean hit = switch (e.kind()) {
                case G -> ev.g() == e.id() || (ev instanceof GoroutineCreated c && c.parent() == e.id());
                case P -> ev.p() == e.id();
                case M -> ev.m() == e.id() || (ev instanceof ThreadCloned c && c.creator() == e.id());
            };
            if (hit) {
                out.add(ev);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    private static void describeG(SchedState s, int g, List<String> out) {
        GoroutineTable gs = s.goroutines();
        out.add("G" + g + "  ·  " + gs.function(g));
        if (gs.isRuntime(g)) {
            out.add(RUNTIME_OWN + gs.function(g) + ")");
        }
        out.add("status: " + gs.status(g).key());
        out.add("where: " + gs.place(g));
        if (gs.status(g) == GStatus.WAITING && !gs.waitReason(g).text().isEmpty()) {
            out.add("waiting for: " + gs.waitReason(g).text());
        }
        if (gs.lockedM(g) >= 0) {
            out.add("locked to: M" + gs.lockedM(g) + " (depth " + gs.lockDepth(g) + ")");
        }
        if (gs.line(g) > 0) {
            out.add("source line: " + gs.line(g));
        }
        out.add("created by: " + (gs.parent(g) > 0 ? "G" + gs.parent(g) : "the runtime"));
    }

    private static void describeP(SchedState s, int p, List<String> out) {
        ProcessorState ps = s.processor(p);
        out.add("P" + p + (p >= s.gomaxprocs() ? "  ·  destroyed" : ""));
        out.add("status: " + ps.status().key());
        out.add("owned by: " + (ps.m() >= 0 ? "M" + ps.m() : "no thread"));
        out.add("runnext: " + (ps.runnext() > 0 ? "G" + ps.runnext() : "empty"));
        out.add("local run queue: " + ps.runqSize() + " of " + ProcessorState.RING);
        out.add("schedtick: " + ps.schedtick());
    }

    private static void describeM(SchedState s, int m, List<String> out) {
        ThreadState t = s.thread(m);
        out.add("M" + m + "  ·  " + t.role().key());
        out.add("state: " + ThreadActivity.of(t, s.gomaxprocs()).describe(t) + " (" + t.state().key() + ")");
        out.add("holds: " + (t.p() >= 0 ? "P" + t.p() : "no P"));
        out.add("running: " + (t.curg() > 0 ? "G" + t.curg() : "nothing"));
        if (t.lockedg() > 0) {
            out.add("locked to: G" + t.lockedg());
        }
        out.add("cloned from: " + (t.clonedFrom() >= 0 ? "M" + t.clonedFrom() : "(the process)")
                + (t.viaTemplate() ? " via the template thread" : ""));
        Set<Property> d = s.diverged(m);
        if (d.isEmpty()) {
            out.add("properties: same as the process");
        } else {
            StringBuilder b = new StringBuilder("differs: ");
            for (Property p : d) {
                b.append(p.key()).append('=').append(p.valueOf(t.props())).append("  ");
            }
            out.add(b.toString().trim());
        }
    }
}
