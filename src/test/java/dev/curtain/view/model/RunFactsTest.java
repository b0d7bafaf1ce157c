package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.app.TestScenarios;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.RuntimeStarted;
import dev.curtain.engine.event.Event.ThreadPropertyChanged;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.render.ZoneDemand;
import dev.curtain.scenario.Scenario;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the model works out once per run: divergence marks, zone demand, the entities each event concerns. */
class RunFactsTest {
    private static Recording run(Scenario s) {
        return Simulator.run(s.program(), s.options());
    }

    @Test
    void aDivergenceMarkFollowsEachEventThatSetsAValueOtherThanTheProcesss() {
        Recording rec = run(TestScenarios.setnsOnLockedThread());
        int[] marks = Divergences.indices(rec);
        assertThat(marks).isNotEmpty();
        ThreadProps baseline = null;
        int expected = 0;
        for (Event e : rec.events()) {
            if (e instanceof RuntimeStarted r) {
                baseline = r.baseline();
            } else if (e instanceof ThreadPropertyChanged c && c.property().differs(c.after(), baseline)) {
                assertThat(marks).contains(c.seq() + 1);
                expected++;
            }
        }
        assertThat(marks).hasSize(expected);
        assertThat(Arrays.stream(marks).allMatch(i -> rec.event(i - 1) instanceof ThreadPropertyChanged)).isTrue();
    }

    @Test
    void aRunWhoseThreadsNeverDifferHasNoMarks() {
        assertThat(Divergences.indices(run(ShippedLessons.first()))).isEmpty();
    }

    @Test
    void zoneDemandIsTheMostEachZoneHoldsAtAnyIndex() {
        Recording rec = run(TestScenarios.crowd(12, 3));
        ZoneDemand.Tally everyIndex = new ZoneDemand.Tally();
        for (int i = 0; i <= rec.size(); i++) {
            everyIndex.add(rec.stateAt(i));
        }
        assertThat(ZoneDemands.of(rec).most()).containsExactly(everyIndex.result().most());
    }

    @Test
    void aNewGoroutinesParentAndAClonesCreatorAreConcernedToo() {
        Recording rec = run(ShippedLessons.first());
        boolean created = false;
        boolean cloned = false;
        for (Event e : rec.events()) {
            if (e instanceof Event.GoroutineCreated c && c.parent() > 0) {
                assertThat(ChangedEntities.of(e)).contains(Entity.g(c.g()), Entity.g(c.parent()));
                created = true;
            }
            if (e instanceof Event.ThreadCloned c && c.creator() >= 0) {
                assertThat(ChangedEntities.of(e)).contains(Entity.m(c.m()), Entity.m(c.creator()));
                cloned = true;
            }
        }
        assertThat(created && cloned).isTrue();
        assertThat(ChangedEntities.of(null)).isEmpty();
    }
}
