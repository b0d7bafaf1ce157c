package dev.curtain.cli;

import dev.curtain.engine.SimulationOptions;
import dev.curtain.scenario.Exploration;
import dev.curtain.scenario.Exploration.Report;
import dev.curtain.scenario.Exploration.Tally;
import dev.curtain.scenario.Json;
import dev.curtain.scenario.Scenario;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./curtain explore FILE --runs N}: the same program over N seeds, and in what fraction of runs each
 * observation and each diverged thread property happened. Real Go is nondeterministic; this separates what a
 * lesson can promise from what is only possible.
 */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Run a scenario over N seeds; report in what fraction of runs each observation and each "
                + "diverged thread property happened.")
final class ExploreCommand implements Callable<Integer> {
    static final int MAX_RUNS = Exploration.MAX_RUNS;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file.")
    Path file;

    @Option(names = "--runs", paramLabel = "N", required = true, description = "How many seeds to run (1..10000).")
    int runs;

    @Mixin
    RunOptions run;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (runs < 1 || runs > MAX_RUNS) {
            throw new InvalidInputException("--runs must be between 1 and " + MAX_RUNS + ", not " + runs);
        }
        Scenario scenario = ScenarioInput.load(file);
        SimulationOptions options = run.apply(scenario);
        Report r = Exploration.explore(scenario, options, options.seed(), runs);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.write(toJson(scenario, options, r), true));
        } else {
            out.printf(Locale.ROOT, "%s — Go %s, GOMAXPROCS=%d, %d runs (seeds %d..%d)%n", scenario.title(),
                    options.version(), options.gomaxprocs(), runs, r.seeds().get(0),
                    r.seeds().get(r.seeds().size() - 1));
            section(out, "outcomes", r.outcomes());
            section(out, "observations (in what fraction of runs each was seen at least once)", r.observations());
            section(out, "diverged properties held by a live thread at the end", r.threadsAtEnd());
            section(out, "diverged properties held by some thread at some time", r.threadsEver());
        }
        out.flush();
        return 0;
    }

    private static void section(PrintWriter out, String title, List<Tally> tallies) {
        out.println();
        out.println(title + ":");
        if (tallies.isEmpty()) {
            out.println("  (none)");
        }
        for (Tally t : tallies) {
            out.printf(Locale.ROOT, "  %5s  %s%n", t.percent(), t.what());
        }
    }

    private static Json.Obj toJson(Scenario s, SimulationOptions o, Report r) {
        Json.Arr seeds = new Json.Arr();
        r.seeds().forEach(x -> seeds.add(Json.Num.of(x)));
        return new Json.Obj()
                .put("scenario", s.title())
                .put("go", o.version().toString())
                .put("gomaxprocs", o.gomaxprocs())
                .put("runs", r.seeds().size())
                .put("seeds", seeds)
                .put("outcomes", tallies(r.outcomes()))
                .put("observations", tallies(r.observations()))
                .put("threadsAtEnd", tallies(r.threadsAtEnd()))
                .put("threadsEver", tallies(r.threadsEver()));
    }

    private static Json.Arr tallies(List<Tally> list) {
        Json.Arr a = new Json.Arr();
        for (Tally t : list) {
            a.add(new Json.Obj().put("what", t.what()).put("runs", t.runs()).put("fraction",
                    Json.Num.of(BigDecimal.valueOf(t.fraction()).setScale(4, RoundingMode.HALF_UP))));
        }
        return a;
    }
}
