package dev.curtain.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.state.SchedState;
import dev.curtain.scenario.Lessons;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioFiles;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every event of every lesson gets one readable line; a few lines are checked word for word. */
class EventTextTest {

    @Test
    void everyEventOfEveryLessonHasOneNonEmptyLine() {
        Set<Class<?>> seen = new HashSet<>();
        for (String lesson : Lessons.ALL) {
            Scenario s = ScenarioFiles.loadResource(lesson).orThrow();
            Recording rec = Simulator.run(s.program(), s.options());
            SchedState state = rec.stateAt(0);
            for (int i = 0; i < rec.size(); i++) {
                Event e = rec.event(i);
                String alone = EventText.describe(e);
                String withState = EventText.describe(rec.events(), i, state);
                assertThat(alone).as(e.toString()).isNotBlank().doesNotContain("\n").doesNotContain("null");
                assertThat(withState).as(e.toString()).isNotBlank().doesNotContain("\n").doesNotContain("null");
                seen.add(e.getClass());
                rec.advance(state, i + 1);
            }
        }
        assertThat(seen.size()).as("the lessons exercise most event kinds").isGreaterThan(25);
    }

    @Test
    void linesNameTheEntitiesAndTheRuntimeFunction() {
        Scenario s = ScenarioFiles.loadDefault().orThrow();
        Recording rec = Simulator.run(s.program(), s.options());
        Event.ProcessorRetaken retake = (Event.ProcessorRetaken) rec.events().stream()
                .filter(e -> e instanceof Event.ProcessorRetaken).findFirst().orElseThrow();
        assertThat(EventText.describe(retake, rec.stateAt(retake.seq())))
                .isEqualTo("sysmon takes P0 from M0, whose G2 is blocked in a syscall (retake)");
        assertThat(EventText.describe(rec.events(), retake.seq(), rec.stateAt(retake.seq())))
                .isEqualTo("sysmon takes P0 from M0, whose G2 has been in write() for 18.777µs; M2 gets it (retake)");
        assertThat(EventText.describe(retake)).isEqualTo("sysmon takes P0 from M0, whose goroutine is blocked in "
                + "a syscall (retake)");
        Event created = rec.events().stream().filter(e -> e instanceof Event.GoroutineCreated && e.g() == 2)
                .findFirst().orElseThrow();
        assertThat(EventText.describe(created)).isEqualTo("G1 starts G2 running hello(), into P0's runnext slot "
                + "(newproc)");
        Event noP = rec.events().stream().filter(e -> e instanceof Event.SyscallReturnedWithoutP).findFirst()
                .orElseThrow();
        assertThat(EventText.describe(noP)).isEqualTo("G2's syscall returns but no P is free: G2 goes to the global "
                + "run queue (exitsyscall0)");
    }

    @Test
    void threadsAndGoroutinesOfAReplayedLogAreNotCalledClonesOrMain() {
        var props = dev.curtain.engine.state.ThreadProps.rootOnHost();
        assertThat(EventText.describe(new Event.ThreadCloned(0, 0, RuntimeFunction.NEWM, 4, -1,
                dev.curtain.engine.state.ThreadRole.WORKER, props, false))).isEqualTo("A new thread M4 appears (newm)");
        assertThat(EventText.describe(new Event.GoroutineCreated(0, 0, 5, "goroutine 17", -1, Place.GLOBAL)))
                .isEqualTo("G5 (goroutine 17) is created in the global run queue (newproc)");
    }
}
