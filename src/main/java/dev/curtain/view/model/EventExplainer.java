package dev.curtain.view.model;

import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.SchedState;

/**
 * Turns an event into one plain-English line for the caption bar and the event log. A seam: the app passes
 * {@link PlainEventExplainer} until the project's shared explanation text replaces it.
 */
@FunctionalInterface
public interface EventExplainer {
    /**
     * @param event the event to explain
     * @param after the state right after it, for names and counts
     * @return one sentence, no trailing newline
     */
    String explain(Event event, SchedState after);
}
