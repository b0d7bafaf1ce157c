package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.state.SchedState;
import dev.curtain.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** What the inspector keeps about the selection as the state changes, without a model. */
class SelectionTest {
    private final Scenario lesson = ShippedLessons.first();
    private final Recording rec = Simulator.run(lesson.program(), lesson.options());
    private final SchedState end = rec.stateAt(rec.size());
    private final Selection selection = new Selection();

    @Test
    void aSelectedGoroutineGetsItsTitleDetailsAndHistory() {
        selection.selectedProperty().set(Entity.g(2));
        selection.refresh(end, rec, true);
        assertThat(selection.titleProperty().get()).isEqualTo("G2  ·  hello");
        assertThat(selection.details()).contains("status: dead");
        assertThat(selection.history()).isNotEmpty().allMatch(e -> e.g() == 2);
    }

    @Test
    void aStepKeepsTheHistoryItDoesNotRebuild() {
        selection.selectedProperty().set(Entity.g(2));
        selection.refresh(end, rec, true);
        int size = selection.history().size();
        selection.refresh(rec.stateAt(rec.size() - 1), rec, false);
        assertThat(selection.history()).hasSize(size);
    }

    @Test
    void aSelectionThatDoesNotExistShowsNothingAndIsDroppedOnRequest() {
        selection.selectedProperty().set(Entity.g(2));
        selection.refresh(end, rec, true);
        SchedState start = rec.stateAt(0);
        selection.refresh(start, rec, true);
        assertThat(selection.titleProperty().get()).isEmpty();
        assertThat(selection.details()).isEmpty();
        assertThat(selection.history()).isEmpty();
        selection.dropIfAbsentFrom(end);
        assertThat(selection.selectedProperty().get()).isEqualTo(Entity.g(2));
        selection.dropIfAbsentFrom(start);
        assertThat(selection.selectedProperty().get()).isNull();
    }
}
