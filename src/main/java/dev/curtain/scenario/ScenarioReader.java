package dev.curtain.scenario;

import dev.curtain.engine.Durations;
import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Limits;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.program.Function;
import dev.curtain.engine.program.Op;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.program.Statement;
import dev.curtain.engine.state.ThreadProps;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a parsed document ({@link Json}) into a {@link Scenario}, collecting every error with its location rather
 * than stopping at the first. Checks run in two passes: the shape of every value first, then references (functions,
 * channels, source lines) once everything they can refer to is known.
 */
final class ScenarioReader {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern CUE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,16}");
    private static final Pattern ENTITY = Pattern.compile("[GPM](0|[1-9][0-9]{0,6})");

    private final String file;
    private final List<ScenarioError> errors = new ArrayList<>();
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
    }

    LoadResult read(Json root) {
        Scenario s = null;
        if (!(root instanceof Json.Obj top)) {
            error(root.loc(), "a scenario is a JSON object, found " + root.typeName());
        } else {
            s = scenario(top);
        }
        if (!errors.isEmpty() || s == null) {
            List<ScenarioError> sorted = new ArrayList<>(errors);
            sorted.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                    : Integer.compare(a.column(), b.column()));
            return LoadResult.failed(sorted, file);
        }
        return LoadResult.ok(s, new LoadResult.Positions(file, cuePositions, functionPositions, channelPositions,
                statementLines));
    }

    // ---- the document --------------------------------------------------------------------------------------

    private Scenario scenario(Json.Obj top) {
        onlyKnown(top, FormatV1.TOP_LEVEL, "a scenario");
        Integer format = integer(top, "format", 0, Integer.MAX_VALUE, null, true);
        if (format != null && format != FormatV1.VERSION) {
            error(top.get("format").loc(), "unsupported format version " + format + " (this Curtain reads version "
                    + FormatV1.VERSION + ")");
            return null;
        }
        String title = string(top, "title", null, true);
        if (title != null && title.isBlank()) {
            error(top.get("title").loc(), "the title must not be empty");
        }
        String description = string(top, "description", "", false);
        String author = string(top, "author", "", false);
        GoVersion version = version(top.get("go"), GoVersion.GO_1_14);
        Long seed = longValue(top, "seed", Long.MIN_VALUE, Long.MAX_VALUE, 1L);
        int maxProcs = Math.min(4096, version.maxGomaxprocs());
        Integer gomaxprocs = integer(top, "gomaxprocs", 1, maxProcs, 4, false);
        Boolean asyncOff = bool(top, "asyncPreemptOff", false);
        Boolean cgo = bool(top, "cgo", false);
        Integer maxThreads = integer(top, "maxThreads", 1, 1_000_000, SimulationOptions.DEFAULT_MAX_THREADS, false);
        Limits limits = limits(top.get("limits"));
        List<GoVersion> compare = compare(top.get("compare"), gomaxprocs);
        ThreadProps baseline = process(top.get("process"));
        String source = source(top.get("source"));
        List<ChannelDecl> channels = channels(top.get("channels"));
        List<Function> functions = functions(top);
        List<CuePoint> cues = cues(top.get("cues"));
        ViewHints hints = view(top.get("view"));

        checkReferences(source);
        if (!errors.isEmpty()) {
            return null;
        }
        SimulationOptions options = new SimulationOptions(version, gomaxprocs, seed, asyncOff, cgo, maxThreads,
                limits);
        Program program = new Program(functions, channels, baseline);
        return new Scenario(title, description, author, options, program, source, cues, compare, hints);
    }

    private GoVersion version(Json v, GoVersion fallback) {
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Json.Str s)) {
            error(v.loc(), "a Go version is a string like \"1.10\", found " + v.typeName());
            return fallback;
        }
        try {
            return GoVersion.parse(s.value());
        } catch (IllegalArgumentException e) {
            error(v.loc(), e.getMessage() + " (Curtain imitates Go 1.5 to 1.26; profiles 1.9, 1.10, 1.14, 1.26)");
            return fallback;
        }
    }

    private Limits limits(Json v) {
        Limits d = Limits.DEFAULT;
        if (v == null) {
            return d;
        }
        Json.Obj o = object(v, "limits");
        if (o == null) {
            return d;
        }
        onlyKnown(o, FormatV1.LIMITS, "limits");
        Long events = longValue(o, "maxEvents", 1, FormatV1.MAX_EVENTS_LIMIT, d.maxEvents());
        Long time = duration(o, "maxTime", 1, FormatV1.MAX_DURATION_NS, d.maxTimeNs(), false);
        Integer goroutines = integer(o, "maxGoroutines", 1, 1_000_000, d.maxGoroutines(), false);
        Integer depth = integer(o, "maxCallDepth", 1, 10_000, d.maxCallDepth(), false);
        if (events == null || time == null || goroutines == null || depth == null) {
            return d;
        }
        return new Limits(events, time, goroutines, depth);
    }

    private List<GoVersion> compare(Json v, Integer gomaxprocs) {
        List<GoVersion> out = new ArrayList<>();
        Json.Arr a = array(v, "compare");
        if (a == null) {
            return out;
        }
        for (Json item : a.items()) {
            GoVersion g = version(item, null);
            if (g == null) {
                continue;
            }
            if (out.contains(g)) {
                error(item.loc(), "Go " + g + " is listed twice");
            } else if (gomaxprocs != null && gomaxprocs > g.maxGomaxprocs()) {
                error(item.loc(), "Go " + g + " allows GOMAXPROCS up to " + g.maxGomaxprocs() + ", and \"gomaxprocs\""
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
        Json.Obj o = object(v, "process");
        if (o == null) {
            return d;
        }
        onlyKnown(o, FormatV1.PROCESS, "process");
        Integer uid = integer(o, "uid", 0, Integer.MAX_VALUE, d.uid(), false);
        Integer gid = integer(o, "gid", 0, Integer.MAX_VALUE, d.gid(), false);
        Long caps = hex(o, "caps", d.caps());
        String netns = name(o, "netns", d.netns());
        String mntns = name(o, "mntns", d.mntns());
        String utsns = name(o, "utsns", d.utsns());
        Integer nice = integer(o, "nice", -20, 19, d.nice(), false);
        Long sigmask = hex(o, "sigmask", d.sigmask());
        Boolean privateFs = bool(o, "privateFs", d.privateFs());
        String cwd = string(o, "cwd", d.cwd(), false);
        if (cwd != null && !cwd.startsWith("/")) {
            error(o.get("cwd").loc(), "cwd must be an absolute path, like \"/\"");
        }
        if (caps != null && (caps & ~ThreadProps.ALL_CAPS) != 0) {
            error(o.get("caps").loc(), "caps has bits beyond CAP_LAST_CAP (40): at most 000001ffffffffff");
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
        Json.Arr a = array(v, "source");
        if (a == null) {
            return "";
        }
        if (a.size() > FormatV1.MAX_SOURCE_LINES) {
            error(a.loc(), "the source has " + a.size() + " lines; at most " + FormatV1.MAX_SOURCE_LINES);
        }
        List<String> lines = new ArrayList<>();
        for (Json item : a.items()) {
            if (item instanceof Json.Str s) {
                if (s.value().contains("\n")) {
                    error(item.loc(), "one source line per string: this one contains a line break");
                }
                lines.add(s.value());
            } else {
                error(item.loc(), "a source line is a string, found " + item.typeName());
            }
        }
        return String.join("\n", lines);
    }

    private List<ChannelDecl> channels(Json v) {
        List<ChannelDecl> out = new ArrayList<>();
        Json.Arr a = array(v, "channels");
        if (a == null) {
            return out;
        }
        if (a.size() > FormatV1.MAX_CHANNELS) {
            error(a.loc(), "too many channels: " + a.size() + "; at most " + FormatV1.MAX_CHANNELS);
            return out;
        }
        for (Json item : a.items()) {
            Json.Obj o = object(item, "a channel");
            if (o == null) {
                continue;
            }
            onlyKnown(o, FormatV1.CHANNEL, "a channel");
            String name = identifier(o, "name");
            Integer cap = integer(o, "capacity", 0, 1_000_000, 0, false);
            if (name == null || cap == null) {
                continue;
            }
            if (channelPositions.containsKey(name)) {
                error(o.get("name").loc(), "channel \"" + name + "\" is declared twice");
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
            error(top.loc(), "missing required field \"functions\" (at least {\"main\": [...]})");
            return out;
        }
        Json.Obj o = object(v, "functions");
        if (o == null) {
            return out;
        }
        if (o.members().size() > FormatV1.MAX_FUNCTIONS) {
            error(o.loc(), "too many functions: " + o.members().size() + "; at most " + FormatV1.MAX_FUNCTIONS);
            return out;
        }
        for (String name : o.members().keySet()) {
            functionPositions.put(name, o.keyLoc(name));
        }
        for (Map.Entry<String, Json> e : o.members().entrySet()) {
            String name = e.getKey();
            if (!IDENTIFIER.matcher(name).matches()) {
                error(o.keyLoc(name), "function name \"" + name + "\" is not a Go identifier");
            }
            out.add(new Function(name, body(e.getValue(), "function " + name)));
        }
        if (!o.has(Program.MAIN)) {
            error(o.loc(), "there is no function \"main\": a program starts there");
        }
        return out;
    }

    List<Statement> body(Json v, String what) {
        List<Statement> out = new ArrayList<>();
        Json.Arr a = array(v, what + "'s body");
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
                error(v.loc(), "too many statements: at most " + FormatV1.MAX_STATEMENTS + " in a file");
            }
            return null;
        }
        Json.Obj o = object(v, "a statement");
        if (o == null) {
            return null;
        }
        Json opNode = o.get("op");
        List<String> ops = OpFormats.keys();
        if (opNode == null) {
            error(o.loc(), "a statement needs \"op\", one of: " + String.join(", ", ops));
            return null;
        }
        if (!(opNode instanceof Json.Str opName)) {
            error(opNode.loc(), "\"op\" is a string, found " + opNode.typeName());
            return null;
        }
        String op = opName.value();
        OpFormat format = OpFormats.byKey(op);
        if (format == null) {
            error(opNode.loc(), "unknown op \"" + op + "\"" + suggest(op, ops)
                    + "; the ops are: " + String.join(", ", ops));
            return null;
        }
        List<String> allowed = new ArrayList<>(List.of("op", "line"));
        allowed.addAll(format.fieldKeys());
        onlyKnown(o, allowed, "op \"" + op + "\"");
        Integer line = integer(o, "line", 0, FormatV1.MAX_SOURCE_LINES, 0, false);
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
        String name = string(o, key, null, true);
        if (name != null) {
            functionRefs.add(new Ref(name, o.get(key).loc(), 0));
        }
        return name;
    }

    String channelRef(Json.Obj o, String key) {
        String name = string(o, key, null, true);
        if (name != null) {
            channelRefs.add(new Ref(name, o.get(key).loc(), 0));
        }
        return name;
    }

    private void checkReferences(String source) {
        for (Ref r : functionRefs) {
            if (!functionPositions.containsKey(r.name())) {
                error(r.loc(), "unknown function \"" + r.name() + "\"" + suggest(r.name(),
                        new ArrayList<>(functionPositions.keySet())));
            }
        }
        for (Ref r : channelRefs) {
            if (!channelPositions.containsKey(r.name())) {
                error(r.loc(), "unknown channel \"" + r.name() + "\"" + (channelPositions.isEmpty()
                        ? " (declare it in \"channels\")" : suggest(r.name(),
                        new ArrayList<>(channelPositions.keySet()))));
            }
        }
        int lines = source.isEmpty() ? 0 : source.split("\n", -1).length;
        for (Ref r : lineRefs) {
            if (r.line() > lines) {
                error(r.loc(), lines == 0 ? "line " + r.line() + " points into a source the file does not have"
                        : "line " + r.line() + " is past the end of the source (" + lines + " lines)");
            }
        }
    }

    // ---- cues and view -------------------------------------------------------------------------------------

    private List<CuePoint> cues(Json v) {
        List<CuePoint> out = new ArrayList<>();
        Json.Arr a = array(v, "cues");
        if (a == null) {
            return out;
        }
        if (a.size() > FormatV1.MAX_CUES) {
            error(a.loc(), "too many cues: " + a.size() + "; at most " + FormatV1.MAX_CUES);
            return out;
        }
        List<String> events = FormatV1.eventNames();
        for (Json item : a.items()) {
            Json.Obj o = object(item, "a cue");
            if (o == null) {
                continue;
            }
            onlyKnown(o, FormatV1.CUE, "a cue");
            String id = string(o, "id", null, true);
            if (id != null && !CUE_ID.matcher(id).matches()) {
                error(o.get("id").loc(), "a cue id is letters, digits, '-', '_' or '.', like \"handoff-1\", found \""
                        + id + "\"");
                id = null;
            }
            if (id != null && cuePositions.containsKey(id)) {
                error(o.get("id").loc(), "cue id \"" + id + "\" is used twice");
            } else if (id != null) {
                cuePositions.put(id, o.get("id").loc());
            }
            CueMatch match = when(o, events);
            String caption = string(o, "caption", null, true);
            String notes = string(o, "notes", "", false);
            Boolean pause = bool(o, "pause", false);
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
            error(cue.loc(), "missing required field \"when\" (for example {\"event\": \"ProcessorRetaken\"} "
                    + "or {\"at\": \"10ms\"})");
            return null;
        }
        Json.Obj o = object(v, "when");
        if (o == null) {
            return null;
        }
        onlyKnown(o, FormatV1.WHEN, "a cue's \"when\"");
        String event = string(o, "event", null, false);
        if (event != null && !events.contains(event)) {
            error(o.get("event").loc(), "unknown event \"" + event + "\"" + suggest(event, events)
                    + "; the events are: " + String.join(", ", events));
            event = null;
        }
        Integer g = integer(o, "g", 0, Integer.MAX_VALUE, null, false);
        Integer p = integer(o, "p", 0, Integer.MAX_VALUE, null, false);
        Integer m = integer(o, "m", 0, Integer.MAX_VALUE, null, false);
        Long at = duration(o, "at", 0, FormatV1.MAX_DURATION_NS, null, false);
        Integer occurrence = integer(o, "occurrence", 1, Integer.MAX_VALUE, 1, false);
        if (o.members().isEmpty() || (o.members().size() == 1 && o.has("occurrence"))) {
            error(o.loc(), "\"when\" needs an event, an entity (g, p, m) or a time (at)");
            return null;
        }
        if (occurrence == null) {
            return null;
        }
        return new CueMatch(event, g, p, m, at, occurrence);
    }

    private List<String> highlight(Json v) {
        List<String> out = new ArrayList<>();
        Json.Arr a = array(v, "highlight");
        if (a == null) {
            return out;
        }
        for (Json item : a.items()) {
            if (item instanceof Json.Str s && ENTITY.matcher(s.value()).matches()) {
                out.add(s.value());
            } else {
                error(item.loc(), "highlight entities are written \"G3\", \"P0\" or \"M2\"");
            }
        }
        return out;
    }

    private ViewHints view(Json v) {
        if (v == null) {
            return ViewHints.NONE;
        }
        Json.Obj o = object(v, "view");
        if (o == null) {
            return ViewHints.NONE;
        }
        onlyKnown(o, FormatV1.VIEW, "view");
        String theme = string(o, "theme", null, false);
        if (theme != null && !FormatV1.THEMES.contains(theme)) {
            error(o.get("theme").loc(), "unknown theme \"" + theme + "\"; one of: "
                    + String.join(", ", FormatV1.THEMES));
        }
        List<String> panels = new ArrayList<>();
        Json.Arr a = array(o.get("panels"), "panels");
        if (a != null) {
            for (Json item : a.items()) {
                if (item instanceof Json.Str s && FormatV1.PANELS.contains(s.value())) {
                    if (panels.contains(s.value())) {
                        error(item.loc(), "panel \"" + s.value() + "\" is listed twice");
                    }
                    panels.add(s.value());
                } else {
                    error(item.loc(), "a panel is one of: " + String.join(", ", FormatV1.PANELS));
                }
            }
        }
        return new ViewHints(theme, panels);
    }

    // ---- typed access with errors --------------------------------------------------------------------------

    void error(Json.Loc loc, String message) {
        errors.add(new ScenarioError(file, Math.max(1, loc.line()), Math.max(1, loc.column()), loc.path(),
                message));
    }

    private void onlyKnown(Json.Obj o, List<String> allowed, String what) {
        for (String key : o.members().keySet()) {
            if (!allowed.contains(key)) {
                error(o.keyLoc(key), "unknown field \"" + key + "\" in " + what + suggest(key, allowed)
                        + "; allowed: " + String.join(", ", allowed));
            }
        }
    }

    private Json.Obj object(Json v, String what) {
        if (v instanceof Json.Obj o) {
            return o;
        }
        error(v.loc(), what + " is an object, found " + v.typeName());
        return null;
    }

    /** An array, or null when absent (no error) or of another type (error). */
    private Json.Arr array(Json v, String what) {
        if (v == null) {
            return null;
        }
        if (v instanceof Json.Arr a) {
            return a;
        }
        error(v.loc(), what + " is an array, found " + v.typeName());
        return null;
    }

    private Json required(Json.Obj o, String key, boolean required, String hint) {
        Json v = o.get(key);
        if (v == null && required) {
            error(o.loc(), "missing required field \"" + key + "\"" + hint);
        }
        return v;
    }

    String string(Json.Obj o, String key, String fallback, boolean required) {
        Json v = required(o, key, required, "");
        if (v == null) {
            return fallback;
        }
        if (v instanceof Json.Str s) {
            return s.value();
        }
        error(v.loc(), "\"" + key + "\" is a string, found " + v.typeName());
        return null;
    }

    /** A required identifier-like name (function, channel, cue id). */
    private String identifier(Json.Obj o, String key) {
        String s = string(o, key, null, true);
        if (s != null && !IDENTIFIER.matcher(s).matches()) {
            error(o.get(key).loc(), "\"" + key + "\" must be a name like done or worker_1, found \"" + s + "\"");
            return null;
        }
        return s;
    }

    /** A non-empty name (namespace). */
    String name(Json.Obj o, String key, String fallback) {
        String s = string(o, key, fallback, fallback == null);
        if (s != null && s.isBlank()) {
            error(o.get(key).loc(), "\"" + key + "\" must not be empty");
            return null;
        }
        return s;
    }

    Boolean bool(Json.Obj o, String key, Boolean fallback) {
        Json v = o.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Json.Bool b) {
            return b.value();
        }
        error(v.loc(), "\"" + key + "\" is true or false, found " + v.typeName());
        return null;
    }

    Long longValue(Json.Obj o, String key, long min, long max, Long fallback) {
        Json v = required(o, key, fallback == null, "");
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Json.Num n) || !n.integral()) {
            error(v.loc(), "\"" + key + "\" is a whole number, found " + v.typeName());
            return null;
        }
        BigDecimal d = n.value();
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(v.loc(), "\"" + key + "\" is " + d.toPlainString() + ", outside " + min + ".." + max);
            return null;
        }
        return d.longValueExact();
    }

    Integer integer(Json.Obj o, String key, int min, int max, Integer fallback, boolean required) {
        if (!o.has(key)) {
            if (required) {
                error(o.loc(), "missing required field \"" + key + "\"");
                return null;
            }
            return fallback;
        }
        Long l = longValue(o, key, min, max, null);
        return l == null ? null : l.intValue();
    }

    Long duration(Json.Obj o, String key, long min, long max, Long fallback, boolean required) {
        Json v = required(o, key, required, " (a duration like \"20us\", \"10ms\" or \"1s\")");
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Json.Str s)) {
            error(v.loc(), "\"" + key + "\" is a duration written as a string like \"20us\", \"10ms\" or \"1s\", "
                    + "found " + v.typeName());
            return null;
        }
        long ns;
        try {
            ns = Durations.parse(s.value());
        } catch (IllegalArgumentException e) {
            error(v.loc(), e.getMessage());
            return null;
        }
        if (ns < min || ns > max) {
            error(v.loc(), "\"" + key + "\" is " + s.value() + ", outside " + Durations.format(min) + ".."
                    + Durations.format(max));
            return null;
        }
        return ns;
    }

    Long hex(Json.Obj o, String key, Long fallback) {
        Json v = o.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Json.Str s && HEX.matcher(s.value()).matches()) {
            return Long.parseUnsignedLong(s.value(), 16);
        }
        error(v.loc(), "\"" + key + "\" is a hex string of up to 16 digits, like \"000001ffffffffff\"");
        return null;
    }

    /** A required choice among an enum's constants, as the file spells them. */
    <E extends Enum<E>> E choice(Json.Obj o, String key, KeyTable<E> keys) {
        String s = string(o, key, null, true);
        if (s == null) {
            return null;
        }
        E value = keys.constant(s);
        if (value == null) {
            error(o.get(key).loc(), "\"" + key + "\" is \"" + s + "\"; one of: " + String.join(", ", keys.keys()));
            return null;
        }
        return value;
    }

    /**
     * Names longer than this get a suggestion only for a difference of case: comparing two long names letter by
     * letter costs the product of their lengths, and 999 functions of 1,000 letters once took minutes to validate.
     */
    static final int SUGGEST_MAX_LENGTH = 64;
    /** Letter comparisons all suggestions of one file may cost together; past it, errors come without one. */
    static final long SUGGEST_BUDGET = 20_000_000L;
    private long suggestCost;

    /** ", did you mean \"x\"?" for a near miss (case or one or two letters), else "". */
    private String suggest(String wrong, List<String> known) {
        String best = null;
        int bestDistance = 3;
        String w = wrong.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d;
            if (k.equalsIgnoreCase(wrong)) {
                d = 0;
            } else if (Math.abs(k.length() - wrong.length()) >= bestDistance || k.length() > SUGGEST_MAX_LENGTH
                    || wrong.length() > SUGGEST_MAX_LENGTH || suggestCost > SUGGEST_BUDGET) {
                continue;
            } else {
                suggestCost += (long) (k.length() + 1) * (wrong.length() + 1);
                d = distance(w, k.toLowerCase(Locale.ROOT));
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
