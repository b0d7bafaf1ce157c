package dev.curtain.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Outcome;
import dev.curtain.engine.Recording;
import dev.curtain.scenario.Cues;
import dev.curtain.scenario.Lessons;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every lesson plays on every profile the toolbar offers, under the invariant checker, to its pinned outcome; its
 * cues land on the versions it names.
 */
class LessonCatalogueTest {

    /** How each lesson ends: every lesson completes, except those named here on the versions named. */
    private static final Map<String, Map<GoVersion, Outcome>> NOT_COMPLETED = Map.of(
            "03-tight-loop-gomaxprocs-1.json", Map.of(GoVersion.GO_1_9, Outcome.TIME_LIMIT,
                    GoVersion.GO_1_10, Outcome.TIME_LIMIT));

    /** Seeds per version for the catalogue run: the lesson's own and the ones after it. */
    private static final int CATALOGUE_SEEDS = 10;

    private static Outcome expected(String lesson, GoVersion v) {
        return NOT_COMPLETED.getOrDefault(lesson, Map.of()).getOrDefault(v, Outcome.COMPLETED);
    }

    /**
     * Every lesson, on every profile the toolbar offers and every version it names, over several seeds: the run
     * passes every invariant after every event and ends exactly as pinned (a lesson that starts hanging, or
     * crashing, fails here), a time limit at the lesson's own limit.
     */
    @Test
    void everyLessonRunsUnderTheInvariantsToItsPinnedOutcomeOnEveryProfile() {
        for (String name : Lessons.ALL) {
            Lesson l = Lesson.load(name);
            Set<GoVersion> versions = new LinkedHashSet<>(GoVersion.PROFILES);
            versions.addAll(l.profiles());
            for (GoVersion v : versions) {
                for (long seed : l.seeds().subList(0, CATALOGUE_SEEDS)) {
                    Lesson.Run r = l.play(v, seed);
                    Outcome want = expected(name, v);
                    assertThat(r.rec.outcome()).as(r.where()).isEqualTo(want);
                    if (want == Outcome.TIME_LIMIT) {
                        assertThat(r.rec.finalState().timeNs()).as(r.where())
                                .isEqualTo(l.scenario.options().limits().maxTimeNs());
                    } else {
                        assertThat(r.rec.finalState().outcomeMessage()).as(r.where()).contains("exit status 0");
                    }
                }
            }
        }
    }

    @Test
    void thePinnedOutcomesNameRealLessonsAndVersionsTheyRunOn() {
        NOT_COMPLETED.forEach((lesson, byVersion) -> {
            assertThat(Lessons.ALL).contains(lesson);
            assertThat(GoVersion.PROFILES).containsAll(byVersion.keySet());
        });
    }

    @Test
    void everyCueMatchesOnTheLessonsOwnVersionOrOneItCompares() {
        for (String name : Lessons.ALL) {
            Lesson l = Lesson.load(name);
            List<GoVersion> versions = new ArrayList<>(l.scenario.compare());
            versions.add(l.scenario.options().version());
            boolean[] matched = new boolean[l.scenario.cues().size()];
            for (GoVersion v : versions) {
                List<Cues.Resolved> r = Cues.resolve(l.run(l.scenario.options().withVersion(v)), l.scenario.cues());
                for (int i = 0; i < matched.length; i++) {
                    matched[i] |= r.get(i).matched();
                }
            }
            for (int i = 0; i < matched.length; i++) {
                assertThat(matched[i]).as(name + " cue " + l.scenario.cues().get(i).id()).isTrue();
            }
        }
    }

    @Test
    void theFirstCueOfEveryLessonMatchesOnItsOwnVersion() {
        for (String name : Lessons.ALL) {
            Lesson l = Lesson.load(name);
            List<Cues.Resolved> r = Cues.resolve(l.run(l.scenario.options()), l.scenario.cues());
            assertThat(r.get(0).matched()).as(name).isTrue();
        }
    }
}
