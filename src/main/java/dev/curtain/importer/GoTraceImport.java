package dev.curtain.importer;

import dev.curtain.engine.Outcome;
import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event.RunEnded;
import dev.curtain.engine.event.Event.RuntimeStarted;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.gotrace.EventType;
import dev.curtain.gotrace.GoTraceReader;
import dev.curtain.gotrace.TraceEvent;
import dev.curtain.gotrace.TraceFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * Opens a Go execution trace ({@code runtime/trace}, Go 1.22 or 1.23) as a {@link Recording}, like
 * {@link SchedtraceImport} does a schedtrace log: the trace's own goroutine ids, its threads (one M each, in the
 * order they appear), its Ps and GOMAXPROCS. Every scheduling event of the trace (a P starting or stopping or being
 * stolen, a goroutine created, started, stopped, blocked, unblocked, in and out of a syscall, ending) takes the
 * stage to the state the trace describes after it, through the same {@link TransitionPlanner} the schedtrace import
 * uses; what a trace does not record is filled in as documented in docs/importer.md.
 */
public final class GoTraceImport {
    /** Engine events a recording keeps; the rest of a larger trace is still read, for the counts. */
    static final int MAX_RECORDED_EVENTS = 250_000;

    private GoTraceImport() {
    }

    /** Whether the file starts with a Go execution trace header of any version ({@code "go 1.N trace"}). */
    public static boolean looksLikeGoTrace(Path file) {
        // a FIFO or a device would block the sniff forever: only a regular file is looked into
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return GoTraceReader.headerVersion(in.readNBytes(16)) >= 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads the trace. A file of another format or version comes back refused with a message; a trace that breaks
     * off (cut short, or bytes the reader cannot follow) keeps what came before, with a warning that says where.
     *
     * @throws IOException if the file cannot be read
     * @throws CancellationException if the listener cancelled
     */
    public static ImportResult read(Path file, ProgressListener listener) throws IOException {
        return read(file, listener, 1);
    }

    /**
     * {@link #read(Path, ProgressListener)}, the recording starting at generation {@code fromGeneration} (1: the
     * start): a trace too long for one recording ({@value #MAX_RECORDED_EVENTS} steps, about the first second of a
     * busy program) opens at a later part, as {@code go tool trace} splits a large trace. The trace is still read
     * from its start, so the statuses there are the trace's, reached in one burst of inferred steps.
     */
    public static ImportResult read(Path file, ProgressListener listener, int fromGeneration) throws IOException {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        String name = String.valueOf(file.getFileName());
        long size = Math.max(1, Files.size(file));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            GoTraceReader reader;
            try {
                reader = new GoTraceReader(in);
            } catch (TraceFormatException e) {
                return ImportResult.refused(name + ": " + e.getMessage(), List.of(), 0);
            }
            return new Run(reader, size, progress, name, Math.max(1, fromGeneration)).read();
        }
    }

    private static final class Run {
        private final GoTraceReader reader;
        private final long size;
        private final ProgressListener progress;
        private final String name;
        private final TraceModel model = new TraceModel();
        private final Recording.Builder builder = new Recording.Builder(null, null);
        private final TransitionPlanner planner = new TransitionPlanner(builder);
        private final List<ImportWarning> warnings = new ArrayList<>();
        private boolean started;
        private boolean opening = true;
        private int openingIndex;
        private final List<KeyframeMark> generations = new ArrayList<>();
        private int generationStart;
        private final TraceStacks stacks = new TraceStacks();
        private final ImportFacts facts = ImportFacts.forTrace();
        private boolean recording = true;
        private long stoppedAtNs = -1;
        private double reported = -1;

        /** The generation the recording opens at (1: the start), and whether the import is still before it. */
        private final int fromGeneration;
        private boolean skipping;
        /** The next burst brings in everything alive at the generation the recording opens at. */
        private boolean restart;

        Run(GoTraceReader reader, long size, ProgressListener progress, String name, int fromGeneration) {
            this.reader = reader;
            this.size = size;
            this.progress = progress;
            this.name = name;
            this.fromGeneration = fromGeneration;
            this.skipping = fromGeneration > 1;
            if (skipping) {
                model.stopTracking();
            }
        }

        ImportResult read() throws IOException {
            long n = 0;
            try {
                for (TraceEvent e; (e = reader.next()) != null; n++) {
                    if ((n & 4095) == 0) {
                        if (progress.cancelled()) {
                            throw new CancellationException("import of " + name + " cancelled");
                        }
                        report();
                    }
                    if (e.type() == EventType.SYNC && !e.endsGeneration()) {
                        // Go 1.25's Sync that opens the trace: nothing has happened yet, and it ends no generation.
                        continue;
                    }
                    boolean moved;
                    try {
                        moved = model.apply(e);
                    } catch (RuntimeException ex) {
                        // The ordering accepted it, so this is a case the model does not know: keep the counts so far.
                        warnings.add(new ImportWarning(0, "stopped at event " + n + " (" + EventType.name(e.type())
                                + "), which the importer cannot follow: " + ex));
                        break;
                    }
                    if (moved && recording && !skipping) {
                        play(e);
                    }
                    if (e.endsGeneration() && skipping && reader.generations() >= fromGeneration - 1) {
                        skipping = false;
                        restart = true;
                        model.startTracking();
                        generationStart = builder.size();
                        warnings.add(new ImportWarning(0, "shown from generation " + fromGeneration + " (at "
                                + rel(e.time()) / 1_000_000 + " ms)"));
                    } else if (e.endsGeneration() && recording && started) {
                        markGeneration(e);
                    }
                }
            } catch (TraceFormatException e) {
                if (n == 0 || !started) {
                    return ImportResult.refused(name + (e.offset() >= 0 ? ":" + e.offset() : "") + ": "
                            + e.getMessage(), warnings, warnings.size());
                }
                warnings.add(new ImportWarning(0, "the trace breaks off after " + n + " events (byte "
                        + reader.bytesRead() + " of " + size + "): " + e.getMessage()
                        + "; shown up to there"));
            }
            if (skipping) {
                return ImportResult.refused(name + " has " + reader.generations() + " generation"
                        + (reader.generations() == 1 ? "" : "s") + ": there is no generation " + fromGeneration
                        + " to start at", warnings, warnings.size());
            }
            if (!started) {
                return ImportResult.refused(name + " holds no scheduling events (" + n + " events in "
                        + reader.generations() + " generations)", warnings, warnings.size());
            }
            if (!recording) {
                warnings.add(new ImportWarning(0, "the trace has " + reader.generations() + " generations; the "
                        + "recording ends in generation " + (lastMarked() + 1) + ": open a later part from "
                        + "generation " + (lastMarked() + 1) + " on (--from-generation)"));
            }
            long endNs = Math.max(builder.state().timeNs(), rel(model.lastTime));
            builder.append(new RunEnded(builder.size(), recording ? endNs : builder.state().timeNs(),
                    RuntimeFunction.EXIT, Outcome.IMPORTED, String.format(Locale.ROOT,
                            "imported %d events in %d generation%s of a Go %s execution trace from %s", n,
                            reader.generations(), reader.generations() == 1 ? "" : "s", reader.goVersion(), name)));
            progress.progress(1.0);
            Recording rec = builder.build();
            for (TraceModel.G g : model.gs.values()) {
                if (g.engine > 0) {
                    facts.goroutine(g.engine, g.goid, g.goid == 1 && g.function.isEmpty() ? "main" : g.function);
                }
            }
            for (int m = 0; m < model.tids.size(); m++) {
                facts.thread(m, model.tids.get(m));
            }
            facts.stacks(stacks);
            facts.attach(rec);
            return ImportResult.importedTrace(rec, generations, openingIndex, stacks, facts, warnings,
                    reader.goVersion(), threads(), goroutines()).withGenerationCount((int) reader.generations());
        }

        /** The last generation the recording covers whole (fromGeneration - 1 if none). */
        private int lastMarked() {
            return generations.isEmpty() ? fromGeneration - 1 : (int) generations.get(generations.size() - 1).line();
        }

        private void markGeneration(TraceEvent e) {
            int busy = 0;
            for (int p = 0; p < Math.min(model.gomaxprocs, model.pOwner.size()); p++) {
                busy += model.pOwner.get(p) >= 0 ? 1 : 0;
            }
            generations.add(new KeyframeMark(reader.generations(), rel(e.time()) / 1_000_000, generationStart,
                    builder.size(), model.gomaxprocs, model.gomaxprocs - busy, model.tids.size(), 0, 0, 0));
            generationStart = builder.size();
        }

        private static boolean isStatus(TraceEvent e) {
            return switch (e.type()) {
                case EventType.PROC_STATUS, EventType.GO_STATUS, EventType.GO_STATUS_STACK, EventType.PROCS_CHANGE ->
                    true;
                default -> false;
            };
        }

        private long rel(long t) {
            return Math.max(0, t - model.firstTime);
        }

        private void play(TraceEvent e) {
            if (model.gomaxprocs == 0) {
                // Nothing to draw until the trace says how many Ps there are (its first ProcsChange).
                return;
            }
            long t = rel(e.time());
            try {
                if (!started) {
                    builder.append(new RuntimeStarted(0, t, reader.goVersion(), model.gomaxprocs,
                            ThreadProps.rootOnHost(), List.of(), List.of()));
                    started = true;
                }
                int before = builder.size();
                // what was alive at a later generation comes in with its first event: the steps to it are made up
                boolean status = isStatus(e) || restart;
                restart = false;
                // A status is a state found, not reached: a goroutine it has waiting comes in waiting.
                planner.apply(model.target(), t, status);
                stacks.assign(before, builder.size(), e.stack());
                facts.steps(before, TraceStepReasons.of(e.type(), status, planner.emitted()));
                // The trace opens with the status of every P and goroutine: a player starts after them.
                opening &= status;
                if (opening) {
                    openingIndex = builder.size();
                }
            } catch (RuntimeException ex) {
                stop(t, "could not show " + EventType.name(e.type()) + " at " + t + " ns (" + ex.getMessage()
                        + ")");
                return;
            }
            if (builder.size() >= MAX_RECORDED_EVENTS) {
                stop(t, "the recording keeps the first " + MAX_RECORDED_EVENTS + " steps");
            }
        }

        private void stop(long t, String why) {
            recording = false;
            model.stopTracking();
            stoppedAtNs = t;
            warnings.add(new ImportWarning(0, why + ": shown up to " + t / 1_000_000 + " ms; the counts cover "
                    + "the whole trace"));
        }

        private void report() {
            double f = Math.min(1.0, (double) reader.bytesDone() / size);
            if (f - reported >= 0.002) {
                reported = f;
                progress.progress(f);
            }
        }

        private List<ImportedThread> threads() {
            List<ImportedThread> out = new ArrayList<>();
            for (int m = 0; m < model.tids.size(); m++) {
                int p = model.mP.get(m);
                long g = model.mG.get(m);
                TraceModel.G cur = g < 0 ? null : model.gs.get(g);
                String state = cur != null && cur.state == TraceModel.GState.SYSCALL ? "syscall"
                        : p >= 0 ? "running" : "idle";
                out.add(new ImportedThread((int) (long) model.tids.get(m), true, false, state, p, g, -1));
            }
            return out;
        }

        private List<ImportedGoroutine> goroutines() {
            List<ImportedGoroutine> out = new ArrayList<>();
            for (TraceModel.G g : model.gs.values()) {
                String state = g.state.name().toLowerCase(Locale.ROOT);
                out.add(new ImportedGoroutine(g.goid, TraceModel.name(g.goid, g.function), state,
                        g.state == TraceModel.GState.WAITING ? g.reason : "", -1, false));
            }
            return out;
        }
    }
}
