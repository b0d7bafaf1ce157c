package dev.curtain.view.model;

import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.GoroutineCreated;
import dev.curtain.engine.event.Event.ThreadCloned;
import java.util.LinkedHashSet;
import java.util.Set;

/** The G, P and M an event concerns, which the stage rings as changed: also a new G's parent and a clone's creator. */
final class ChangedEntities {
    private ChangedEntities() {
    }

    static Set<Entity> of(Event e) {
        if (e == null) {
            return Set.of();
        }
        Set<Entity> out = new LinkedHashSet<>();
        if (e.g() > 0) {
            out.add(Entity.g(e.g()));
        }
        if (e.p() >= 0) {
            out.add(Entity.p(e.p()));
        }
        if (e.m() >= 0) {
            out.add(Entity.m(e.m()));
        }
        if (e instanceof GoroutineCreated c && c.parent() > 0) {
            out.add(Entity.g(c.parent()));
        }
        if (e instanceof ThreadCloned c && c.creator() >= 0) {
            out.add(Entity.m(c.creator()));
        }
        return Set.copyOf(out);
    }
}
