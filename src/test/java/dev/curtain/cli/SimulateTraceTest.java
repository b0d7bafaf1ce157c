package dev.curtain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate} on a Go execution trace: detected by its header, replayed, reported in the JSON contract. */
class SimulateTraceTest {
    static final String TRACE = "src/test/resources/gotrace/chan-go1.23.trace";

    @Test
    void aTraceIsReplayedWithItsThreadsGoroutinesAndVersion() {
        CliTest.Run r = CliTest.run("simulate", TRACE, "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"outcome\": \"imported\"", "\"go\": \"1.23\"", "\"gomaxprocs\": 4",
                "\"name\": \"goroutine 1 (main)\"");
        // Threads are the trace's (kernel thread ids), four of them as Go's parser counts.
        assertThat(r.out().split("\"clonedFrom\"", -1)).hasSize(4 + 1);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theTextFormSaysWhatWasReplayed() {
        CliTest.Run r = CliTest.run("simulate", TRACE);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("replayed from a Go 1.23 execution trace: 4 threads, 15 goroutines");
    }

    @Test
    void theTextLogNamesTheTracesIdsAndTagsWhatWasInferred() {
        CliTest.Run r = CliTest.run("simulate", TRACE);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("G1 (main) is created").contains("(inferred: run queue assumed)")
                .containsPattern("tid \\d+ on P\\d runs G\\d+").doesNotContain(" M0 ");
    }

    @Test
    void aLaterGenerationOpensWithFromGeneration() {
        CliTest.Run r = CliTest.run("simulate", "src/test/resources/gotrace/ticker-go1.23.trace", "--json",
                "--from-generation", "2");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"outcome\": \"imported\"");
        assertThat(r.err()).contains("shown from generation 2");
        CliTest.Run past = CliTest.run("simulate", "src/test/resources/gotrace/ticker-go1.23.trace",
                "--from-generation", "7");
        assertThat(past.code()).isEqualTo(2);
        assertThat(past.err()).contains("has 3 generations");
        CliTest.Run log = CliTest.run("simulate", "src/test/resources/schedtrace/channels-p2-detail.log",
                "--from-generation", "2");
        assertThat(log.code()).isEqualTo(2);
        assertThat(log.err()).contains("--from-generation applies to Go execution traces only");
    }

    @Test
    void simulationOptionsDoNotApplyToATrace() {
        CliTest.Run r = CliTest.run("simulate", TRACE, "--gomaxprocs", "2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Go execution trace", "--gomaxprocs");
    }

    @Test
    void anOldTraceIsRefusedWithTheSupportedVersions() {
        CliTest.Run r = CliTest.run("simulate", "src/test/resources/gotrace/chan-go1.19.trace", "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("chan-go1.19.trace: a Go 1.19 trace", "Go 1.22 to Go 1.25")
                .doesNotContain("Exception");
    }

    @Test
    void aCutTraceImportsWhatItHoldsAndSaysWhereItBroke(@TempDir Path dir) throws IOException {
        byte[] b = Files.readAllBytes(Path.of("src/test/resources/gotrace/ticker-go1.22.trace"));
        Path cut = dir.resolve("cut.trace");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length - 100));
        CliTest.Run r = CliTest.run("simulate", cut.toString(), "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"outcome\": \"imported\"");
        assertThat(r.err()).contains("cut.trace: the trace breaks off").doesNotContain("Exception");
    }

    @Test
    void aTraceRendersToAPerfettoTrace(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("t.json");
        CliTest.Run r = CliTest.run("render", TRACE, "-o", out.toString());
        assertThat(r.code()).isZero();
        assertThat(Files.readString(out)).contains("\"traceEvents\"");
    }
}
