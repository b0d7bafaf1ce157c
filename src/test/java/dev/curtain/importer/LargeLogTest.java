package dev.curtain.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.bench.SyntheticSchedtrace;
import dev.curtain.engine.state.SchedState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale: generated 64-P logs import whole, streamed, and end in the state their last block prints. The sizes keep
 * the test near a few seconds; {@code ImportBenchmark} measures 100 MB (docs/performance.md).
 */
class LargeLogTest {
    @TempDir
    Path dir;

    @Test
    void detailedLogWith64PsImportsCompletely() throws IOException {
        Path log = dir.resolve("detailed.log");
        int blocks = SyntheticSchedtrace.write(log, 12_000_000, 64, true, 7);
        ImportResult r = SchedtraceImport.read(log, ProgressListener.NONE);
        assertThat(r.isRefused()).as(String.valueOf(r.refusal())).isFalse();
        assertThat(r.keyframes()).hasSize(blocks);
        assertThat(r.warnings()).isEmpty();
        SchedState s = r.recording().finalState();
        assertThat(s.gomaxprocs()).isEqualTo(64);
        assertThat(s.liveThreads()).isEqualTo(r.lastKeyframe().header().threads());
        assertThat(s.globalQueue().size()).isEqualTo(r.lastKeyframe().header().runqueue());
    }

    @Test
    void summaryLogWith64PsImportsCompletely() throws IOException {
        Path log = dir.resolve("summary.log");
        int blocks = SyntheticSchedtrace.write(log, 8_000_000, 64, false, 7);
        ImportResult r = SchedtraceImport.read(log, ProgressListener.NONE);
        assertThat(r.isRefused()).isFalse();
        assertThat(r.keyframes()).hasSize(blocks);
        assertThat(r.warnings()).isEmpty();
        SchedState s = r.recording().finalState();
        Keyframe last = r.lastKeyframe();
        assertThat(IntStream.range(0, 64).map(p -> s.processor(p).runqSize()).toArray())
                .containsExactly(last.header().localRunq());
        assertThat(s.globalQueue().size()).isEqualTo(last.header().runqueue());
        assertThat(s.liveThreads()).isEqualTo(last.header().threads());
        // Seeking anywhere in a long import stays cheap: snapshots, not a replay from the start; on average a seek
        // folds fewer than 50,000 events (a few milliseconds).
        assertThat(r.recording().snapshotCount()).isGreaterThan(1 + r.recording().size() / 50_000);
        assertThat(Files.size(log)).isGreaterThanOrEqualTo(8_000_000);
    }
}
