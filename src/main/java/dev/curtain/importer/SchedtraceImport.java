package dev.curtain.importer;

import dev.curtain.engine.Outcome;
import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event.RunEnded;
import dev.curtain.engine.event.Event.RuntimeStarted;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.GoroutineTable;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.importer.TraceLine.GLine;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Opens a {@code GODEBUG=schedtrace=N[,scheddetail=1]} log as a {@link Recording} the animator plays like a
 * simulated run: the one entry point of this package.
 * <pre>{@code
 * if (SchedtraceImport.looksLikeSchedtrace(file)) {
 *     ImportResult r = SchedtraceImport.read(file, listener);
 *     if (r.isRefused()) { show(r.refusal()); } else { play(r.recording()); r.warnings() ... }
 * }
 * }</pre>
 * The file is streamed: memory grows with the events the log implies, never with its lines.
 */
public final class SchedtraceImport {
    /** How far {@link #looksLikeSchedtrace} looks: the first block is printed at 0 ms, before most program output. */
    static final int DETECT_BYTES = 256 * 1024;
    /** How far {@link #read} looks for a first block before refusing a file. */
    static final int REFUSE_BYTES = 4 * 1024 * 1024;
    /**
     * Events one import may make (20 million fit in a 768 MB heap; the 100 MB summary benchmark makes 2.3 million):
     * a log whose lines alternate between thousands of queued goroutines and none would otherwise grow without bound.
     */
    public static final int MAX_EVENTS = 20_000_000;
    /** Warnings kept in the result; the count goes on. */
    public static final int MAX_WARNINGS = 1000;

    private SchedtraceImport() {
    }

    /**
     * Whether the file's beginning holds a {@code SCHED <n>ms: gomaxprocs=} line (false if unreadable). Only a
     * regular file is opened: a named pipe or a device would block the caller, or never end.
     */
    public static boolean looksLikeSchedtrace(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return firstHeaderWithin(in, DETECT_BYTES) == Found.HEADER;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private enum Found { HEADER, NONE, BINARY }

    private static Found firstHeaderWithin(InputStream in, int limit) throws IOException {
        byte[] head = in.readNBytes(limit);
        String text = new String(head, StandardCharsets.ISO_8859_1);
        for (String line : text.split("\n")) {
            // Only at the start of a line: a scenario file whose caption quotes a SCHED line is not a log.
            if (LineParser.headerStart(line) == 0 && line.indexOf("gomaxprocs=") > 0) {
                return Found.HEADER;
            }
        }
        // A NUL decides only when no header is there: a program may well print one before its first SCHED line.
        for (int i = 0; i < Math.min(head.length, 4096); i++) {
            if (head[i] == 0) {
                return Found.BINARY;
            }
        }
        return Found.NONE;
    }

    /**
     * Reads the log. Never throws for bad content: a file that is not a schedtrace log comes back refused with a
     * message, and unreadable lines come back as warnings.
     *
     * @throws IOException if the file cannot be read
     * @throws CancellationException if the listener cancelled
     */
    public static ImportResult read(Path file, ProgressListener listener) throws IOException {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        if (!Files.isRegularFile(file)) {
            return ImportResult.refused(file.getFileName() + " is not a regular file (a log is read from a file on "
                    + "disk, not a pipe or a device).", List.of(), 0);
        }
        long size = Math.max(1, Files.size(file));
        try (InputStream probe = Files.newInputStream(file)) {
            Found found = firstHeaderWithin(probe, REFUSE_BYTES);
            String name = String.valueOf(file.getFileName());
            if (found == Found.BINARY) {
                return ImportResult.refused(name + " is a binary file, not a schedtrace log.", List.of(), 0);
            }
            if (found == Found.NONE) {
                return ImportResult.refused(name + " is not a schedtrace log: it has no line like "
                        + "'SCHED 0ms: gomaxprocs=4 idleprocs=…'. Capture one with "
                        + "GODEBUG=schedtrace=1000,scheddetail=1 ./program 2> trace.log", List.of(), 0);
            }
        }
        // A block the planner cannot reach has already put part of its events in the recording, so the import
        // starts again without it: rare (a log that contradicts itself in a way the layouts do not settle), and each
        // pass is linear. When the passes run out, the last one stops before the block that failed last.
        Set<Long> skipped = new HashSet<>();
        List<ImportWarning> skipWarnings = new ArrayList<>();
        long stopLine = -1;
        for (int pass = 1; ; pass++) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return new Run(in, size, progress, String.valueOf(file.getFileName()), skipped, skipWarnings,
                        stopLine).read();
            } catch (Unreachable u) {
                String why = "this SCHED block contradicts itself and is not shown (" + u.getMessage() + ")";
                if (pass + 1 >= MAX_PASSES) {
                    stopLine = u.line;
                    why = why + "; the import stops here";
                } else {
                    skipped.add(u.line);
                }
                skipWarnings.add(new ImportWarning(u.line, why));
            }
        }
    }

    /** Passes over one log at most: each leaves out one more block the planner could not reach. */
    static final int MAX_PASSES = 8;

    /** A block the planner could not reach, at its line. */
    private static final class Unreachable extends RuntimeException {
        final long line;

        Unreachable(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** One import: the reader, the builder and what it has learnt so far. */
    private static final class Run {
        private final LineSource source;
        private final long size;
        private final ProgressListener progress;
        private final String name;
        private final List<ImportWarning> warnings = new ArrayList<>();
        private long warningCount;
        private final GoroutineIds ids = new GoroutineIds();
        private final ThreadRoles roles = new ThreadRoles();
        private final Recording.Builder builder = new Recording.Builder(null, null);
        private final TransitionPlanner planner = new TransitionPlanner(builder);
        private final List<KeyframeMark> marks = new ArrayList<>();
        private double reported = -1;

        /** Blocks left out (by their first line), and where to stop (-1: at the end). */
        private final Set<Long> skipped;
        private final long stopLine;

        Run(InputStream in, long size, ProgressListener progress, String name, Set<Long> skipped,
            List<ImportWarning> skipWarnings, long stopLine) {
            this.source = new LineSource(in);
            this.size = size;
            this.progress = progress;
            this.name = name;
            this.skipped = skipped;
            this.stopLine = stopLine;
            skipWarnings.forEach(this::warn);
        }

        private void warn(ImportWarning w) {
            warningCount++;
            if (warnings.size() < MAX_WARNINGS) {
                warnings.add(w);
            }
        }

        ImportResult read() throws IOException {
            KeyframeReader reader = new KeyframeReader(source, this::warn);
            DetailedLayout detailed = new DetailedLayout(ids, roles, this::warn);
            SummaryLayout summary = new SummaryLayout(ids);
            Keyframe last = null;
            long lastMs = -1;
            long lastPrintedMs = -1;
            Keyframe kf;
            while ((kf = reader.next()) != null) {
                if (progress.cancelled()) {
                    throw new CancellationException("import of " + name + " cancelled");
                }
                SchedState s = builder.state();
                if (builder.size() == 0) {
                    builder.append(new RuntimeStarted(0, kf.timeMs() * 1_000_000L, reader.versionHint(),
                            kf.header().gomaxprocs(), ThreadProps.rootOnHost(), List.of(), List.of()));
                } else if (kf.timeMs() < lastPrintedMs) {
                    // Two runs in one file, most likely: the second is shown after the first.
                    warn(new ImportWarning(kf.line(), "SCHED " + kf.timeMs() + "ms goes back in time (after "
                            + lastPrintedMs + "ms): shown from " + lastMs + "ms on"));
                }
                lastPrintedMs = kf.timeMs();
                lastMs = Math.max(lastMs, kf.timeMs());
                int before = builder.size();
                if (stopLine >= 0 && kf.line() >= stopLine) {
                    break;
                }
                if (skipped.contains(kf.line())) {
                    continue;
                }
                if (builder.size() >= MAX_EVENTS) {
                    warn(new ImportWarning(kf.line(), "the import stopped here, at its limit of " + MAX_EVENTS
                            + " events; the rest of the log is not shown"));
                    break;
                }
                Target target = kf.detailed() ? detailed.build(kf, s) : summary.build(kf, s);
                try {
                    // The first block shows goroutines that were blocked before the log began: found waiting.
                    planner.apply(target, lastMs * 1_000_000L, marks.isEmpty());
                } catch (RuntimeException e) {
                    throw new Unreachable(kf.line(), e.getMessage() == null ? e.toString() : e.getMessage());
                }
                for (String d : TargetCheck.differences(target, s)) {
                    warn(new ImportWarning(kf.line(), "shown approximately: " + d));
                }
                marks.add(new KeyframeMark(kf.line(), kf.timeMs(), before, builder.size(), kf.header().gomaxprocs(),
                        kf.header().idleprocs(), kf.header().threads(), kf.header().spinningthreads(),
                        kf.header().idlethreads(), kf.header().runqueue()));
                last = kf;
                report();
            }
            if (last == null) {
                return ImportResult.refused(name + " has no readable SCHED block (" + warningCount
                        + " schedtrace-like lines could not be read).", warnings, warningCount);
            }
            builder.append(new RunEnded(builder.size(), builder.state().timeNs(), RuntimeFunction.EXIT,
                    Outcome.IMPORTED, "imported " + marks.size() + " schedtrace blocks from " + name));
            progress.progress(1.0);
            Recording recording = builder.build();
            SchedState end = recording.finalState();
            return ImportResult.imported(recording, last, marks, facts(recording, end), warnings, warningCount,
                    reader.versionHint(), threads(end), goroutines(end, last));
        }

        private void report() {
            double f = Math.min(1.0, (double) source.bytesRead() / size);
            if (f - reported >= 0.002) {
                reported = f;
                progress.progress(f);
            }
        }

        private List<ImportedThread> threads(SchedState s) {
            List<ImportedThread> out = new ArrayList<>();
            for (ThreadState th : s.threads()) {
                out.add(new ImportedThread(th.id(), th.alive(), th.system(), th.state().key(), th.p(),
                        th.curg() < 0 ? -1 : realOrEngine(th.curg()),
                        th.lockedg() < 0 ? -1 : realOrEngine(th.lockedg())));
            }
            return out;
        }

        /** The log's own ids behind the engine's, and where each block ends: everything between is filled in. */
        private ImportFacts facts(Recording recording, SchedState end) {
            ImportFacts f = ImportFacts.forSchedtrace();
            GoroutineTable gs = end.goroutines();
            for (int g = 1; g < gs.size(); g++) {
                boolean placeholder = ids.isPlaceholder(g);
                f.goroutine(g, placeholder ? -1 : ids.real(g), placeholder ? "" : functionIn(gs.function(g)));
            }
            for (ThreadState th : end.threads()) {
                f.thread(th.id(), th.id());
            }
            for (KeyframeMark k : marks) {
                f.block(k.endIndex(), k.timeMs());
            }
            f.attach(recording);
            return f;
        }

        /** "runtime.bgsweep" of "goroutine 3 (runtime.bgsweep)"; "" for a goroutine the log does not name. */
        private static String functionIn(String name) {
            int open = name.indexOf('(');
            return open >= 0 && name.endsWith(")") ? name.substring(open + 1, name.length() - 1) : "";
        }

        private long realOrEngine(int g) {
            return ids.isPlaceholder(g) ? g : ids.real(g);
        }

        private List<ImportedGoroutine> goroutines(SchedState s, Keyframe last) {
            Map<Long, String> reasons = new HashMap<>();
            for (GLine g : last.gs()) {
                reasons.put(g.goid(), g.waitReason());
            }
            GoroutineTable gs = s.goroutines();
            List<ImportedGoroutine> out = new ArrayList<>();
            for (int g = 1; g < gs.size(); g++) {
                boolean placeholder = ids.isPlaceholder(g);
                long id = realOrEngine(g);
                GStatus st = gs.status(g);
                String reason = st == GStatus.WAITING ? reasons.getOrDefault(id, gs.waitReason(g).text()) : "";
                out.add(new ImportedGoroutine(id, gs.function(g), st.key(), placeholder ? "" : reason,
                        gs.lockedM(g), placeholder));
            }
            return out;
        }
    }
}
