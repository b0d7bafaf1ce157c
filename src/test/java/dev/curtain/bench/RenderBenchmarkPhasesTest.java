package dev.curtain.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The render benchmark's frames sorted by their place in a move, as `bench --render-phases` prints them. */
class RenderBenchmarkPhasesTest {
    @Test
    void eachFrameCountsAtItsPlaceInItsMoveAndTheFramesAboveTheP99AreFoundThere() {
        int moves = 10;
        int n = moves * RenderBenchmark.FRAMES_PER_MOVE;
        double[] wall = new double[n];
        double[] cpu = new double[n];
        for (int f = 0; f < n; f++) {
            int phase = f % RenderBenchmark.FRAMES_PER_MOVE;
            // the event's frame is dear in wall time, the frame after it in processor time
            wall[f] = phase == 0 ? 10 + f / 100.0 : 2;
            cpu[f] = phase == 1 ? 8 + f / 100.0 : 1;
        }
        List<RenderBenchmark.Phase> phases = RenderBenchmark.phases(wall, cpu);
        assertThat(phases).hasSize(RenderBenchmark.FRAMES_PER_MOVE);
        RenderBenchmark.Phase event = phases.get(0);
        assertThat(event.frame()).isZero();
        assertThat(event.wallP50Ms()).isBetween(10.0, 13.0);
        assertThat(event.cpuP50Ms()).isEqualTo(1);
        // 270 frames: the p99 is the third dearest, so two frames lie above it, both the event's
        assertThat(event.overWallP99()).isEqualTo(2);
        assertThat(event.overCpuP99()).isZero();
        assertThat(phases.get(1).overCpuP99()).isEqualTo(2);
        assertThat(phases.get(1).overWallP99()).isZero();
        assertThat(phases.get(5).wallP90Ms()).isEqualTo(2);
    }
}
