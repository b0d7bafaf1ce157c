package dev.curtain.engine;

import static dev.curtain.engine.program.Ops.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.bench.BenchScenario;
import dev.curtain.engine.state.SchedState;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeking restores a snapshot and folds forward: it must equal folding the whole log from the start. */
class RecordingSeekTest {

    @Test
    void everyStateFromSnapshotsEqualsTheFoldFromTheStart() {
        Recording rec = Simulator.run(BenchScenario.program(3_000), BenchScenario.options(4));
        assertThat(rec.snapshotCount()).isGreaterThan(3);
        SchedState fold = new SchedState();
        SplittableRandom rnd = new SplittableRandom(3);
        int checked = 0;
        for (int i = 0; i <= rec.size(); i++) {
            if (i == 0 || i == rec.size() || rnd.nextInt(200) == 0) {
                assertThat(StateText.of(rec.stateAt(i))).as("state at " + i).isEqualTo(StateText.of(fold));
                checked++;
            }
            if (i < rec.size()) {
                fold.apply(rec.event(i));
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void stepBackIsTheStateOneEventEarlier() {
        Recording rec = Simulator.run(Sim.program(fn("main", go("w"), syscall("read", "20ms")), fn("w", compute("5ms"))),
                Sim.opts("1.14", 1));
        for (int i = rec.size(); i > 0; i--) {
            SchedState later = rec.stateAt(i);
            SchedState earlier = rec.stateAt(i - 1);
            rec.advance(earlier, i);
            assertThat(StateText.of(earlier)).isEqualTo(StateText.of(later));
        }
    }

    @Test
    void statesReturnedAreIndependentCopies() {
        Recording rec = Simulator.run(Sim.program(fn("main", go("w"), compute("1ms")), fn("w")), Sim.opts("1.14", 1));
        SchedState a = rec.stateAt(5);
        rec.advance(a, rec.size());
        assertThat(rec.stateAt(5).eventCount()).isEqualTo(5);
        assertThat(rec.finalState().eventCount()).isEqualTo(rec.size());
    }
}
