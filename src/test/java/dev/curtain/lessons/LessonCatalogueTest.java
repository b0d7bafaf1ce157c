package dev.curtain.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Outcome;
import dev.curtain.engine.Recording;
import dev.curtain.scenario.Cues;
import dev.curtain.scenario.Lessons;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every lesson plays on every profile the toolbar offers, and its cues land on the versions it names. */
class LessonCatalogueTest {

    @Test
    void everyLessonRunsToAnEndOnEveryToolbarProfile() {
        for (String name : Lessons.ALL) {
            Lesson l = Lesson.load(name);
            for (GoVersion v : GoVersion.PROFILES) {
                Recording rec = l.run(l.scenario.options().withVersion(v));
                assertThat(rec.outcome()).as(name + " on " + v).isIn(Outcome.COMPLETED, Outcome.TIME_LIMIT);
            }
        }
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
