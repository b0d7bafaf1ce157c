package dev.curtain.importer;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.PlaceKind;
import dev.curtain.engine.state.GoroutineTable;
import dev.curtain.engine.state.SchedState;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an import knows beyond the engine's recording: the real ids behind the engine's dense ones (a trace's or a
 * log's goroutine ids, a trace's kernel thread ids) and, per step, whether the log or trace recorded it or the
 * import filled it in (and why). The window, the exports and the command line ask it how to name a goroutine or a
 * thread and whether to draw and list a fact as inferred; a simulated run has {@link #NONE}, which names everything
 * by the engine's ids and infers nothing.
 */
public final class ImportFacts {
    /** Why a step or a fact is inferred. */
    public enum Reason {
        /** Recorded as it is. */
        OBSERVED("", ""),
        /** A goroutine made runnable, put in a run queue the trace does not name. */
        QUEUE("the trace does not say which run queue: the global queue is assumed", "run queue assumed"),
        /** A P stolen from a thread in a syscall: the steal is recorded, not who stole it. */
        SYSMON("the trace records the steal, not who did it: sysmon's retake is assumed", "sysmon assumed"),
        /** A step of the burst that reaches the states a trace generation starts with. */
        STATUS("the trace gives this state at a generation's start, not the steps to it",
                "a step to the generation's starting state"),
        /** A step the trace does not record, drawn to reach the state it gives. */
        ROUTE("a step the trace does not record, drawn to reach the state it gives", "not in the trace"),
        /** A step between two SCHED blocks: the log prints snapshots, never the moves between them. */
        BETWEEN_BLOCKS("filled in between SCHED blocks: the log prints snapshots, not moves",
                "filled in between SCHED blocks");

        private final String text;
        private final String brief;

        Reason(String text, String brief) {
            this.text = text;
            this.brief = brief;
        }

        /** A few words for an event log row. */
        public String brief() {
            return brief;
        }

        /** One clause for the user; "" for {@link #OBSERVED}. */
        public String text() {
            return text;
        }
    }

    /** A simulated run: engine ids, nothing inferred. */
    public static final ImportFacts NONE = new ImportFacts(Kind.NONE);

    private enum Kind { NONE, GO_TRACE, SCHEDTRACE }

    private final Kind kind;
    private long[] goids = new long[0];
    private String[] functions = new String[0];
    private long[] tids = new long[0];
    /** Per engine event of a trace: its {@link Reason} ordinal. */
    private byte[] reasons = new byte[0];
    private int reasonCount;
    /** Per engine event of a trace: the state after it is one the trace describes (the end of a planner burst). */
    private boolean[] settled = new boolean[0];
    /** The index after each SCHED block's last event (schedtrace), ascending. */
    private int[] blockEnds = new int[0];
    private long[] blockTimesMs = new long[0];
    private Recording recording;
    /** Per engine goroutine, the indices of the events that moved it (built on first use, for a trace). */
    private int[][] moves;

    private ImportFacts(Kind kind) {
        this.kind = kind;
    }

    static ImportFacts forTrace() {
        return new ImportFacts(Kind.GO_TRACE);
    }

    static ImportFacts forSchedtrace() {
        return new ImportFacts(Kind.SCHEDTRACE);
    }

    // ================================================================ recording them (the importers)

    /** Engine goroutine {@code g} is real goroutine {@code goid} (-1: a placeholder) running {@code function}. */
    void goroutine(int g, long goid, String function) {
        if (g >= goids.length) {
            int n = Math.max(g + 1, goids.length * 2);
            long[] more = Arrays.copyOf(goids, n);
            Arrays.fill(more, goids.length, n, -1);
            goids = more;
            functions = Arrays.copyOf(functions, n);
        }
        goids[g] = goid;
        functions[g] = function == null ? "" : function;
    }

    /** Engine thread {@code m} is kernel thread {@code tid} (a trace) or runtime M {@code tid} (a log). */
    void thread(int m, long tid) {
        if (m >= tids.length) {
            int n = Math.max(m + 1, tids.length * 2);
            long[] more = Arrays.copyOf(tids, n);
            Arrays.fill(more, tids.length, n, -1);
            tids = more;
        }
        tids[m] = tid;
    }

    /** Engine events {@code from..to-1} come from one trace event; each has its reason, the last one settles. */
    void steps(int from, Reason[] why) {
        int to = from + why.length;
        if (to > reasons.length) {
            int n = Math.max(to, reasons.length * 2);
            reasons = Arrays.copyOf(reasons, n);
            settled = Arrays.copyOf(settled, n);
        }
        for (int i = 0; i < why.length; i++) {
            reasons[from + i] = (byte) why[i].ordinal();
            settled[from + i] = i == why.length - 1;
        }
        reasonCount = Math.max(reasonCount, to);
    }

    /** A SCHED block printed at {@code timeMs} ends at engine index {@code end}. */
    void block(int end, long timeMs) {
        if (blockCount == blockEnds.length) {
            blockEnds = Arrays.copyOf(blockEnds, Math.max(16, blockCount * 2));
            blockTimesMs = Arrays.copyOf(blockTimesMs, blockEnds.length);
        }
        blockEnds[blockCount] = end;
        blockTimesMs[blockCount++] = timeMs;
    }

    private int blockCount;

    void attach(Recording rec) {
        this.recording = rec;
        blockEnds = Arrays.copyOf(blockEnds, blockCount);
        blockTimesMs = Arrays.copyOf(blockTimesMs, blockCount);
    }

    // ================================================================ asking them

    /** Whether the run is an import (names and inferred marks apply). */
    public boolean isImport() {
        return kind != Kind.NONE;
    }

    /** Whether thread names are the kernel's thread ids (a Go trace) rather than the runtime's M ids. */
    public boolean kernelThreadIds() {
        return kind == Kind.GO_TRACE;
    }

    /** The real goroutine id of engine goroutine {@code g}, or {@code g} itself where none is known. */
    public long goid(int g) {
        return g > 0 && g < goids.length && goids[g] >= 0 ? goids[g] : g;
    }

    /** The function engine goroutine {@code g} runs, as the trace or log names it ("" if unknown). */
    public String function(int g) {
        return g > 0 && g < functions.length && functions[g] != null ? functions[g] : "";
    }

    /** Whether engine goroutine {@code g} is one of the runtime's own (its function is in package runtime). */
    public boolean isRuntimeGoroutine(int g) {
        return function(g).startsWith("runtime.");
    }

    /** Whether engine goroutine {@code g} stands for goroutines a summary log only counts (no real id). */
    public boolean isPlaceholder(int g) {
        return kind == Kind.SCHEDTRACE && g > 0 && g < goids.length && goids[g] < 0 && functions[g] != null;
    }

    /** The number written on goroutine {@code g}'s token: its real id ("?" for a placeholder). */
    public String tokenLabel(int g) {
        return isPlaceholder(g) ? "?" : Long.toString(goid(g));
    }

    /** What thread {@code m} is called: "M3" (the engine's or a log's M id) or "tid 12345" (a trace's). */
    public String threadName(int m) {
        if (kind == Kind.GO_TRACE && m >= 0 && m < tids.length && tids[m] >= 0) {
            return "tid " + tids[m];
        }
        return "M" + m;
    }

    /** Why event {@code index} is inferred, {@link Reason#OBSERVED} if the log or trace recorded it. */
    public Reason reason(int index) {
        return switch (kind) {
            case NONE -> Reason.OBSERVED;
            case SCHEDTRACE -> index >= 0 && recording != null && index < recording.size() - 1 && index > 0
                    ? Reason.BETWEEN_BLOCKS : Reason.OBSERVED;
            case GO_TRACE -> index >= 0 && index < reasonCount ? Reason.values()[reasons[index]] : Reason.OBSERVED;
        };
    }

    /** Whether the state after the first {@code count} events is one the log printed or the trace described. */
    public boolean settled(int count) {
        return switch (kind) {
            case NONE -> true;
            case SCHEDTRACE -> count == 0 || Arrays.binarySearch(blockEnds, count) >= 0
                    || recording != null && count >= recording.size();
            case GO_TRACE -> count <= 0 || count > reasonCount || settled[count - 1];
        };
    }

    /**
     * Whether goroutine {@code g}'s place in {@code s} (the state after {@code s.eventCount()} events) is inferred:
     * a run queue the log or trace does not name, or a step filled in between two states it gives.
     */
    public boolean placeInferred(SchedState s, int g) {
        if (kind == Kind.NONE || recording == null || !s.goroutines().exists(g)) {
            return false;
        }
        GoroutineTable gs = s.goroutines();
        PlaceKind where = gs.placeKind(g);
        boolean queued = where == PlaceKind.GLOBAL_QUEUE || where == PlaceKind.LOCAL_QUEUE
                || where == PlaceKind.RUNNEXT;
        int count = s.eventCount();
        if (kind == Kind.SCHEDTRACE) {
            // a block prints each queue's length, never its members; between blocks every move is filled in
            return queued || !settled(count) && movedSinceBlock(count, gs.size())[g];
        }
        int last = lastMove(g, count);
        if (last < 0) {
            return false;
        }
        Reason r = reason(last);
        if (!settled(count) && lastMoveInBurst(last, count)) {
            return true;
        }
        // a goroutine preempted or yielding goes to the global queue as the runtime puts it there: observed
        return queued && r != Reason.OBSERVED;
    }

    private int cachedCount = -1;
    private Recording cachedFor;
    private boolean[] cachedPlaces = new boolean[0];

    /**
     * {@link #placeInferred} for every goroutine of {@code s} at once, indexed by engine id; the stage asks for each
     * token of a frame, so the answer is kept until the state changes.
     */
    public boolean[] placesInferred(SchedState s) {
        if (s.eventCount() != cachedCount || cachedFor != recording || cachedPlaces.length != s.goroutines().size()) {
            boolean[] out = new boolean[s.goroutines().size()];
            if (kind == Kind.SCHEDTRACE && recording != null && !settled(s.eventCount())) {
                boolean[] moved = movedSinceBlock(s.eventCount(), out.length);
                for (int g = 1; g < out.length; g++) {
                    out[g] = s.goroutines().exists(g) && (queued(s, g) || moved[g]);
                }
            } else {
                for (int g = 1; g < out.length; g++) {
                    out[g] = placeInferred(s, g);
                }
            }
            cachedPlaces = out;
            cachedCount = s.eventCount();
            cachedFor = recording;
        }
        return cachedPlaces;
    }

    private static boolean queued(SchedState s, int g) {
        PlaceKind where = s.goroutines().placeKind(g);
        return where == PlaceKind.GLOBAL_QUEUE || where == PlaceKind.LOCAL_QUEUE || where == PlaceKind.RUNNEXT;
    }

    /** Which goroutines moved since the block before {@code count} (all of them past {@link #BURST_SCAN}). */
    private boolean[] movedSinceBlock(int count, int n) {
        boolean[] out = new boolean[n];
        int i = Arrays.binarySearch(blockEnds, count);
        int start = i >= 0 ? blockEnds[i] : -i - 2 >= 0 ? blockEnds[-i - 2] : 0;
        if (count - start > BURST_SCAN) {
            Arrays.fill(out, true);
            return out;
        }
        for (int k = start; k < count; k++) {
            int g = recording.event(k).g();
            if (g > 0 && g < n) {
                out[g] = true;
            }
        }
        return out;
    }

    /** The index of the last event at or before {@code count - 1} that moved goroutine {@code g}, or -1. */
    private int lastMove(int g, int count) {
        int[] list = moves(g);
        int i = Arrays.binarySearch(list, count - 1);
        if (i < 0) {
            i = -i - 2;
        }
        return i >= 0 ? list[i] : -1;
    }

    private boolean lastMoveInBurst(int last, int count) {
        for (int i = last; i < count - 1; i++) {
            if (settled[i]) {
                return false;
            }
        }
        return true;
    }

    /** Past this many events back, a goroutine in an unfinished SCHED burst is taken as moved. */
    private static final int BURST_SCAN = 4096;

    private int[] moves(int g) {
        if (moves == null) {
            int n = Math.max(goids.length, 1);
            int[] counts = new int[n];
            for (Event e : recording.events()) {
                if (e.g() > 0 && e.g() < n) {
                    counts[e.g()]++;
                }
            }
            int[][] out = new int[n][];
            for (int k = 0; k < n; k++) {
                out[k] = new int[counts[k]];
            }
            Arrays.fill(counts, 0);
            for (Event e : recording.events()) {
                if (e.g() > 0 && e.g() < n) {
                    out[e.g()][counts[e.g()]++] = e.seq();
                }
            }
            moves = out;
        }
        return g > 0 && g < moves.length ? moves[g] : new int[0];
    }

    /** The last SCHED block whose state the first {@code count} events reach (blocks that change nothing share it). */
    private int blockBefore(int count) {
        int lo = 0;
        int hi = blockEnds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (blockEnds[mid] <= count) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** "SCHED 10ms", or "SCHED 10ms to 29ms" when the blocks between printed the same state. */
    private String blocksAt(int k) {
        int first = k;
        while (first > 0 && blockEnds[first - 1] == blockEnds[k]) {
            first--;
        }
        return "SCHED " + blockTimesMs[first] + "ms" + (first == k ? "" : " to " + blockTimesMs[k] + "ms");
    }

    /**
     * One line for the stage about the state after {@code count} events: "" when it is simply what the trace
     * recorded, otherwise what was inferred ("inferred: …") or, for a log, which block it is or lies after.
     */
    public String stageNote(int count) {
        switch (kind) {
            case NONE -> {
                return "";
            }
            case SCHEDTRACE -> {
                int k = blockBefore(count);
                if (settled(count)) {
                    return k < 0 ? "" : "observed: as printed at " + blocksAt(k) + " (queue members inferred)";
                }
                return "inferred: filled in " + (k < 0 ? "to reach the first SCHED block"
                        : "after SCHED " + blockTimesMs[k] + "ms, on the way to the next block");
            }
            default -> {
                Reason r = count > 0 ? reason(count - 1) : Reason.OBSERVED;
                return r == Reason.OBSERVED ? "" : "inferred: " + r.text();
            }
        }
    }

    // ================================================================ text

    private static final Pattern NAME = Pattern.compile(
            "goroutine (\\d+) \\(((?:[^()]|\\([^()]*\\))*)\\)");
    private static final Pattern BARE_NAME = Pattern.compile(" \\(goroutine \\d+\\)");
    private static final Pattern G_ID = Pattern.compile("\\bG(\\d+)\\b");
    private static final Pattern LASTED = Pattern.compile(" has been in syscall\\(\\) for [^;()]+");
    private static final Pattern GETS_IT = Pattern.compile("; M\\d+ gets it");
    private static final Pattern M_ID = Pattern.compile("\\bM(\\d+)\\b");

    /**
     * {@code text} (the engine's words about this run) with the real ids: "G3 (goroutine 17 (main.worker))" reads
     * "G17 (main.worker)", "M2" reads "tid 12345" for a trace. A simulated run's text comes back unchanged.
     */
    public String realIds(String text) {
        if (kind == Kind.NONE || text.isEmpty()) {
            return text;
        }
        String t = NAME.matcher(text).replaceAll(mr -> Matcher.quoteReplacement(mr.group(2)));
        t = BARE_NAME.matcher(t).replaceAll("");
        t = G_ID.matcher(t).replaceAll(mr -> "G" + tokenLabel(parse(mr.group(1))));
        if (kind == Kind.GO_TRACE) {
            t = M_ID.matcher(t).replaceAll(mr -> Matcher.quoteReplacement(threadName(parse(mr.group(1)))));
        } else {
            // every step of a block has the block's time, so a syscall's length between blocks is unknown, and the
            // thread a retaken P goes to may come later in the burst than the retake the stage shows
            t = LASTED.matcher(t).replaceAll(" is in a system call");
            t = GETS_IT.matcher(t).replaceAll("");
        }
        // neither a log nor a trace names the system call
        return t.replace("syscall()", "a system call");
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The line the event log and caption show for event {@code index}: {@code text} with real ids, and what of it
     * is inferred, as "(inferred: …)" after it.
     */
    public String eventText(int index, String text) {
        String t = realIds(text);
        Reason r = reason(index);
        return r == Reason.OBSERVED ? t : t + "  (inferred: " + r.brief() + ")";
    }

    /** The caption for event {@code index}: real ids, and "(inferred)" when the step is. */
    public String caption(int index, String text) {
        String t = realIds(text);
        return reason(index) == Reason.OBSERVED ? t : t + "  (inferred)";
    }

    private TraceStacks stacks = TraceStacks.NONE;

    void stacks(TraceStacks s) {
        this.stacks = s;
    }

    /** The trace's stack behind event {@code index} (innermost frame first, as Go prints it), "" if none. */
    public String stack(int index) {
        return stacks.at(index);
    }
}
