package dev.curtain.view.model;

import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.EventText;
import java.util.List;

/**
 * Turns an event into one plain-English line for the caption bar and the event log. One wording serves the app
 * and the command line ({@link EventText}); tests may pass their own.
 */
@FunctionalInterface
public interface EventExplainer {
    /**
     * @param log the run's events, for context (how long a retaken syscall had lasted, who gets the P)
     * @param index the event to explain
     * @return one sentence, no trailing newline
     */
    String explain(List<Event> log, int index);

    /** The project's shared wording. */
    static EventExplainer standard() {
        return (log, index) -> EventText.describe(log, index, null);
    }
}
