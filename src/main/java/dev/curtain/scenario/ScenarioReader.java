package dev.curtain.scenario;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Host;
import dev.curtain.engine.Limits;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.program.Function;
import dev.curtain.engine.program.Op;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.program.Statement;
import dev.curtain.engine.state.ThreadProps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a parsed document ({@link Json}) into a {@link Scenario}, collecting every error with its location rather
 * than stopping at the first. Checks run in two passes: the shape of every value first, then references (functions,
 * channels, source lines) once everything they can refer to is known.
 */
final class ScenarioReader {
    private static final Pattern CUE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern ENTITY = Pattern.compile("[GPM](0|[1-9][0-9]{0,6})");

    private final String file;
    private final FieldReader fields;
    private final Map<String, Json.Loc> cuePositions = new LinkedHashMap<>();
    private final Map<String, Json.Loc> functionPositions = new LinkedHashMap<>();
    private final Map<String, Json.Loc> channelPositions = new LinkedHashMap<>();
    /** References checked once all functions and channels are read. */
    private final List<Ref> functionRefs = new ArrayList<>();
    private final List<Ref> channelRefs = new ArrayList<>();
    private final List<Ref> lineRefs = new ArrayList<>();
    /** Each statement with a line and where its line is written, for the op-line warnings. */
    private final List<LoadResult.StatementLine> statementLines = new ArrayList<>();
    private int statements;
    private boolean tooManyStatements;

    private record Ref(String name, Json.Loc loc, int line) {
    }

    ScenarioReader(String file) {
        this.file = file;
        this.fields = new FieldReader(file);
    }

    /** The typed access the operations' readers ({@link OpFormat}) use. */
    FieldReader fields() {
        return fields;
    }

    LoadResult read(Json root) {
        Scenario s = null;
        if (!(root instanceof Json.Obj top)) {
            fields.error(root.loc(), "a scenario is a JSON object, found " + root.typeName());
        } else {
            s = scenario(top);
        }
        if (!fields.errors().isEmpty() || s == null) {
            List<ScenarioError> sorted = new ArrayList<>(fields.errors());
            sorted.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                    : Integer.compare(a.column(), b.column()));
            return LoadResult.failed(sorted, file);
        }
        return LoadResult.ok(s, new LoadResult.Positions(file, cuePositions, functionPositions, channelPositions,
                statementLines));
    }

    // ---- the document --------------------------------------------------------------------------------------

    private Scenario scenario(Json.Obj top) {
        fields.onlyKnown(top, FormatV1.TOP_LEVEL, "a scenario");
        Integer format = fields.integer(top, "format", 0, Integer.MAX_VALUE, null, true);
        if (format != null && format != FormatV1.VERSION) {
            fields.error(top.get("format").loc(), "unsupported format version " + format + " (this Curtain reads version "
                    + FormatV1.VERSION + ")");
            return null;
        }
        String title = fields.string(top, "title", null, true);
        if (title != null && title.isBlank()) {
            fields.error(top.get("title").loc(), "the title must not be empty");
        }
        String description = fields.string(top, "description", "", false);
        String author = fields.string(top, "author", "", false);
        GoVersion version = version(top.get("go"), GoVersion.GO_1_14);
        Long seed = fields.longValue(top, "seed", Long.MIN_VALUE, Long.MAX_VALUE, 1L);
        int maxProcs = Math.min(4096, version.maxGomaxprocs());
        Integer gomaxprocs = fields.integer(top, "gomaxprocs", 1, maxProcs, 4, false);
        Boolean asyncOff = fields.bool(top, "asyncPreemptOff", false);
        Boolean cgo = fields.bool(top, "cgo", false);
        Boolean background = fields.bool(top, "runtimeBackground", false);
        Integer maxThreads = fields.integer(top, "maxThreads", 1, 1_000_000, SimulationOptions.DEFAULT_MAX_THREADS, false);
        Host host = host(top);
        Limits limits = limits(top.get("limits"));
        List<GoVersion> compare = compare(top.get("compare"), gomaxprocs);
        ThreadProps baseline = process(top.get("process"));
        String source = source(top.get("source"));
        List<ChannelDecl> channels = channels(top.get("channels"));
        List<Function> functions = functions(top);
        List<CuePoint> cues = cues(top.get("cues"));
        ViewHints hints = view(top.get("view"));

        checkReferences(source);
        if (!fields.errors().isEmpty()) {
            return null;
        }
        SimulationOptions options = new SimulationOptions(version, gomaxprocs, seed, asyncOff, cgo, maxThreads,
                limits, background, host == null ? Host.UNLIMITED : host);
        Program program = new Program(functions, channels, baseline);
        return new Scenario(title, description, author, options, program, source, cues, compare, hints);
    }

    /** "cpus" and "otherLoad": the host the threads share (absent: a CPU for every thread). */
    private Host host(Json.Obj top) {
        Integer cpus = fields.integer(top, "cpus", 1, Host.MAX_CPUS, 0, false);
        Integer load = fields.integer(top, "otherLoad", 0, Host.MAX_OTHER_LOAD, 0, false);
        if (cpus == null || load == null) {
            return null;
        }
        if (cpus == 0 && top.has("otherLoad")) {
            fields.error(top.get("otherLoad").loc(), "\"otherLoad\" is a share of the host's CPUs: it needs \"cpus\"");
            return null;
        }
        return new Host(cpus, load);
    }

    private GoVersion version(Json v, GoVersion fallback) {
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Json.Str s)) {
            fields.error(v.loc(), "a Go version is a string like \"1.10\", found " + v.typeName());
            return fallback;
        }
        try {
            return GoVersion.parse(s.value());
        } catch (IllegalArgumentException e) {
            fields.error(v.loc(), e.getMessage() + " (Curtain imitates Go 1.5 to 1.26; profiles 1.9, 1.10, 1.14, 1.26)");
            return fallback;
        }
    }

    private Limits limits(Json v) {
        Limits d = Limits.DEFAULT;
        if (v == null) {
            return d;
        }
        Json.Obj o = fields.object(v, "limits");
        if (o == null) {
            return d;
        }
        fields.onlyKnown(o, FormatV1.LIMITS, "limits");
        Long events = fields.longValue(o, "maxEvents", 1, FormatV1.MAX_EVENTS_LIMIT, d.maxEvents());
        Long time = fields.duration(o, "maxTime", 1, FormatV1.MAX_DURATION_NS, d.maxTimeNs(), false);
        Integer goroutines = fields.integer(o, "maxGoroutines", 1, 1_000_000, d.maxGoroutines(), false);
        Integer depth = fields.integer(o, "maxCallDepth", 1, 10_000, d.maxCallDepth(), false);
        if (events == null || time == null || goroutines == null || depth == null) {
            return d;
        }
        return new Limits(events, time, goroutines, depth);
    }

    private List<GoVersion> compare(Json v, Integer gomaxprocs) {
        List<GoVersion> out = new ArrayList<>();
        Json.Arr a = fields.array(v, "compare");
        if (a == null) {
            return out;
        }
        for (Json item : a.items()) {
            GoVersion g = version(item, null);
            if (g == null) {
                continue;
            }
            if (out.contains(g)) {
                fields.error(item.loc(), "Go " + g + " is listed twice");
            } else if (gomaxprocs != null && gomaxprocs > g.maxGomaxprocs()) {
                fields.error(item.loc(), "Go " + g + " allows GOMAXPROCS up to " + g.maxGomaxprocs() + ", and \"gomaxprocs\""
                        + " is " + gomaxprocs + ": it cannot be compared at this size");
            } else {
                out.add(g);
            }
        }
        return out;
    }

    private ThreadProps process(Json v) {
        ThreadProps d = ThreadProps.rootOnHost();
        if (v == null) {
            return d;
        }
        Json.Obj o = fields.object(v, "process");
        if (o == null) {
            return d;
        }
        fields.onlyKnown(o, FormatV1.PROCESS, "process");
        Integer uid = fields.integer(o, "uid", 0, Integer.MAX_VALUE, d.uid(), false);
        Integer gid = fields.integer(o, "gid", 0, Integer.MAX_VALUE, d.gid(), false);
        Long caps = fields.hex(o, "caps", d.caps());
        String netns = fields.name(o, "netns", d.netns());
        String mntns = fields.name(o, "mntns", d.mntns());
        String utsns = fields.name(o, "utsns", d.utsns());
        Integer nice = fields.integer(o, "nice", -20, 19, d.nice(), false);
        Long sigmask = fields.hex(o, "sigmask", d.sigmask());
        Boolean privateFs = fields.bool(o, "privateFs", d.privateFs());
        String cwd = fields.string(o, "cwd", d.cwd(), false);
        if (cwd != null && !cwd.startsWith("/")) {
            fields.error(o.get("cwd").loc(), "cwd must be an absolute path, like \"/\"");
        }
        if (caps != null && (caps & ~ThreadProps.ALL_CAPS) != 0) {
            fields.error(o.get("caps").loc(), "caps has bits beyond CAP_LAST_CAP (40): at most 000001ffffffffff");
        }
        if (uid == null || gid == null || caps == null || netns == null || mntns == null || utsns == null
                || nice == null || sigmask == null || privateFs == null || cwd == null) {
            return d;
        }
        return new ThreadProps(uid, gid, caps, netns, mntns, utsns, nice, sigmask, privateFs, cwd);
    }

    private String source(Json v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Json.Str s) {
            return s.value();
        }
        Json.Arr a = fields.array(v, "source");
        if (a == null) {
            return "";
        }
        if (a.size() > FormatV1.MAX_SOURCE_LINES) {
            fields.error(a.loc(), "the source has " + a.size() + " lines; at most " + FormatV1.MAX_SOURCE_LINES);
        }
        List<String> lines = new ArrayList<>();
        for (Json item : a.items()) {
            if (item instanceof Json.Str s) {
                if (s.value().contains("\n")) {
                    fields.error(item.loc(), "one source line per string: this one contains a line break");
                }
                lines.add(s.value());
            } else {
                fields.error(item.loc(), "a source line is a string, found " + item.typeName());
            }
        }
        return String.join("\n", lines);
    }

    private List<ChannelDecl> channels(Json v) {
        List<ChannelDecl> out = new ArrayList<>();
        Json.Arr a = fields.array(v, "channels");
        if (a == null) {
            return out;
        }
        if (a.size() > FormatV1.MAX_CHANNELS) {
            fields.error(a.loc(), "too many channels: " + a.size() + "; at most " + FormatV1.MAX_CHANNELS);
            return out;
        }
        for (Json item : a.items()) {
            Json.Obj o = fields.object(item, "a channel");
            if (o == null) {
                continue;
            }
            fields.onlyKnown(o, FormatV1.CHANNEL, "a channel");
            String name = fields.identifier(o, "name");
            Integer cap = fields.integer(o, "capacity", 0, 1_000_000, 0, false);
            if (name == null || cap == null) {
                continue;
            }
            if (channelPositions.containsKey(name)) {
                fields.error(o.get("name").loc(), "channel \"" + name + "\" is declared twice");
                continue;
            }
            channelPositions.put(name, o.get("name").loc());
            out.add(new ChannelDecl(name, cap));
        }
        return out;
    }

    private List<Function> functions(Json.Obj top) {
        List<Function> out = new ArrayList<>();
        Json v = top.get("functions");
        if (v == null) {
            fields.error(top.loc(), "missing required field \"functions\" (at least {\"main\": [...]})");
            return out;
        }
        Json.Obj o = fields.object(v, "functions");
        if (o == null) {
            return out;
        }
        if (o.members().size() > FormatV1.MAX_FUNCTIONS) {
            fields.error(o.loc(), "too many functions: " + o.members().size() + "; at most " + FormatV1.MAX_FUNCTIONS);
            return out;
        }
        for (String name : o.members().keySet()) {
            functionPositions.put(name, o.keyLoc(name));
        }
        for (Map.Entry<String, Json> e : o.members().entrySet()) {
            String name = e.getKey();
            if (!FieldReader.IDENTIFIER.matcher(name).matches()) {
                fields.error(o.keyLoc(name), "function name \"" + name + "\" is not a Go identifier");
            }
            out.add(new Function(name, body(e.getValue(), "function " + name)));
        }
        if (!o.has(Program.MAIN)) {
            fields.error(o.loc(), "there is no function \"main\": a program starts there");
        }
        return out;
    }

    List<Statement> body(Json v, String what) {
        List<Statement> out = new ArrayList<>();
        Json.Arr a = fields.array(v, what + "'s body");
        if (a == null) {
            return out;
        }
        for (Json item : a.items()) {
            Statement st = statement(item);
            if (st != null) {
                out.add(st);
            }
        }
        return out;
    }

    // ---- statements ----------------------------------------------------------------------------------------

    private Statement statement(Json v) {
        statements++;
        if (statements > FormatV1.MAX_STATEMENTS) {
            if (!tooManyStatements) {
                tooManyStatements = true;
                fields.error(v.loc(), "too many statements: at most " + FormatV1.MAX_STATEMENTS + " in a file");
            }
            return null;
        }
        Json.Obj o = fields.object(v, "a statement");
        if (o == null) {
            return null;
        }
        Json opNode = o.get("op");
        List<String> ops = OpFormats.keys();
        if (opNode == null) {
            fields.error(o.loc(), "a statement needs \"op\", one of: " + String.join(", ", ops));
            return null;
        }
        if (!(opNode instanceof Json.Str opName)) {
            fields.error(opNode.loc(), "\"op\" is a string, found " + opNode.typeName());
            return null;
        }
        String op = opName.value();
        OpFormat format = OpFormats.byKey(op);
        if (format == null) {
            fields.error(opNode.loc(), "unknown op \"" + op + "\"" + fields.suggest(op, ops)
                    + "; the ops are: " + String.join(", ", ops));
            return null;
        }
        List<String> allowed = new ArrayList<>(List.of("op", "line"));
        allowed.addAll(format.fieldKeys());
        fields.onlyKnown(o, allowed, "op \"" + op + "\"");
        Integer line = fields.integer(o, "line", 0, FormatV1.MAX_SOURCE_LINES, 0, false);
        if (line != null && line > 0) {
            lineRefs.add(new Ref(op, o.get("line").loc(), line));
        }
        Op parsed = format.read(this, o);
        if (parsed == null || line == null) {
            return null;
        }
        Statement st = new Statement(parsed, line);
        if (line > 0) {
            statementLines.add(new LoadResult.StatementLine(st, o.get("line").loc()));
        }
        return st;
    }

    String functionRef(Json.Obj o, String key) {
        String name = fields.string(o, key, null, true);
        if (name != null) {
            functionRefs.add(new Ref(name, o.get(key).loc(), 0));
        }
        return name;
    }

    String channelRef(Json.Obj o, String key) {
        String name = fields.string(o, key, null, true);
        if (name != null) {
            channelRefs.add(new Ref(name, o.get(key).loc(), 0));
        }
        return name;
    }

    private void checkReferences(String source) {
        for (Ref r : functionRefs) {
            if (!functionPositions.containsKey(r.name())) {
                fields.error(r.loc(), "unknown function \"" + r.name() + "\"" + fields.suggest(r.name(),
                        new ArrayList<>(functionPositions.keySet())));
            }
        }
        for (Ref r : channelRefs) {
            if (!channelPositions.containsKey(r.name())) {
                fields.error(r.loc(), "unknown channel \"" + r.name() + "\"" + (channelPositions.isEmpty()
                        ? " (declare it in \"channels\")" : fields.suggest(r.name(),
                        new ArrayList<>(channelPositions.keySet()))));
            }
        }
        int lines = source.isEmpty() ? 0 : source.split("\n", -1).length;
        for (Ref r : lineRefs) {
            if (r.line() > lines) {
                fields.error(r.loc(), lines == 0 ? "line " + r.line() + " points into a source the file does not have"
                        : "line " + r.line() + " is past the end of the source (" + lines + " lines)");
            }
        }
    }

    // ---- cues and view -------------------------------------------------------------------------------------

    private List<CuePoint> cues(Json v) {
        List<CuePoint> out = new ArrayList<>();
        Json.Arr a = fields.array(v, "cues");
        if (a == null) {
            return out;
        }
        if (a.size() > FormatV1.MAX_CUES) {
            fields.error(a.loc(), "too many cues: " + a.size() + "; at most " + FormatV1.MAX_CUES);
            return out;
        }
        List<String> events = FormatV1.eventNames();
        for (Json item : a.items()) {
            Json.Obj o = fields.object(item, "a cue");
            if (o == null) {
                continue;
            }
            fields.onlyKnown(o, FormatV1.CUE, "a cue");
            String id = fields.string(o, "id", null, true);
            if (id != null && !CUE_ID.matcher(id).matches()) {
                fields.error(o.get("id").loc(), "a cue id is letters, digits, '-', '_' or '.', like \"handoff-1\", found \""
                        + id + "\"");
                id = null;
            }
            if (id != null && cuePositions.containsKey(id)) {
                fields.error(o.get("id").loc(), "cue id \"" + id + "\" is used twice");
            } else if (id != null) {
                cuePositions.put(id, o.get("id").loc());
            }
            CueMatch match = when(o, events);
            String caption = fields.string(o, "caption", null, true);
            String notes = fields.string(o, "notes", "", false);
            Boolean pause = fields.bool(o, "pause", false);
            List<String> highlight = highlight(o.get("highlight"));
            if (id != null && match != null && caption != null && notes != null && pause != null) {
                out.add(new CuePoint(id, match, caption, notes, pause, highlight));
            }
        }
        return out;
    }

    private CueMatch when(Json.Obj cue, List<String> events) {
        Json v = cue.get("when");
        if (v == null) {
            fields.error(cue.loc(), "missing required field \"when\" (for example {\"event\": \"ProcessorRetaken\"} "
                    + "or {\"at\": \"10ms\"})");
            return null;
        }
        Json.Obj o = fields.object(v, "when");
        if (o == null) {
            return null;
        }
        fields.onlyKnown(o, FormatV1.WHEN, "a cue's \"when\"");
        String event = fields.string(o, "event", null, false);
        if (event != null && !events.contains(event)) {
            fields.error(o.get("event").loc(), "unknown event \"" + event + "\"" + fields.suggest(event, events)
                    + "; the events are: " + String.join(", ", events));
            event = null;
        }
        Integer g = fields.integer(o, "g", 0, Integer.MAX_VALUE, null, false);
        Integer p = fields.integer(o, "p", 0, Integer.MAX_VALUE, null, false);
        Integer m = fields.integer(o, "m", 0, Integer.MAX_VALUE, null, false);
        Long at = fields.duration(o, "at", 0, FormatV1.MAX_DURATION_NS, null, false);
        Integer occurrence = fields.integer(o, "occurrence", 1, Integer.MAX_VALUE, 1, false);
        if (o.members().isEmpty() || (o.members().size() == 1 && o.has("occurrence"))) {
            fields.error(o.loc(), "\"when\" needs an event, an entity (g, p, m) or a time (at)");
            return null;
        }
        if (occurrence == null) {
            return null;
        }
        return new CueMatch(event, g, p, m, at, occurrence);
    }

    private List<String> highlight(Json v) {
        List<String> out = new ArrayList<>();
        Json.Arr a = fields.array(v, "highlight");
        if (a == null) {
            return out;
        }
        for (Json item : a.items()) {
            if (item instanceof Json.Str s && ENTITY.matcher(s.value()).matches()) {
                out.add(s.value());
            } else {
                fields.error(item.loc(), "highlight entities are written \"G3\", \"P0\" or \"M2\"");
            }
        }
        return out;
    }

    private ViewHints view(Json v) {
        if (v == null) {
            return ViewHints.NONE;
        }
        Json.Obj o = fields.object(v, "view");
        if (o == null) {
            return ViewHints.NONE;
        }
        fields.onlyKnown(o, FormatV1.VIEW, "view");
        String theme = fields.string(o, "theme", null, false);
        if (theme != null && !FormatV1.THEMES.contains(theme)) {
            fields.error(o.get("theme").loc(), "unknown theme \"" + theme + "\"; one of: "
                    + String.join(", ", FormatV1.THEMES));
        }
        List<String> panels = new ArrayList<>();
        Json.Arr a = fields.array(o.get("panels"), "panels");
        if (a != null) {
            for (Json item : a.items()) {
                if (item instanceof Json.Str s && FormatV1.PANELS.contains(s.value())) {
                    if (panels.contains(s.value())) {
                        fields.error(item.loc(), "panel \"" + s.value() + "\" is listed twice");
                    }
                    panels.add(s.value());
                } else {
                    fields.error(item.loc(), "a panel is one of: " + String.join(", ", FormatV1.PANELS));
                }
            }
        }
        return new ViewHints(theme, panels);
    }
}
