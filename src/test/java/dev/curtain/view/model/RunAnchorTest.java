package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.scenario.Cues;
import dev.curtain.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Staying near the same point across a re-simulation under other options, without a model or a toolkit. */
class RunAnchorTest {
    private final Scenario lesson = ShippedLessons.first();
    private final Recording one = Simulator.run(lesson.program(), lesson.options());
    private final Scenario twoPs = lesson.withOptions(lesson.options().withGomaxprocs(2));
    private final Recording two = Simulator.run(twoPs.program(), twoPs.options());
    private final List<Cues.Resolved> cuesInOne = Cues.resolve(one, lesson.cues());
    private final List<Cues.Resolved> cuesInTwo = Cues.resolve(two, twoPs.cues());

    @Test
    void atACueItComesBackToTheSameCueInTheOtherRun() {
        Cues.Resolved first = cuesInOne.stream().filter(Cues.Resolved::matched).findFirst().orElseThrow();
        RunAnchor a = RunAnchor.at(one, first.eventIndex() + 1, first.cue().id());
        Cues.Resolved there = cuesInTwo.stream().filter(r -> r.cue().id().equals(first.cue().id())).findFirst()
                .orElseThrow();
        assertThat(there.matched()).isTrue();
        assertThat(a.resolve(two, cuesInTwo)).isEqualTo(there.eventIndex() + 1);
    }

    @Test
    void atTheStartOrTheEndItStaysThere() {
        assertThat(RunAnchor.at(one, 0, null).resolve(two, cuesInTwo)).isEqualTo(ViewerModel.openingIndex(two));
        assertThat(RunAnchor.at(one, one.size(), null).resolve(two, cuesInTwo)).isEqualTo(two.size());
    }

    @Test
    void elsewhereItKeepsTheFractionOfTheRunsTime() {
        int at = (ViewerModel.openingIndex(one) + one.size()) / 2;
        RunAnchor a = RunAnchor.at(one, at, null);
        long end = one.event(one.size() - 1).timeNs();
        assertThat(a.fraction()).isEqualTo(one.event(at - 1).timeNs() / (double) end);
        int there = a.resolve(two, cuesInTwo);
        long target = (long) (a.fraction() * two.event(two.size() - 1).timeNs());
        assertThat(two.event(there - 1).timeNs()).isGreaterThanOrEqualTo(target);
        assertThat(there == 1 || two.event(there - 2).timeNs() < target).isTrue();
    }
}
