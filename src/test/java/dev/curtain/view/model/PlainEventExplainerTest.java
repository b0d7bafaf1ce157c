package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.BuiltInLessons;
import dev.curtain.app.TestScenarios;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.event.Event;
import dev.curtain.scenario.Scenario;
import org.junit.jupiter.api.Test;

class PlainEventExplainerTest {
    private final PlainEventExplainer explainer = new PlainEventExplainer();

    private static Recording run(Scenario s) {
        return Simulator.run(s.program(), s.options());
    }

    @Test
    void everyEventOfTheLessonsGetsOneSentence() {
        for (Scenario s : new Scenario[] {BuiltInLessons.helloGoroutine(), TestScenarios.setnsOnLockedThread(),
            TestScenarios.crowd(300, 4)}) {
            Recording r = run(s);
            for (int i = 0; i < r.size(); i++) {
                Event e = r.event(i);
                String withState = explainer.explain(e, r.stateAt(i + 1));
                String alone = explainer.explain(e, null);
                assertThat(withState).as("%s", e).isNotBlank().doesNotContain("\n").endsWith(".");
                assertThat(alone).isNotBlank();
            }
        }
    }

    @Test
    void theHandoffIsNamedForWhatItDoes() {
        Recording r = run(BuiltInLessons.helloGoroutine());
        Event retake = r.events().stream().filter(e -> e instanceof Event.ProcessorRetaken).findFirst().orElseThrow();
        assertThat(explainer.explain(retake, r.stateAt(retake.seq() + 1)))
                .contains("sysmon").contains("retakes P0").contains("handoffp");
    }

    @Test
    void aDivergingChangeSaysOnlyThisThreadChanged() {
        Recording r = run(TestScenarios.setnsOnLockedThread());
        Event change = r.events().stream().filter(e -> e instanceof Event.ThreadPropertyChanged).findFirst()
                .orElseThrow();
        assertThat(explainer.explain(change, r.stateAt(change.seq() + 1)))
                .contains("netns is now container").contains("Only this thread changed");
    }
}
