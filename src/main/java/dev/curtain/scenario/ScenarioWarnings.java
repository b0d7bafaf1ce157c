package dev.curtain.scenario;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.program.Function;
import dev.curtain.engine.program.Op;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.program.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Likely authoring mistakes in a scenario that is valid: a function nothing starts or calls, a channel nothing
 * uses, an op whose {@code line} does not hold its Go ({@link OpLineWarnings}), a cue that matches no event on any
 * Go version the lesson names. Reported as warnings; they do not make
 * a file invalid.
 */
public final class ScenarioWarnings {
    private ScenarioWarnings() {
    }

    /** Warnings for a loaded scenario, located where the file defines the thing warned about. */
    public static List<ScenarioError> check(LoadResult loaded) {
        Scenario s = loaded.orThrow();
        LoadResult.Positions at = loaded.positions();
        List<ScenarioError> out = new ArrayList<>();
        Program program = s.program();

        Set<String> reached = reachableFunctions(program);
        for (String f : program.functions().keySet()) {
            if (!reached.contains(f)) {
                out.add(warning(at, at.functions().get(f), "warning: function \"" + f
                        + "\" is never started, called or deferred from main"));
            }
        }
        Set<String> usedChannels = new LinkedHashSet<>();
        for (Function f : program.functions().values()) {
            collectChannels(f.body(), usedChannels);
        }
        program.channels().forEach(c -> {
            if (!usedChannels.contains(c.name())) {
                out.add(warning(at, at.channels().get(c.name()), "warning: channel \"" + c.name()
                        + "\" is never sent to or received from"));
            }
        });

        out.addAll(OpLineWarnings.check(s, at));

        List<GoVersion> versions = new ArrayList<>();
        versions.add(s.options().version());
        s.compare().forEach(v -> {
            if (!versions.contains(v)) {
                versions.add(v);
            }
        });
        boolean[] matched = new boolean[s.cues().size()];
        for (GoVersion v : versions) {
            Recording rec = Simulator.run(program, s.options().withVersion(v));
            List<Cues.Resolved> resolved = Cues.resolve(rec, s.cues());
            for (int i = 0; i < matched.length; i++) {
                matched[i] |= resolved.get(i).matched();
            }
        }
        for (int i = 0; i < matched.length; i++) {
            if (!matched[i]) {
                CuePoint c = s.cues().get(i);
                out.add(warning(at, at.cues().get(c.id()), "warning: cue \"" + c.id() + "\" matches no event on Go "
                        + String.join(", ", versions.stream().map(GoVersion::toString).toList())
                        + " with seed " + s.options().seed()));
            }
        }
        return out;
    }

    private static ScenarioError warning(LoadResult.Positions at, Json.Loc loc, String message) {
        Json.Loc l = loc == null ? Json.Loc.NOWHERE : loc;
        return new ScenarioError(at.file(), Math.max(1, l.line()), Math.max(1, l.column()), l.path(), message);
    }

    /** Functions reachable from main (and init) through go, call and defer. */
    static Set<String> reachableFunctions(Program program) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(Program.MAIN);
        if (program.hasFunction(Program.INIT)) {
            todo.add(Program.INIT);
        }
        while (!todo.isEmpty()) {
            String f = todo.poll();
            if (!seen.add(f) || !program.hasFunction(f)) {
                continue;
            }
            List<String> refs = new ArrayList<>();
            collectFunctions(program.function(f).body(), refs);
            todo.addAll(refs);
        }
        return seen;
    }

    private static void collectFunctions(List<Statement> body, List<String> out) {
        for (Statement st : body) {
            Op op = st.op();
            if (op instanceof Op.Go g) {
                out.add(g.function());
            } else if (op instanceof Op.Call c) {
                out.add(c.function());
            } else if (op instanceof Op.Defer d) {
                out.add(d.function());
            } else if (op instanceof Op.Loop l) {
                collectFunctions(l.body(), out);
            }
        }
    }

    private static void collectChannels(List<Statement> body, Set<String> out) {
        for (Statement st : body) {
            Op op = st.op();
            if (op instanceof Op.Send s) {
                out.add(s.channel());
            } else if (op instanceof Op.Receive r) {
                out.add(r.channel());
            } else if (op instanceof Op.Loop l) {
                collectChannels(l.body(), out);
            }
        }
    }
}
