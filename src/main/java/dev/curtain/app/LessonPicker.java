package dev.curtain.app;

import dev.curtain.scenario.Scenario;
import dev.curtain.view.model.ViewerModel;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * The toolbar's lesson list. It shows the lesson on screen, whatever opened it (the picker, a file with a lesson's
 * title and program, a cue just put in, which makes a new scenario object of the same lesson); a scenario that is no
 * lesson leaves it at "Lessons…". Choosing the lesson already on screen does nothing, so the picker following the
 * model is never taken for a request to open one.
 */
final class LessonPicker {
    private final ComboBox<Scenario> combo = new ComboBox<>();

    LessonPicker(List<Scenario> lessons, ViewerModel model, Consumer<Scenario> open) {
        combo.setId("lesson-picker");
        combo.getItems().setAll(lessons);
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(Scenario s) {
                return s == null ? "" : s.title();
            }

            @Override
            public Scenario fromString(String s) {
                return null;
            }
        });
        combo.setPromptText("Lessons");
        // a scenario opened from a file is not a lesson: the picker then says so instead of going blank
        combo.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Scenario s, boolean empty) {
                super.updateItem(s, empty);
                setText(s == null || empty ? "Lessons…" : s.title());
            }
        });
        combo.setTooltip(new Tooltip("Built-in lessons"));
        combo.setOnAction(e -> {
            Scenario s = combo.getValue();
            if (s != null && !sameLesson(s, model.getScenario())) {
                open.accept(s);
            }
        });
        model.scenarioProperty().addListener((o, a, b) -> combo.setValue(lessonOf(b)));
        // built after the first frame, the picker starts on whatever is on screen by then
        combo.setValue(lessonOf(model.getScenario()));
    }

    ComboBox<Scenario> combo() {
        return combo;
    }

    /** The lesson {@code s} is, or null when it is none of them. */
    private Scenario lessonOf(Scenario s) {
        Scenario match = null;
        for (Scenario l : combo.getItems()) {
            if (sameLesson(l, s)) {
                match = l;
            }
        }
        return match;
    }

    /** Two scenarios are the same lesson when title and program agree (cues and options may have changed). */
    static boolean sameLesson(Scenario a, Scenario b) {
        return a != null && b != null && a.title().equals(b.title()) && a.program().equals(b.program());
    }
}
