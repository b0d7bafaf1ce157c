package dev.curtain.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Limits;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.program.CloneFlag;
import dev.curtain.engine.program.CredentialCall;
import dev.curtain.engine.program.Function;
import dev.curtain.engine.program.Namespace;
import dev.curtain.engine.program.ObservationKind;
import dev.curtain.engine.program.Op;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.program.SigHow;
import dev.curtain.engine.program.Statement;
import dev.curtain.engine.state.ThreadProps;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any scenario the format can express survives load → save → load unchanged, and its JSON text is a fixed point
 * of the writer. Scenarios are generated from every operation, option and cue field.
 */
class ScenarioRoundTripProperties {
    private static final List<String> FUNCTIONS = List.of("main", "worker", "init", "helper", "ns.Do");
    private static final List<String> CHANNELS = List.of("done", "jobs", "c2");

    @Property(tries = 300)
    void saveThenLoadGivesAnEqualScenario(@ForAll("scenarios") Scenario s) {
        String json = ScenarioFiles.toJson(s);
        LoadResult back = ScenarioFiles.parse(json, "generated.json");
        assertThat(back.errors()).isEmpty();
        assertThat(back.scenario()).isEqualTo(s);
        assertThat(ScenarioFiles.toJson(back.scenario())).isEqualTo(json);
    }

    @Property(tries = 200)
    void noDocumentMakesTheReaderThrow(@ForAll("mutatedDocuments") String doc) {
        LoadResult r = ScenarioFiles.parse(doc, "fuzz.json");
        assertThat(r.ok() || !r.errors().isEmpty()).isTrue();
        r.errors().forEach(e -> assertThat(e.format()).startsWith("fuzz.json:"));
    }

    @Provide
    Arbitrary<String> mutatedDocuments() {
        String base = ScenarioFiles.toJson(ScenarioFiles.loadDefault().orThrow());
        return Arbitraries.integers().between(0, base.length() - 1).list().ofMinSize(1).ofMaxSize(4)
                .flatMap(cuts -> Arbitraries.of("", "{", "}", "[", "]", ",", "\"", "1", "null", "\"x\"", ":", "-1",
                        "1e999", "\\u0000").list().ofSize(cuts.size()).map(ins -> {
                            StringBuilder sb = new StringBuilder(base);
                            for (int i = 0; i < cuts.size(); i++) {
                                int at = Math.min(cuts.get(i), sb.length());
                                sb.replace(at, Math.min(at + 1, sb.length()), ins.get(i));
                            }
                            return sb.toString();
                        }));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars('é', '→', '\t', '"', '\\')
                .ofMaxLength(30);
        Arbitrary<SimulationOptions> options = Combinators.combine(
                Arbitraries.integers().between(5, 26).map(GoVersion::new),
                Arbitraries.integers().between(1, 64),
                Arbitraries.longs(),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 20_000),
                limits()).as(SimulationOptions::new)
                .flatMap(o -> hosts().map(o::withHost));
        Arbitrary<List<String>> sourceLines = text.map(t -> t.replace("\n", " ")).list().ofMaxSize(12);
        return Combinators.combine(text.filter(t -> !t.isBlank()), text, text, options, programs(), sourceLines,
                        cues().list().ofMaxSize(4), versions())
                .as((title, desc, author, opts, program, lines, cues, compare) -> {
                    // A source of one empty line is no source at all: statements may then point at no line.
                    String source = String.join("\n", lines);
                    int usable = source.isEmpty() ? 0 : lines.size();
                    return new Scenario(title, desc, author, opts, withLinesWithin(program, usable), source,
                            uniqueIds(cues), compare, new ViewHints(null, List.of()));
                })
                .flatMap(s -> hints().map(h -> new Scenario(s.title(), s.description(), s.author(), s.options(),
                        s.program(), s.source(), s.cues(), s.compare(), h)));
    }

    /** No host, or 1 to 8 CPUs with any other load: "cpus" and "otherLoad" must survive the round trip. */
    private Arbitrary<dev.curtain.engine.Host> hosts() {
        return Arbitraries.integers().between(0, 8).flatMap(c -> c == 0
                ? Arbitraries.just(dev.curtain.engine.Host.UNLIMITED)
                : Arbitraries.integers().between(0, dev.curtain.engine.Host.MAX_OTHER_LOAD)
                        .map(l -> new dev.curtain.engine.Host(c, l)));
    }

    private Arbitrary<Limits> limits() {
        return Combinators.combine(Arbitraries.longs().between(1, 20_000_000),
                        Arbitraries.longs().between(1, 3_600_000_000_000L), Arbitraries.integers().between(1, 1_000_000),
                        Arbitraries.integers().between(1, 10_000)).as(Limits::new);
    }

    private Arbitrary<List<GoVersion>> versions() {
        return Arbitraries.integers().between(5, 26).set().ofMaxSize(4)
                .map(set -> set.stream().sorted().map(GoVersion::new).toList());
    }

    private Arbitrary<ViewHints> hints() {
        return Combinators.combine(Arbitraries.of("light", "dark", "projector").injectNull(0.3),
                        Arbitraries.subsetOf("inspector", "source", "log", "timeline").map(ArrayList::new))
                .as(ViewHints::new);
    }

    private Arbitrary<CuePoint> cues() {
        Arbitrary<CueMatch> match = Combinators.combine(
                Arbitraries.of(FormatV1.eventNames()).injectNull(0.3),
                Arbitraries.integers().between(0, 50).injectNull(0.6),
                Arbitraries.integers().between(0, 8).injectNull(0.6),
                Arbitraries.integers().between(0, 12).injectNull(0.6),
                Arbitraries.longs().between(0, 1_000_000_000L).injectNull(0.6),
                Arbitraries.integers().between(1, 9)).as(CueMatch::new)
                .filter(m -> m.event() != null || m.g() != null || m.p() != null || m.m() != null || m.atNs() != null);
        Arbitrary<List<String>> highlight = Arbitraries.of("G1", "G12", "P0", "P3", "M0", "M7").list().ofMaxSize(3);
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                match, Arbitraries.strings().ofMaxLength(40), Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of(true, false), highlight).as(CuePoint::new);
    }

    private static List<CuePoint> uniqueIds(List<CuePoint> cues) {
        List<CuePoint> out = new ArrayList<>();
        for (int i = 0; i < cues.size(); i++) {
            CuePoint c = cues.get(i);
            out.add(new CuePoint(c.id() + "-" + i, c.match(), c.caption(), c.notes(), c.pause(), c.highlight()));
        }
        return out;
    }

    private Arbitrary<Program> programs() {
        Arbitrary<ThreadProps> baseline = Combinators.combine(
                Arbitraries.integers().between(0, 70_000), Arbitraries.integers().between(0, 70_000),
                Arbitraries.longs().between(0, ThreadProps.ALL_CAPS), Arbitraries.of("host", "container", "n1"),
                Arbitraries.of("host", "m2"), Arbitraries.of("host", "u3"), Arbitraries.integers().between(-20, 19),
                Arbitraries.longs()).as((uid, gid, caps, net, mnt, uts, nice, mask) ->
                        new ThreadProps(uid, gid, caps, net, mnt, uts, nice, mask, false, "/"));
        Arbitrary<ThreadProps> withFs = Combinators.combine(baseline, Arbitraries.of(true, false),
                Arbitraries.of("/", "/tmp", "/srv/x")).as((p, fs, cwd) -> p.withPrivateFs(fs, cwd));
        Arbitrary<List<Function>> functions = Arbitraries.subsetOf(FUNCTIONS.subList(1, FUNCTIONS.size()))
                .flatMap(extra -> {
                    List<String> names = new ArrayList<>(List.of("main"));
                    names.addAll(extra.stream().sorted().toList());
                    return body(2).list().ofSize(names.size()).map(bodies -> {
                        List<Function> fs = new ArrayList<>();
                        for (int i = 0; i < names.size(); i++) {
                            fs.add(new Function(names.get(i), bodies.get(i)));
                        }
                        return fs;
                    });
                });
        return Combinators.combine(functions, withFs).as((fs, props) -> new Program(fs,
                CHANNELS.stream().map(c -> new ChannelDecl(c, c.length())).toList(), props))
                .map(ScenarioRoundTripProperties::onlyKnownFunctions);
    }

    /** Replaces references to functions the generated program does not define with "main". */
    private static Program onlyKnownFunctions(Program p) {
        List<Function> fs = new ArrayList<>();
        for (Function f : p.functions().values()) {
            fs.add(new Function(f.name(), fix(f.body(), p)));
        }
        return new Program(fs, p.channels(), p.baseline());
    }

    private static List<Statement> fix(List<Statement> body, Program p) {
        List<Statement> out = new ArrayList<>();
        for (Statement st : body) {
            Op op = st.op();
            Op fixed = op;
            if (op instanceof Op.Go g && !p.hasFunction(g.function())) {
                fixed = new Op.Go("main");
            } else if (op instanceof Op.Call c && !p.hasFunction(c.function())) {
                fixed = new Op.Call("main");
            } else if (op instanceof Op.Defer d && !p.hasFunction(d.function())) {
                fixed = new Op.Defer("main");
            } else if (op instanceof Op.Loop l) {
                fixed = new Op.Loop(l.times(), fix(l.body(), p));
            }
            out.add(new Statement(fixed, st.line()));
        }
        return out;
    }

    private static Program withLinesWithin(Program p, int lines) {
        List<Function> fs = new ArrayList<>();
        for (Function f : p.functions().values()) {
            fs.add(new Function(f.name(), clampLines(f.body(), lines)));
        }
        return new Program(fs, p.channels(), p.baseline());
    }

    private static List<Statement> clampLines(List<Statement> body, int lines) {
        List<Statement> out = new ArrayList<>();
        for (Statement st : body) {
            Op op = st.op() instanceof Op.Loop l ? new Op.Loop(l.times(), clampLines(l.body(), lines)) : st.op();
            out.add(new Statement(op, lines == 0 ? 0 : st.line() % (lines + 1)));
        }
        return out;
    }

    private Arbitrary<List<Statement>> body(int depth) {
        return statement(depth).list().ofMaxSize(6);
    }

    private Arbitrary<Statement> statement(int depth) {
        Arbitrary<Op> op = depth > 0 ? Arbitraries.oneOf(simpleOp(), loop(depth)) : simpleOp();
        return Combinators.combine(op, Arbitraries.integers().between(0, 40)).as(Statement::new);
    }

    private Arbitrary<Op> loop(int depth) {
        return Combinators.combine(Arbitraries.longs().between(-1, 1000), body(depth - 1)).as(Op.Loop::new);
    }

    private Arbitrary<Op> simpleOp() {
        Arbitrary<Long> dur = Arbitraries.longs().between(0, 3_600_000_000_000L);
        Arbitrary<String> fn = Arbitraries.of(FUNCTIONS);
        Arbitrary<String> ch = Arbitraries.of(CHANNELS);
        Arbitrary<String> name = Arbitraries.strings().ofMinLength(1).ofMaxLength(12);
        return Arbitraries.oneOf(
                Combinators.combine(dur, Arbitraries.of(true, false)).as(Op.Compute::new),
                fn.map(Op.Go::new), fn.map(Op.Call::new), fn.map(Op.Defer::new),
                Combinators.combine(name, dur).as(Op.Syscall::new),
                Combinators.combine(name, dur).as(Op.RawSyscall::new),
                Combinators.combine(name, dur).as(Op.NetWait::new),
                dur.map(Op.Sleep::new), ch.map(Op.Send::new), ch.map(Op.Receive::new),
                Arbitraries.of(new Op.Gosched(), new Op.LockOSThread(), new Op.UnlockOSThread(), new Op.Recover(),
                        new Op.Return()),
                Combinators.combine(Arbitraries.of(Namespace.class), Arbitraries.of("host", "container", "ns-1"))
                        .as(Op.Setns::new),
                Arbitraries.of(CloneFlag.class).map(Op.Unshare::new),
                Arbitraries.integers().between(-20, 19).map(Op.SetPriority::new),
                Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE),
                        Arbitraries.of(CredentialCall.class)).as(Op.SetUid::new),
                Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE),
                        Arbitraries.of(CredentialCall.class)).as(Op.SetGid::new),
                Arbitraries.longs().map(Op.Capset::new),
                Combinators.combine(Arbitraries.of(SigHow.class), Arbitraries.longs()).as(Op.Sigprocmask::new),
                name.map(Op.Chdir::new), Arbitraries.strings().ofMaxLength(20).map(Op.Panic::new),
                Arbitraries.integers().between(0, 255).map(Op.Exit::new),
                Combinators.combine(Arbitraries.of(ObservationKind.class), Arbitraries.strings().ofMaxLength(15))
                        .as(Op.Observe::new),
                Arbitraries.integers().between(1, 4096).map(Op.SetGomaxprocs::new),
                Arbitraries.integers().between(1, 1_000_000).map(Op.SetMaxThreads::new));
    }
}
