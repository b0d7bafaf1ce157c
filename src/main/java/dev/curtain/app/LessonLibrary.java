package dev.curtain.app;

import dev.curtain.scenario.Scenario;
import java.util.List;

/**
 * The lessons the toolbar's picker offers; the first is the one the app opens on ({@link ShippedLessons} in the
 * app; tests may pass their own).
 */
public interface LessonLibrary {
    /** Every lesson, in teaching order; never empty. */
    List<Scenario> lessons();

    /** The lesson {@code ./curtain} opens with no arguments. */
    default Scenario defaultLesson() {
        return lessons().get(0);
    }
}
