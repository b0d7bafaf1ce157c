package dev.curtain.view.model;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.importer.ImportFacts;
import dev.curtain.scenario.CuePoint;
import dev.curtain.scenario.Scenario;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the caption bar says at each point of a run: the author's caption, its place among the cues and the
 * entities it highlights where a cue shows, the lesson's "press → to begin" before the first event, and the
 * engine's own explanation of the last event everywhere else.
 */
final class Captions {
    private final EventExplainer explainer;
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyBooleanWrapper atCue = new ReadOnlyBooleanWrapper(this, "atCue");
    private final ReadOnlyStringWrapper cueLabel = new ReadOnlyStringWrapper(this, "cueLabel", "");
    private final ReadOnlyObjectWrapper<Set<Entity>> highlighted =
            new ReadOnlyObjectWrapper<>(this, "highlighted", Set.of());

    Captions(EventExplainer explainer) {
        this.explainer = explainer;
    }

    ReadOnlyStringProperty captionProperty() { return caption.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty atCueProperty() { return atCue.getReadOnlyProperty(); }
    ReadOnlyStringProperty cueLabelProperty() { return cueLabel.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Set<Entity>> highlightedProperty() { return highlighted.getReadOnlyProperty(); }

    /**
     * Shows the caption for index {@code i} of {@code rec} ({@code last} is its event, null at the start), whose
     * cues are {@code cues}; {@code scenario} names the lesson before its first event.
     */
    void show(int i, Event last, RunCues cues, Scenario scenario, Recording rec) {
        show(i, last, cues, scenario, rec, ImportFacts.NONE, null);
    }

    /**
     * As {@link #show(int, Event, RunCues, Scenario, Recording)}, an imported step's caption saying if inferred;
     * {@code told}, when not null, is the step's own caption worked out ahead by {@link #eventCaption}.
     */
    void show(int i, Event last, RunCues cues, Scenario scenario, Recording rec, ImportFacts facts, String told) {
        int c = cues.shownAt(i);
        if (c >= 0) {
            CuePoint cue = cues.cue(c);
            caption.set(cue.caption());
            atCue.set(true);
            cueLabel.set("cue " + (c + 1) + " of " + cues.size());
            highlighted.set(highlights(cue));
            return;
        }
        atCue.set(false);
        cueLabel.set("");
        highlighted.set(Set.of());
        if (last == null) {
            caption.set(scenario == null ? "" : scenario.title() + ": press → or Space to begin.");
        } else {
            caption.set(told != null ? told : eventCaption(last, rec, facts));
        }
    }

    /** What a step that is not a cue says of its event {@code last}. */
    String eventCaption(Event last, Recording rec, ImportFacts facts) {
        return facts.caption(last.seq(), explainer.explain(rec.events(), last.seq()));
    }

    /** The entities a cue names in its highlight list; names that are not a G, P or M are skipped. */
    static Set<Entity> highlights(CuePoint cue) {
        Set<Entity> hl = new LinkedHashSet<>();
        for (String h : cue.highlight()) {
            Entity e = Entity.parse(h);
            if (e != null) {
                hl.add(e);
            }
        }
        return Set.copyOf(hl);
    }
}
