package dev.curtain.scenario;

import dev.curtain.engine.event.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * The vocabulary and limits of scenario format version 1, shared by the reader, the writer, the schema test and
 * the documentation test, so a name cannot drift between them.
 */
public final class FormatV1 {
    private FormatV1() {
    }

    public static final int VERSION = 1;

    /** Files larger than this are refused before parsing. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    /** Deepest nesting of arrays and objects (loops inside loops count two levels each). */
    public static final int MAX_DEPTH = 48;
    /** Statements in the whole file, loop bodies included. */
    public static final int MAX_STATEMENTS = 20_000;
    public static final int MAX_FUNCTIONS = 1_000;
    public static final int MAX_CHANNELS = 1_000;
    public static final int MAX_CUES = 1_000;
    public static final int MAX_SOURCE_LINES = 10_000;
    /** Longest duration a statement may take (an hour of simulated time is far beyond any lesson). */
    public static final long MAX_DURATION_NS = 3_600_000_000_000L;
    public static final long MAX_EVENTS_LIMIT = 20_000_000L;

    public static final List<String> TOP_LEVEL = List.of("format", "title", "description", "author", "go",
            "gomaxprocs", "seed", "asyncPreemptOff", "cgo", "runtimeBackground", "maxThreads", "cpus", "otherLoad", "limits",
            "compare", "process", "channels", "functions", "source", "cues", "view");
    public static final List<String> LIMITS = List.of("maxEvents", "maxTime", "maxGoroutines", "maxCallDepth");
    public static final List<String> PROCESS = List.of("uid", "gid", "caps", "netns", "mntns", "utsns", "nice",
            "sigmask", "privateFs", "cwd");
    public static final List<String> CHANNEL = List.of("name", "capacity");
    public static final List<String> CUE = List.of("id", "when", "caption", "notes", "pause", "highlight");
    public static final List<String> WHEN = List.of("event", "g", "p", "m", "at", "occurrence");
    public static final List<String> VIEW = List.of("theme", "panels");
    public static final List<String> THEMES = List.of("light", "dark", "projector");
    public static final List<String> PANELS = List.of("inspector", "source", "log", "timeline");

    // The operations and their fields are defined in OpFormats, each with its reader, writer and schema entry.

    /**
     * The event kinds a cue can wait for: the simple names of the engine's event records, less those only an import
     * emits ({@link Event.GoroutineFoundWaiting}), which a scenario's run never has.
     */
    public static List<String> eventNames() {
        List<String> out = new ArrayList<>();
        for (Class<?> c : Event.class.getPermittedSubclasses()) {
            if (c != Event.GoroutineFoundWaiting.class) {
                out.add(c.getSimpleName());
            }
        }
        return out;
    }
}
