package dev.curtain.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One record of the render benchmark's frames gives the figures of any stretch of its run. */
class FrameLogTest {
    private static final int MOVE = RenderBenchmark.FRAMES_PER_MOVE;

    /** Ten moves: the first five while the JIT compiles (dear frames, 100 ms of compiling each), then five quiet. */
    private static FrameLog tenMoves() {
        FrameLog log = new FrameLog(10 * MOVE, 1_000);
        double compiled = 1_000;
        for (int f = 0; f < 10 * MOVE; f++) {
            int phase = f % MOVE;
            boolean early = f < 5 * MOVE;
            compiled += early ? 100 : 0;
            double wall = (phase == 0 ? 6 : 3) * (early ? 2 : 1);
            log.frame(phase, wall, wall - 0.5, compiled);
            if (phase == 18 || phase == 22 || phase == 26) {
                log.floor(early ? 4 : 2, early ? 3.5 : 1.5);
            }
        }
        return log;
    }

    @Test
    void aStretchCountsItsOwnFramesFloorSamplesAndCompilingOnly() {
        FrameLog log = tenMoves();
        FrameLog.Figures quiet = log.figures(5 * MOVE, 10 * MOVE);
        assertThat(quiet.from()).isEqualTo(5 * MOVE);
        assertThat(quiet.frames()).isEqualTo(5 * MOVE);
        assertThat(quiet.compiledMs()).isZero();
        assertThat(quiet.floorMs()).isEqualTo(2);
        assertThat(quiet.floorCpuMs()).isEqualTo(1.5);
        assertThat(quiet.eventP50Ms()).isEqualTo(6);
        assertThat(quiet.eventMaxMs()).isEqualTo(6);
        assertThat(quiet.p50Ms()).isEqualTo(3);
        // 135 frames, 5 of them the events': the p99 (the 134th) is an event's
        assertThat(quiet.allP99Ms()).isEqualTo(6);
        assertThat(quiet.ratio()).isEqualTo(3);
        assertThat(quiet.otherCpuP50Ms()).isEqualTo(2.5);

        FrameLog.Figures early = log.figures(0, 5 * MOVE);
        assertThat(early.compiledMs()).isEqualTo(5 * MOVE * 100);
        assertThat(early.floorMs()).isEqualTo(4);
        assertThat(early.allP99Ms()).isEqualTo(12);
        assertThat(log.floorsIn(0, 5 * MOVE)).isEqualTo(15);
        assertThat(log.floorsIn(0, 10 * MOVE)).isEqualTo(30);
    }

    @Test
    void aStretchThatBeginsMidRunCountsTheCompilingFromTheFrameBeforeIt() {
        FrameLog log = tenMoves();
        assertThat(log.compiledMs(1, 2)).isEqualTo(100);
        assertThat(log.compiledMs(0, 1)).isEqualTo(100);
        assertThat(log.compiledMs(4 * MOVE, 6 * MOVE)).isEqualTo(MOVE * 100);
    }

    @Test
    void aFloorSampleTakenAfterTheLastFrameBelongsToTheStretchThatEndsWithIt() {
        FrameLog log = tenMoves();
        for (int i = 0; i < 100; i++) {
            log.floor(9, 9); // more samples than the first array holds, all after the last frame
        }
        assertThat(log.floorsIn(9 * MOVE, 10 * MOVE)).isEqualTo(103);
        assertThat(log.figures(9 * MOVE, 10 * MOVE).floorP99Ms()).isEqualTo(9);
        assertThat(log.floorsIn(0, 9 * MOVE)).isEqualTo(27);
    }
}
