package dev.curtain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./curtain fuzz}: a short run prints its totals and finds nothing; bad options are input errors. */
class FuzzCommandTest {
    @TempDir
    Path dir;

    @Test
    void aShortRunPrintsItsTotalsAndExitsZero() throws Exception {
        Path logs = Path.of(getClass().getResource("/schedtrace").toURI());
        CliTest.Run r = CliTest.run("fuzz", "--minutes", "0.02", "--seed", "3", "--logs", logs.toString(), "--out",
                dir.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("fuzz: [0-9]+ inputs in [0-9]+ s \\(seed 3\\): [0-9]+ scenarios, [0-9]+ logs")
                .contains("fuzz: 0 crashes, 0 hangs");
    }

    @Test
    void aNonPositiveDurationIsAnInputError() {
        CliTest.Run r = CliTest.run("fuzz", "--minutes", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--minutes must be positive");
    }
}
