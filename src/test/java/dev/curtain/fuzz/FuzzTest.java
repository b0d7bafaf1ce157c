package dev.curtain.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run of the mutation fuzzer in every build: mutants of the fifteen lessons and the committed logs must each
 * end in the format's own error or a valid result (a save that reads back equal, a recording that replays), never an
 * exception, and none may take longer than the hang bound. {@code ./curtain fuzz --minutes N} runs it for longer.
 */
class FuzzTest {
    /** Inputs of one build's run: a few seconds on a quiet machine. */
    private static final int INPUTS = 1_500;
    /** The run stops early at this much wall time on a loaded machine; which inputs are tried does not change. */
    private static final long BUDGET_NANOS = 30_000_000_000L;

    @TempDir
    Path scratch;

    @Test
    void mutatedLessonsAndLogsGetTheFormatsOwnErrorOrAValidResult() throws IOException, URISyntaxException {
        List<Fuzzer.Seed> seeds = new ArrayList<>(Seeds.lessons());
        seeds.addAll(Seeds.logs(Path.of(getClass().getResource("/schedtrace").toURI())));
        assertThat(seeds).filteredOn(Fuzzer.Seed::log).hasSizeGreaterThanOrEqualTo(15);
        long start = System.nanoTime();
        Fuzzer.Totals t = new Fuzzer(seeds, 20261201L, scratch, 10_000).run(INPUTS, System::nanoTime,
                start + BUDGET_NANOS);
        assertThat(t.inputs()).isGreaterThan(200);
        assertThat(t.scenarioInputs()).isPositive();
        assertThat(t.logInputs()).isPositive();
        assertThat(t.accepted()).as("some mutants are still valid, so the round-trip is exercised").isPositive();
        if (!t.findings().isEmpty()) {
            Path out = Path.of("target", "fuzz-failures");
            Files.createDirectories(out);
            int i = 0;
            for (Fuzzer.Finding f : t.findings()) {
                Files.write(out.resolve("finding-" + i++ + (f.target().contains("schedtrace") ? ".log" : ".json")),
                        f.input());
            }
        }
        assertThat(t.findings()).as(() -> t.findings().stream()
                        .map(f -> f.kind() + " in the " + f.target() + " (from " + f.seed() + "): " + f.message())
                        .collect(Collectors.joining("\n")) + "\n(inputs written to target/fuzz-failures)")
                .isEmpty();
    }

    @Test
    void theSameSeedTriesTheSameInputs() throws IOException {
        List<Fuzzer.Seed> seeds = Seeds.lessons();
        Fuzzer.Totals a = new Fuzzer(seeds, 7, scratch, 10_000).run(200, System::nanoTime, Long.MAX_VALUE);
        Fuzzer.Totals b = new Fuzzer(seeds, 7, scratch, 10_000).run(200, System::nanoTime, Long.MAX_VALUE);
        assertThat(a.accepted()).isEqualTo(b.accepted());
        assertThat(a.scenarioInputs()).isEqualTo(200);
    }
}
