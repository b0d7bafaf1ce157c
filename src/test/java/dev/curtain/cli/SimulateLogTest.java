package dev.curtain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate} on a schedtrace log: detected by content, replayed, reported in the same JSON contract. */
class SimulateLogTest {
    static final String LOG = "src/test/resources/schedtrace/lockosthread-p1-detail.log";

    @Test
    void aLogIsReplayedAndReportedAsImported() {
        CliTest.Run r = CliTest.run("simulate", LOG, "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"outcome\": \"imported\"", "\"gomaxprocs\": 1", "\"threads\": [",
                "\"goroutines\": [", "\"counters\": {");
    }

    @Test
    void theTextFormPrintsTheReplayedEvents() {
        CliTest.Run r = CliTest.run("simulate", LOG);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("replayed from a schedtrace log");
    }

    @Test
    void simulationOptionsDoNotApplyToALog() {
        CliTest.Run r = CliTest.run("simulate", LOG, "--go", "1.9");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("schedtrace log", "--go");
    }

    @Test
    void badLinesAreReportedWithTheirNumbers() {
        CliTest.Run r = CliTest.run("simulate", "src/test/resources/schedtrace/interleaved-and-bad-handwritten.log",
                "--json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).containsPattern("interleaved-and-bad-handwritten.log:\\d+: skipped: ");
    }

    @Test
    void aFileThatLooksLikeNeitherIsRefusedAsAScenario(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "SCHED is a word, but this is not a log\n");
        CliTest.Run r = CliTest.run("simulate", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("notes.txt:1:1: 'SCHED' is not a JSON value");
    }
}
