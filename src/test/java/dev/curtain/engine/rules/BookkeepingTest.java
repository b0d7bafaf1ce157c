package dev.curtain.engine.rules;

import static dev.curtain.engine.program.Ops.lock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Recording;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.program.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bookkeeping check names each way the runtime's counters can drift from the state they count. */
class BookkeepingTest {

    /** A runtime just past process start on 3 Ps: P0 on m0 with main queued, P1 and P2 in sched.pidle. */
    private static Runtime started() {
        SimulationOptions o = SimulationOptions.defaults().withVersion(GoVersion.parse("1.14")).withGomaxprocs(3);
        Program p = Program.ofMain(List.of(lock()));
        Runtime rt = new Runtime(p, o, new Recording.Builder(p, o));
        Bootstrap.start(rt);
        return rt;
    }

    @Test
    void atProcessStartTheCountersAgreeWithTheState() {
        assertThat(Bookkeeping.violations(started())).isEmpty();
    }

    @Test
    void anIdlePMissingFromPidleOrABusyPInItIsNamed() {
        Runtime rt = started();
        int taken = rt.pidle.removeLast();
        assertThat(Bookkeeping.violations(rt))
                .containsExactly("P" + taken + " is idle and held by no M, but not in sched.pidle");
        rt.pidle.addLast(taken);
        rt.pidle.addLast(0);
        assertThat(Bookkeeping.violations(rt)).containsExactly("sched.pidle holds P0, which is running on M0");
        rt.pidle.removeLast();
        rt.pidle.addLast(taken);
        assertThat(Bookkeeping.violations(rt)).containsExactly("sched.pidle holds P" + taken + " twice");
    }

    @Test
    void aSpinningCountNoMMatchesIsNamed() {
        Runtime rt = started();
        rt.nmspinning++;
        assertThat(Bookkeeping.violations(rt)).containsExactly("sched.nmspinning=1 but 0 Ms spin");
    }

    @Test
    void aLockCountTheStateDoesNotShowIsNamed() {
        Runtime rt = started();
        rt.g(1).lockedExt = 1;
        assertThat(Bookkeeping.violations(rt))
                .containsExactly("G1 has lockedExt=1 lockedInt=0 but is locked 0 deep to M-1");
    }
}
