package dev.curtain.view.model;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.program.Program;
import dev.curtain.importer.ImportResult;
import dev.curtain.importer.KeyframeMark;
import dev.curtain.scenario.CueMatch;
import dev.curtain.scenario.CuePoint;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ViewHints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An imported run (a GODEBUG=schedtrace log or a Go execution trace) described as the scenario the window and
 * {@code render} show with it: its file name as the title, a caption saying where it came from, its GOMAXPROCS,
 * and one timeline marker per block (per generation for a trace). It has no program to re-run.
 */
public final class ImportedRun {
    /** Blocks beyond this many are not marked on the timeline: markers would merge into a bar. */
    static final int MAX_MARKED_BLOCKS = 400;

    private ImportedRun() {
    }

    /** The scenario shown with the import read from {@code file}. */
    public static Scenario describe(Path file, ImportResult r) {
        int procs = Math.max(1, r.recording().finalState().gomaxprocs());
        SimulationOptions o = SimulationOptions.defaults().withVersion(GoVersion.parse(r.goVersion()))
                .withGomaxprocs(Math.min(procs, 4096));
        List<CuePoint> cues = new ArrayList<>();
        boolean trace = ImportResult.GO_TRACE.equals(r.source());
        if (trace && r.keyframes().size() <= MAX_MARKED_BLOCKS) {
            for (KeyframeMark k : r.keyframes()) {
                cues.add(new CuePoint("generation-" + k.line(), CueMatch.atTime(k.timeMs() * 1_000_000L),
                        String.format(Locale.ROOT, "end of trace generation %d: gomaxprocs=%d idleprocs=%d "
                                + "threads=%d", k.line(), k.gomaxprocs(), k.idleprocs(), k.threads()), "", false,
                        List.of()));
            }
        } else if (r.keyframes().size() <= MAX_MARKED_BLOCKS) {
            for (KeyframeMark k : r.keyframes()) {
                cues.add(new CuePoint("sched-" + k.line(), CueMatch.atTime(k.timeMs() * 1_000_000L),
                        String.format(Locale.ROOT, "SCHED %dms (line %d): gomaxprocs=%d idleprocs=%d threads=%d "
                                        + "spinningthreads=%d idlethreads=%d runqueue=%d", k.timeMs(), k.line(),
                                k.gomaxprocs(), k.idleprocs(), k.threads(), k.spinningthreads(), k.idlethreads(),
                                k.runqueue()), "", false, List.of()));
            }
        }
        String what = r.warningCount() == 0 ? "" : " " + r.warningCount() + " lines could not be read and were skipped.";
        String caption = trace
                ? "Replayed from a Go " + r.goVersion() + " execution trace of a real run."
                        + (r.warnings().isEmpty() ? "" : " " + r.warnings().get(0).message())
                : "Replayed from a GODEBUG=schedtrace log of a real run (" + r.keyframes().size() + " blocks)." + what;
        return new Scenario(file.getFileName().toString(), caption,
                "", o, Program.ofMain(List.of()), "", cues, List.of(), ViewHints.NONE);
    }
}
