package dev.curtain.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.scenario.Exploration.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counting one seed at a time gives what explore gives, and knows in which seeds each thing happened. */
class ExplorationCounterTest {
    private final Scenario setns = ScenarioFiles.load(Path.of("scenarios/05-setns-without-lock.json")).orThrow();

    @Test
    void countingSeedBySeedIsExplore() {
        Exploration.Counter c = new Exploration.Counter(setns, setns.options());
        for (long seed = 3; seed < 15; seed++) {
            c.run(seed);
        }
        assertThat(c.report()).isEqualTo(Exploration.explore(setns, setns.options(), 3, 12));
    }

    @Test
    void theSeedsWhereAndWhereNotSplitTheRunsAsTheTallySays() {
        Exploration.Counter c = new Exploration.Counter(setns, setns.options());
        for (long seed = 1; seed <= 20; seed++) {
            c.run(seed);
        }
        Exploration.Report r = c.report();
        boolean sometimes = false;
        for (Section s : Section.values()) {
            for (Exploration.Tally t : r.in(s)) {
                List<Long> where = c.seedsWhere(s, t.what());
                List<Long> whereNot = c.seedsWhereNot(s, t.what());
                assertThat(where).hasSize(t.runs());
                List<Long> all = new ArrayList<>(where);
                all.addAll(whereNot);
                assertThat(all).containsExactlyInAnyOrderElementsOf(r.seeds());
                sometimes |= !where.isEmpty() && !whereNot.isEmpty();
            }
        }
        assertThat(sometimes).as("lesson 5 has outcomes that happen in some runs only").isTrue();
    }

    @Test
    void aSeedWhereSomethingHappenedShowsItWhenRunAlone() {
        Exploration.Counter many = new Exploration.Counter(setns, setns.options());
        for (long seed = 1; seed <= 20; seed++) {
            many.run(seed);
        }
        Exploration.Tally some = many.report().observations().stream().filter(t -> t.runs() < t.total())
                .findFirst().orElseThrow();
        Exploration.Counter where = new Exploration.Counter(setns, setns.options());
        where.run(many.seedsWhere(Section.OBSERVATIONS, some.what()).get(0));
        assertThat(where.report().observations()).extracting(Exploration.Tally::what).contains(some.what());
        Exploration.Counter whereNot = new Exploration.Counter(setns, setns.options());
        whereNot.run(many.seedsWhereNot(Section.OBSERVATIONS, some.what()).get(0));
        assertThat(whereNot.report().observations()).extracting(Exploration.Tally::what)
                .doesNotContain(some.what());
    }
}
