package dev.curtain.importer;

import dev.curtain.engine.Recording;
import java.util.List;

/**
 * What {@link SchedtraceImport#read} and {@link GoTraceImport#read} give back: either a refusal (the file is not a
 * log or trace they read, or nothing in it could be read) with a message for the user, or the recording to play with
 * its keyframes (schedtrace only) and the warnings about what was skipped.
 */
public final class ImportResult {
    private final String refusal;
    private final Recording recording;
    private final Keyframe lastKeyframe;
    private final List<KeyframeMark> keyframes;
    private final List<ImportWarning> warnings;
    private final long warningCount;
    private final String goVersion;
    private final List<ImportedThread> threads;
    private final List<ImportedGoroutine> goroutines;
    private final String source;
    private final int openingIndex;
    private final TraceStacks stacks;
    private ImportFacts facts = ImportFacts.NONE;
    private int generationCount;

    private ImportResult(String refusal, Recording recording, Keyframe lastKeyframe, List<KeyframeMark> keyframes,
                         List<ImportWarning> warnings, long warningCount, String goVersion,
                         List<ImportedThread> threads, List<ImportedGoroutine> goroutines, String source,
                         int openingIndex, TraceStacks stacks) {
        this.refusal = refusal;
        this.recording = recording;
        this.lastKeyframe = lastKeyframe;
        this.keyframes = List.copyOf(keyframes);
        this.warnings = List.copyOf(warnings);
        this.warningCount = warningCount;
        this.goVersion = goVersion;
        this.threads = List.copyOf(threads);
        this.goroutines = List.copyOf(goroutines);
        this.source = source;
        this.openingIndex = openingIndex;
        this.stacks = stacks;
    }

    static ImportResult refused(String message, List<ImportWarning> warnings, long warningCount) {
        return new ImportResult(message, null, null, List.of(), warnings, warningCount, "", List.of(), List.of(), "", 0,
                TraceStacks.NONE);
    }

    static ImportResult imported(Recording recording, Keyframe last, List<KeyframeMark> keyframes,
                                 ImportFacts facts, List<ImportWarning> warnings, long warningCount,
                                 String goVersion, List<ImportedThread> threads, List<ImportedGoroutine> goroutines) {
        ImportResult r = new ImportResult(null, recording, last, keyframes, warnings, warningCount, goVersion,
                threads, goroutines, SCHEDTRACE, keyframes.isEmpty() ? 0 : keyframes.get(0).endIndex(),
                TraceStacks.NONE);
        r.facts = facts;
        return r;
    }

    static ImportResult importedTrace(Recording recording, List<KeyframeMark> generations, int openingIndex,
                                      TraceStacks stacks, ImportFacts facts, List<ImportWarning> warnings,
                                      String goVersion, List<ImportedThread> threads,
                                      List<ImportedGoroutine> goroutines) {
        ImportResult r = new ImportResult(null, recording, null, generations, warnings, warnings.size(), goVersion,
                threads, goroutines, GO_TRACE, openingIndex, stacks);
        r.facts = facts;
        return r;
    }

    ImportResult withGenerationCount(int n) {
        generationCount = n;
        return this;
    }

    /**
     * How many generations the whole Go trace has (0 for a schedtrace log): a later one can be opened with
     * {@link GoTraceImport#read(java.nio.file.Path, ProgressListener, int)}.
     */
    public int generationCount() {
        return generationCount;
    }

    /**
     * The real ids behind the recording's and what of it is inferred, per step ({@link ImportFacts#NONE} when
     * refused).
     */
    public ImportFacts facts() {
        return facts;
    }

    /** For a Go trace, the trace's stack behind each event of the recording ({@link TraceStacks#NONE} otherwise). */
    public TraceStacks traceStacks() {
        return stacks;
    }

    /**
     * Where a player should open the recording: after the burst of events that sets up what the log or trace shows
     * first (the first block of a schedtrace log; the statuses a trace starts with).
     */
    public int openingIndex() {
        return openingIndex;
    }

    /** {@link #source()} of a schedtrace log. */
    public static final String SCHEDTRACE = "a GODEBUG=schedtrace log";
    /** {@link #source()} of a Go execution trace. */
    public static final String GO_TRACE = "a Go execution trace";

    /** What was imported, for captions: {@link #SCHEDTRACE} or {@link #GO_TRACE} ("" when refused). */
    public String source() {
        return source;
    }

    /** Whether the file was refused; {@link #refusal()} says why. */
    public boolean isRefused() {
        return refusal != null;
    }

    /** Why the file was refused, for the user (null when it was imported). */
    public String refusal() {
        return refusal;
    }

    /** The recording to play (ends with {@code RunEnded(IMPORTED)}); null when refused. */
    public Recording recording() {
        return recording;
    }

    /** The last keyframe as printed (real ids); null when refused. */
    public Keyframe lastKeyframe() {
        return lastKeyframe;
    }

    /**
     * Every keyframe's position in the recording and its header counts, in log order. For a Go trace, one per
     * generation the recording covers: {@code line} is the generation's number, {@code timeMs} its end.
     */
    public List<KeyframeMark> keyframes() {
        return keyframes;
    }

    /** Skipped or adjusted lines with their line numbers (the first {@value SchedtraceImport#MAX_WARNINGS}). */
    public List<ImportWarning> warnings() {
        return warnings;
    }

    /** How many warnings there were in all, including those beyond the kept ones. */
    public long warningCount() {
        return warningCount;
    }

    /** The Go release the log's format points to, as an engine profile such as "1.14" (see the reader). */
    public String goVersion() {
        return goVersion;
    }

    /** The threads at the end, in the {@code simulate --json} contract's terms (real M ids). */
    public List<ImportedThread> threads() {
        return threads;
    }

    /** The goroutines at the end, in the {@code simulate --json} contract's terms (real goids). */
    public List<ImportedGoroutine> goroutines() {
        return goroutines;
    }
}
