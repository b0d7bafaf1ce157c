package dev.curtain.cli;

import dev.curtain.engine.Recording;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.Counters;
import dev.curtain.engine.state.GoroutineTable;
import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.scenario.Json;
import dev.curtain.scenario.Scenario;

/**
 * The one JSON object {@code simulate --json} prints: the contract scripts and tests rely on. The field names are
 * fixed by the product description; fields may be added, never renamed.
 */
final class RunReport {
    private RunReport() {
    }

    static Json.Obj of(Scenario scenario, SimulationOptions options, Recording rec) {
        SchedState end = rec.finalState();
        Json.Obj o = new Json.Obj()
                .put("scenario", scenario.title())
                .put("go", options.version().toString())
                .put("gomaxprocs", options.gomaxprocs())
                .put("seed", options.seed())
                .put("outcome", rec.outcome().key())
                .put("message", end.outcomeMessage())
                .put("events", rec.size())
                .put("timeNs", end.timeNs());
        Json.Arr threads = new Json.Arr();
        for (ThreadState t : end.threads()) {
            threads.add(thread(end, t));
        }
        o.put("threads", threads);
        GoroutineTable gt = end.goroutines();
        // Made as they are written: a run may end with a million goroutines.
        o.put("goroutines", new Json.Seq(Math.max(0, gt.size() - 1), i -> {
            int g = i + 1;
            Json.Obj go = new Json.Obj().put("g", g).put("name", gt.function(g)).put("state", gt.status(g).key());
            return gt.lockedM(g) >= 0 ? go.put("lockedTo", gt.lockedM(g)) : go.putNull("lockedTo");
        }));
        int[] at = new int[16];
        int count = 0;
        for (int i = 0; i < rec.size(); i++) {
            if (rec.event(i) instanceof Event.ObservationMade) {
                if (count == at.length) {
                    at = java.util.Arrays.copyOf(at, count * 2);
                }
                at[count++] = i;
            }
        }
        int[] observed = at;
        o.put("observations", new Json.Seq(count, i -> {
            Event.ObservationMade ob = (Event.ObservationMade) rec.event(observed[i]);
            return new Json.Obj().put("g", ob.g()).put("m", ob.m()).put("what", ob.what().key())
                    .put("detail", ob.detail()).put("uid", ob.props().uid()).put("netns", ob.props().netns());
        }));
        o.put("counters", counters(end.counters()));
        return o;
    }

    /** The contract's "counters" object. */
    static Json.Obj counters(Counters c) {
        return new Json.Obj()
                .put("threadsCreated", c.threadsCreated())
                .put("threadsExited", c.threadsExited())
                .put("maxLiveThreads", c.maxLiveThreads())
                .put("handoffs", c.handoffs())
                .put("steals", c.steals())
                .put("preemptions", c.preemptions());
    }

    private static Json.Obj thread(SchedState end, ThreadState t) {
        ThreadProps p = t.props();
        Json.Obj o = new Json.Obj().put("m", t.id()).put("alive", t.alive()).put("system", t.system())
                .put("state", t.state().key());
        if (t.clonedFrom() >= 0) {
            o.put("clonedFrom", t.clonedFrom());
        } else {
            o.putNull("clonedFrom");
        }
        o.put("role", t.role().key());
        o.put("props", new Json.Obj()
                .put("uid", p.uid()).put("gid", p.gid()).put("caps", ThreadProps.capsHex(p.caps()))
                .put("netns", p.netns()).put("mntns", p.mntns()).put("utsns", p.utsns()).put("nice", p.nice())
                .put("sigmask", ThreadProps.maskHex(p.sigmask())).put("privateFs", p.privateFs()));
        Json.Arr diverged = new Json.Arr();
        for (Property d : end.diverged(t.id())) {
            diverged.add(d.key());
        }
        o.put("diverged", diverged);
        return o;
    }
}
