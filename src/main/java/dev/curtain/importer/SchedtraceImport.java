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
import java.util.List;
import java.util.Map;
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
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new Run(in, size, progress, String.valueOf(file.getFileName())).read();
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

        Run(InputStream in, long size, ProgressListener progress, String name) {
            this.source = new LineSource(in);
            this.size = size;
            this.progress = progress;
            this.name = name;
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
                if (last == null) {
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
                Target target = kf.detailed() ? detailed.build(kf, s) : summary.build(kf, s);
                try {
                    planner.apply(target, lastMs * 1_000_000L);
                } catch (RuntimeException e) {
                    // A planner bug, not bad input: stop with what the user can report.
                    return ImportResult.refused("could not replay the SCHED block at line " + kf.line() + " of "
                            + name + ": " + e + where(e), warnings, warningCount);
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
            return ImportResult.imported(recording, last, marks, warnings, warningCount, reader.versionHint(),
                    threads(end), goroutines(end, last));
        }

        /** The importer's own frame that failed, so a report of this message points at the code. */
        private static String where(RuntimeException e) {
            for (StackTraceElement f : e.getStackTrace()) {
                if (f.getClassName().startsWith(SchedtraceImport.class.getPackageName())) {
                    return " (at " + f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "."
                            + f.getMethodName() + ":" + f.getLineNumber() + ")";
                }
            }
            return "";
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
