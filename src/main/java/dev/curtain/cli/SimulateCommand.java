package dev.curtain.cli;

import dev.curtain.engine.Durations;
import dev.curtain.engine.Recording;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.EventText;
import dev.curtain.engine.state.Counters;
import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.scenario.Json;
import dev.curtain.scenario.Scenario;
import dev.curtain.importer.ImportFacts;
import dev.curtain.importer.ImportResult;
import dev.curtain.importer.LogImport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./curtain simulate FILE}: runs a scenario and prints its event log and a summary, or the JSON contract. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a scenario and print the event log (each event names its runtime function) and a summary.")
final class SimulateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "A scenario file, or a Go execution trace or GODEBUG=schedtrace log (detected by content) to "
                    + "replay.")
    Path file;

    @Mixin
    RunOptions run;

    @Option(names = "--from-generation", paramLabel = "N", defaultValue = "1",
            description = "For a Go execution trace: start the recording at its generation N (about one a second), "
                    + "for a trace longer than one recording holds (default ${DEFAULT-VALUE}).")
    int fromGeneration = 1;

    @Option(names = "--json", description = "Print one JSON object (the documented contract) instead of text.")
    boolean json;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (LogImport.looksLikeImport(file)) {
            return replayLog();
        }
        Scenario scenario = ScenarioInput.load(file);
        SimulationOptions options = run.apply(scenario);
        Recording rec = Simulator.run(scenario.program(), options);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.write(RunReport.of(scenario, options, rec), true, out);
        } else {
            printLog(out, rec);
            printSummary(out, scenario, options, rec);
        }
        out.flush();
        return 0;
    }

    /** A trace or a schedtrace log is not simulated but replayed: its events, then the same outputs. */
    private int replayLog() {
        if (run.any()) {
            throw new InvalidInputException(file + " is " + ImportInput.kind(file) + " of a real run: --go, "
                    + "--gomaxprocs and --seed apply to scenarios only");
        }
        ImportResult r = ImportInput.load(file, spec.commandLine().getErr(), fromGeneration);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.write(ImportReport.of(file, r), true, out);
        } else {
            printLog(out, r.recording(), r.facts());
            out.println();
            if (ImportResult.GO_TRACE.equals(r.source())) {
                out.printf(Locale.ROOT, "%s — replayed from a Go %s execution trace: %d threads, %d goroutines, "
                        + "%d events%n", file.getFileName(), r.goVersion(), r.threads().size(), r.goroutines().size(),
                        r.recording().size());
            } else {
                out.printf(Locale.ROOT, "%s — replayed from a schedtrace log (Go %s format), %d blocks, %d events%n",
                        file.getFileName(), r.goVersion(), r.keyframes().size(), r.recording().size());
            }
        }
        out.flush();
        return 0;
    }

    static void printLog(PrintWriter out, Recording rec) {
        printLog(out, rec, ImportFacts.NONE);
    }

    /** The log, an import's with its real ids and its inferred steps tagged as in the window's event log. */
    static void printLog(PrintWriter out, Recording rec, ImportFacts facts) {
        SchedState state = rec.stateAt(0);
        for (int i = 0; i < rec.size(); i++) {
            Event e = rec.event(i);
            out.printf(Locale.ROOT, "%6d %10s  %-16s %s%n", e.seq(), Durations.human(e.timeNs()), e.fn().goName(),
                    facts.eventText(i, EventText.describe(rec.events(), i, state)));
            rec.advance(state, i + 1);
        }
    }

    private static void printSummary(PrintWriter out, Scenario s, SimulationOptions o, Recording rec) {
        SchedState end = rec.finalState();
        Counters c = end.counters();
        out.println();
        out.printf(Locale.ROOT, "%s — Go %s, GOMAXPROCS=%d, seed %d%n", s.title(), o.version(), o.gomaxprocs(),
                o.seed());
        out.printf(Locale.ROOT, "outcome: %s after %s simulated, %d events%n", rec.outcome().key(),
                Durations.human(end.timeNs()), rec.size());
        if (!end.outcomeMessage().isEmpty()) {
            out.println("  " + end.outcomeMessage().replace("\n", "\n  "));
        }
        out.printf(Locale.ROOT, "threads: %d created, %d exited, at most %d alive; handoffs %d, steals %d, "
                + "preemptions %d%n", c.threadsCreated(), c.threadsExited(), c.maxLiveThreads(), c.handoffs(),
                c.steals(), c.preemptions());
        for (ThreadState t : end.threads()) {
            Set<Property> d = end.diverged(t.id());
            String props = d.isEmpty() ? "clean" : "DIVERGED " + d.stream()
                    .map(p -> p.key() + "=" + p.valueOf(t.props())).collect(Collectors.joining(", "));
            out.printf(Locale.ROOT, "  M%-3d %-8s %-11s %s%n", t.id(), t.role().key(), t.state().key(), props);
        }
    }
}
