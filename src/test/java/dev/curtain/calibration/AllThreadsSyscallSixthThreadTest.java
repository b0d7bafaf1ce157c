package dev.curtain.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Where all-threads-syscall's sixth thread comes from in the model (docs/engine.md, "AllThreadsSyscall"): it is
 * there before the call in every seed, as in all 400 quiet real snapshot runs of calibration/probes/threads-at-call
 * (sysmon, ticking since before main.main, takes the reader's P at its first tick during the read, and that
 * handoff or main's wake-up from the sleep clones it).
 */
class AllThreadsSyscallSixthThreadTest {
    @Test
    void theSixthThreadIsThereBeforeTheCallInEverySeed() {
        Scenario sc = ScenarioFiles.load(Path.of("calibration", "all-threads-syscall", "scenario.json")).orThrow();
        for (String v : new String[] {"1.22", "1.23"}) {
            for (long seed = 1; seed <= 100; seed++) {
                Recording rec = Simulator.run(sc.program(), sc.options().withVersion(GoVersion.parse(v)).withSeed(seed));
                Event call = rec.events().stream().filter(e -> e.fn() == RuntimeFunction.ALL_THREADS_SYSCALL)
                        .findFirst().orElseThrow();
                long live = rec.stateAt(call.seq()).threads().stream().filter(ThreadState::alive).count();
                assertThat(live).as("Go %s seed %d: threads just before the call", v, seed).isEqualTo(6);
            }
        }
    }
}
