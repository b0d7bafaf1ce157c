package dev.curtain.scenario;

import dev.curtain.engine.Durations;
import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Limits;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.program.Function;
import dev.curtain.engine.program.Statement;
import dev.curtain.engine.state.ThreadProps;
import java.util.List;

/**
 * Turns a {@link Scenario} into the document {@link ScenarioReader} reads back to an equal scenario. Fields that
 * hold their default are left out, so a saved file stays as short as one written by hand.
 */
final class ScenarioWriter {
    private ScenarioWriter() {
    }

    static Json.Obj write(Scenario s) {
        SimulationOptions o = s.options();
        Json.Obj top = new Json.Obj()
                .put("format", FormatV1.VERSION)
                .put("title", s.title());
        if (!s.description().isEmpty()) {
            top.put("description", s.description());
        }
        if (!s.author().isEmpty()) {
            top.put("author", s.author());
        }
        top.put("go", o.version().toString()).put("gomaxprocs", o.gomaxprocs()).put("seed", o.seed());
        if (o.asyncPreemptOff()) {
            top.put("asyncPreemptOff", true);
        }
        if (o.cgo()) {
            top.put("cgo", true);
        }
        if (o.runtimeBackground()) {
            top.put("runtimeBackground", true);
        }
        if (o.maxThreads() != SimulationOptions.DEFAULT_MAX_THREADS) {
            top.put("maxThreads", o.maxThreads());
        }
        if (o.host().limited()) {
            top.put("cpus", o.host().cpus());
            if (o.host().otherLoadPercent() > 0) {
                top.put("otherLoad", o.host().otherLoadPercent());
            }
        }
        top.put("limits", limits(o.limits()));
        if (!s.compare().isEmpty()) {
            Json.Arr a = new Json.Arr();
            for (GoVersion v : s.compare()) {
                a.add(v.toString());
            }
            top.put("compare", a);
        }
        top.put("process", process(s.program().baseline()));
        if (!s.program().channels().isEmpty()) {
            Json.Arr a = new Json.Arr();
            for (ChannelDecl c : s.program().channels()) {
                Json.Obj ch = new Json.Obj().put("name", c.name());
                if (c.capacity() != 0) {
                    ch.put("capacity", c.capacity());
                }
                a.add(ch);
            }
            top.put("channels", a);
        }
        Json.Obj functions = new Json.Obj();
        for (Function f : s.program().functions().values()) {
            functions.put(f.name(), body(f.body()));
        }
        top.put("functions", functions);
        if (!s.source().isEmpty()) {
            Json.Arr lines = new Json.Arr();
            for (String line : s.source().split("\n", -1)) {
                lines.add(line);
            }
            top.put("source", lines);
        }
        if (!s.cues().isEmpty()) {
            Json.Arr a = new Json.Arr();
            for (CuePoint c : s.cues()) {
                a.add(cue(c));
            }
            top.put("cues", a);
        }
        if (s.hints().theme() != null || !s.hints().panels().isEmpty()) {
            Json.Obj v = new Json.Obj().put("theme", s.hints().theme());
            if (!s.hints().panels().isEmpty()) {
                Json.Arr a = new Json.Arr();
                s.hints().panels().forEach(a::add);
                v.put("panels", a);
            }
            top.put("view", v);
        }
        return top;
    }

    /** Only the limits that differ from the defaults; null when none do. */
    private static Json.Obj limits(Limits l) {
        Limits d = Limits.DEFAULT;
        if (l.equals(d)) {
            return null;
        }
        Json.Obj o = new Json.Obj();
        if (l.maxEvents() != d.maxEvents()) {
            o.put("maxEvents", l.maxEvents());
        }
        if (l.maxTimeNs() != d.maxTimeNs()) {
            o.put("maxTime", Durations.format(l.maxTimeNs()));
        }
        if (l.maxGoroutines() != d.maxGoroutines()) {
            o.put("maxGoroutines", l.maxGoroutines());
        }
        if (l.maxCallDepth() != d.maxCallDepth()) {
            o.put("maxCallDepth", l.maxCallDepth());
        }
        return o;
    }

    /** Only the properties that differ from a root process on the host; null when none do. */
    private static Json.Obj process(ThreadProps p) {
        ThreadProps d = ThreadProps.rootOnHost();
        if (p.equals(d)) {
            return null;
        }
        Json.Obj o = new Json.Obj();
        if (p.uid() != d.uid()) {
            o.put("uid", p.uid());
        }
        if (p.gid() != d.gid()) {
            o.put("gid", p.gid());
        }
        if (p.caps() != d.caps()) {
            o.put("caps", ThreadProps.capsHex(p.caps()));
        }
        if (!p.netns().equals(d.netns())) {
            o.put("netns", p.netns());
        }
        if (!p.mntns().equals(d.mntns())) {
            o.put("mntns", p.mntns());
        }
        if (!p.utsns().equals(d.utsns())) {
            o.put("utsns", p.utsns());
        }
        if (p.nice() != d.nice()) {
            o.put("nice", p.nice());
        }
        if (p.sigmask() != d.sigmask()) {
            o.put("sigmask", ThreadProps.maskHex(p.sigmask()));
        }
        if (p.privateFs() != d.privateFs()) {
            o.put("privateFs", p.privateFs());
        }
        if (!p.cwd().equals(d.cwd())) {
            o.put("cwd", p.cwd());
        }
        return o;
    }

    private static Json.Obj cue(CuePoint c) {
        CueMatch m = c.match();
        Json.Obj when = new Json.Obj().put("event", m.event());
        if (m.g() != null) {
            when.put("g", m.g());
        }
        if (m.p() != null) {
            when.put("p", m.p());
        }
        if (m.m() != null) {
            when.put("m", m.m());
        }
        if (m.atNs() != null) {
            when.put("at", Durations.format(m.atNs()));
        }
        if (m.occurrence() != 1) {
            when.put("occurrence", m.occurrence());
        }
        Json.Obj o = new Json.Obj().put("id", c.id()).put("when", when).put("caption", c.caption());
        if (!c.notes().isEmpty()) {
            o.put("notes", c.notes());
        }
        if (c.pause()) {
            o.put("pause", true);
        }
        if (!c.highlight().isEmpty()) {
            Json.Arr a = new Json.Arr();
            c.highlight().forEach(a::add);
            o.put("highlight", a);
        }
        return o;
    }

    static Json.Arr body(List<Statement> body) {
        Json.Arr a = new Json.Arr();
        for (Statement st : body) {
            a.add(statement(st));
        }
        return a;
    }

    private static Json.Obj statement(Statement st) {
        OpFormat format = OpFormats.of(st.op().kind());
        Json.Obj o = new Json.Obj().put("op", format.key());
        format.write(st.op(), o);
        if (st.line() > 0) {
            o.put("line", st.line());
        }
        return o;
    }
}
