package dev.curtain.cli;

import dev.curtain.fuzz.Fuzzer;
import dev.curtain.fuzz.Seeds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./curtain fuzz --minutes N}: the release check of docs/reliability.md. Mutates the shipped lessons and the
 * committed logs for N minutes and prints the totals; every input that crashed or hung is written to the output
 * folder to be replayed. Exit 0 when nothing was found, 1 otherwise.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Mutation-fuzz the scenario reader, the save round-trip and the schedtrace importer, "
                + "seeded from the shipped lessons and the committed logs; print the totals.")
final class FuzzCommand implements Callable<Integer> {
    @Option(names = "--minutes", defaultValue = "10", description = "How long to run (default ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds the mutations (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--logs", defaultValue = "src/test/resources/schedtrace",
            description = "A folder of schedtrace logs to mutate (default ${DEFAULT-VALUE}).")
    Path logs;

    @Option(names = "--out", defaultValue = "target/fuzz",
            description = "Where inputs that crashed or hung are written (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--hang-ms", defaultValue = "10000",
            description = "An input taking longer counts as a hang (default ${DEFAULT-VALUE}).")
    long hangMillis;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (minutes <= 0) {
            throw new InvalidInputException("--minutes must be positive");
        }
        PrintWriter w = spec.commandLine().getOut();
        List<Fuzzer.Seed> seeds = new ArrayList<>(Seeds.lessons());
        List<Fuzzer.Seed> logSeeds = Seeds.logs(logs);
        if (logSeeds.isEmpty()) {
            spec.commandLine().getErr().println("fuzz: no *.log in " + logs + "; fuzzing scenarios only");
        }
        seeds.addAll(logSeeds);
        Files.createDirectories(out);
        long start = System.nanoTime();
        Fuzzer.Totals t = new Fuzzer(seeds, seed, out, hangMillis)
                .run(Long.MAX_VALUE, System::nanoTime, start + (long) (minutes * 60e9));
        double seconds = (System.nanoTime() - start) / 1e9;
        int i = 0;
        for (Fuzzer.Finding f : t.findings()) {
            Path file = out.resolve(String.format(Locale.ROOT, "finding-%03d-%s%s", i++, f.kind().replace(' ', '-'),
                    f.target().equals("schedtrace importer") ? ".log" : ".json"));
            Files.write(file, f.input());
            Files.writeString(file.resolveSibling(file.getFileName() + ".txt"),
                    f.target() + ", from " + f.seed() + ": " + f.message() + "\n");
        }
        w.printf(Locale.ROOT, "fuzz: %d inputs in %.0f s (seed %d): %d scenarios, %d logs; %d accepted, "
                        + "%d blocks left out as contradictory%n", t.inputs(), seconds, seed, t.scenarioInputs(),
                t.logInputs(), t.accepted(), t.unreachableBlocks());
        w.printf(Locale.ROOT, "fuzz: %d crashes, %d hangs (over %d ms); slowest input %d ms; peak heap %.0f MB%n",
                t.crashes(), t.hangs(), hangMillis, t.slowestMillis(), t.peakHeapBytes() / 1e6);
        if (!t.findings().isEmpty()) {
            w.println("fuzz: the inputs are in " + out);
        }
        w.flush();
        return t.findings().isEmpty() ? 0 : 1;
    }
}
