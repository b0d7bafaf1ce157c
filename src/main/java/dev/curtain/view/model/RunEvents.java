package dev.curtain.view.model;

import dev.curtain.engine.event.Event;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The shown run's events as an observable list that copies nothing: {@code get(i)} reads the recording's log,
 * which decodes one event on demand. A list view asks only for the rows it draws, so a replayed log of millions of
 * events opens as fast as a lesson of fifty.
 */
final class RunEvents extends ObservableListBase<Event> {
    private List<Event> log = List.of();

    /** Shows another run's events (one change: everything replaced). */
    void show(List<Event> next) {
        List<Event> previous = log;
        beginChange();
        log = next;
        nextRemove(0, previous);
        if (!next.isEmpty()) {
            nextAdd(0, next.size());
        }
        endChange();
    }

    @Override
    public Event get(int index) {
        return log.get(index);
    }

    @Override
    public int size() {
        return log.size();
    }
}
