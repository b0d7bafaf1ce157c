package dev.curtain.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * startCycle's split of the mark phase's 25% (mgcpacer.go): dedicated workers where 25% of the Ps rounds well,
 * a fractional goal where it does not ("this happens for GOMAXPROCS<=3 or GOMAXPROCS=6").
 */
class GcPacerTest {

    @Test
    void aQuarterOfThePsAreDedicatedWhereThatRoundsWell() {
        assertThat(Gc.dedicatedWorkers(4)).isEqualTo(1);
        assertThat(Gc.dedicatedWorkers(5)).isEqualTo(1);
        assertThat(Gc.dedicatedWorkers(8)).isEqualTo(2);
        assertThat(Gc.dedicatedWorkers(16)).isEqualTo(4);
        for (int procs : new int[] {4, 5, 7, 8, 16}) {
            assertThat(Gc.fractionalGoal(procs)).as("GOMAXPROCS=" + procs).isZero();
        }
    }

    @Test
    void withThreeOrFewerPsOrSixAFractionalWorkerMakesUpTheRest() {
        for (int procs = 1; procs <= 3; procs++) {
            assertThat(Gc.dedicatedWorkers(procs)).as("GOMAXPROCS=" + procs).isZero();
            assertThat(Gc.fractionalGoal(procs)).as("GOMAXPROCS=" + procs).isCloseTo(0.25, within(1e-9));
        }
        assertThat(Gc.dedicatedWorkers(6)).isEqualTo(1);
        assertThat(Gc.fractionalGoal(6)).isCloseTo(0.5 / 6, within(1e-9));
    }
}
