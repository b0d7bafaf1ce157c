package dev.curtain.cli;

import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.importer.ImportResult;
import dev.curtain.importer.ImportedGoroutine;
import dev.curtain.importer.ImportedThread;
import dev.curtain.scenario.Json;
import java.nio.file.Path;

/**
 * {@code simulate LOG --json} for a schedtrace log: the same contract as a simulated run, with
 * {@code "outcome": "imported"}, real thread ids and goids from the last block, and the process's default
 * properties (a log says nothing of uid or namespaces).
 */
final class ImportReport {
    private ImportReport() {
    }

    static Json.Obj of(Path file, ImportResult r) {
        var rec = r.recording();
        var end = rec.finalState();
        Json.Obj o = new Json.Obj()
                .put("scenario", file.getFileName().toString())
                .put("go", r.goVersion())
                .put("gomaxprocs", end.gomaxprocs())
                .putNull("seed")
                .put("outcome", rec.outcome().key())
                .put("message", end.outcomeMessage())
                .put("events", rec.size())
                .put("timeNs", end.timeNs());
        ThreadProps baseline = ThreadProps.rootOnHost();
        Json.Arr threads = new Json.Arr();
        for (ImportedThread t : r.threads()) {
            Json.Obj props = new Json.Obj();
            for (Property p : Property.values()) {
                if (p == Property.PRIVATE_FS) {
                    props.put(p.key(), baseline.privateFs());
                } else if (p == Property.UID || p == Property.GID || p == Property.NICE) {
                    props.put(p.key(), Integer.parseInt(p.valueOf(baseline)));
                } else {
                    props.put(p.key(), p.valueOf(baseline));
                }
            }
            threads.add(new Json.Obj().put("m", t.m()).put("alive", t.alive()).put("system", t.system())
                    .put("state", t.state()).putNull("clonedFrom").put("props", props).put("diverged", new Json.Arr()));
        }
        o.put("threads", threads);
        Json.Arr goroutines = new Json.Arr();
        for (ImportedGoroutine g : r.goroutines()) {
            Json.Obj go = new Json.Obj().put("g", g.g()).put("name", g.name()).put("state", g.state());
            if (g.lockedTo() >= 0) {
                go.put("lockedTo", g.lockedTo());
            } else {
                go.putNull("lockedTo");
            }
            goroutines.add(go.put("waitReason", g.waitReason()).put("placeholder", g.placeholder()));
        }
        o.put("goroutines", goroutines);
        o.put("observations", new Json.Arr());
        o.put("counters", RunReport.counters(end.counters()));
        o.put("warnings", r.warningCount());
        return o;
    }
}
