package dev.curtain.app;

import dev.curtain.scenario.LoadResult;
import dev.curtain.scenario.Lessons;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * The fifteen lessons of the talk, read from the files built into the jar; lesson 1 is the default. They are read
 * when first asked for, and the default lesson alone when only it is: the app opens on lesson 1 and fills the lesson
 * list after its first frame.
 */
public final class ShippedLessons implements LessonLibrary {
    private List<Scenario> lessons;

    /** Lesson 1, "hello goroutine". */
    public static Scenario first() {
        return load(Lessons.ALL.get(0));
    }

    private static Scenario load(String name) {
        LoadResult r = ScenarioFiles.loadResource(name);
        if (!r.ok()) {
            // A shipped lesson that does not load is a defect of this build, not bad input: say which and why.
            throw new IllegalStateException("built-in lesson " + name + " does not load: " + r.errors());
        }
        return r.scenario();
    }

    @Override
    public synchronized List<Scenario> lessons() {
        if (lessons == null) {
            List<Scenario> all = new ArrayList<>();
            for (String name : Lessons.ALL) {
                all.add(load(name));
            }
            lessons = List.copyOf(all);
        }
        return lessons;
    }

    @Override
    public synchronized Scenario defaultLesson() {
        return lessons != null ? lessons.get(0) : first();
    }
}
