package dev.curtain.export;

import dev.curtain.engine.Recording;
import dev.curtain.importer.ImportFacts;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.EventText;
import dev.curtain.engine.state.ProcessorState;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.scenario.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated run as a Chrome trace (the JSON "trace event" format that Perfetto and chrome://tracing open): one
 * process of tracks for the OS threads (one track per M, a slice per stretch in one state and goroutine), one for
 * the processors (one track per P), and one track of instant events, one per runtime event, with its explanation.
 * Timestamps are the simulation's own clock, in microseconds.
 */
public final class TraceExport {
    static final int THREADS_PID = 1;
    static final int PROCESSORS_PID = 2;
    static final int EVENTS_PID = 3;

    private TraceExport() {
    }

    /**
     * Writes the trace of {@code rec} to {@code out}: into a hidden sibling first, moved over {@code out} once
     * complete, so a failure never leaves half a file nor destroys the one it would have replaced.
     */
    public static void save(Recording rec, String title, Path out) throws IOException {
        save(rec, title, ImportFacts.NONE, out);
    }

    /** {@link #save(Recording, String, Path)} of an imported run: its real ids, and what of it is inferred. */
    public static void save(Recording rec, String title, ImportFacts facts, Path out) throws IOException {
        AtomicFile.write(out, ".json", part -> Files.writeString(part, write(rec, title, facts),
                StandardCharsets.UTF_8));
    }

    /** The trace of {@code rec}, titled {@code title}. */
    public static String write(Recording rec, String title) {
        return write(rec, title, ImportFacts.NONE);
    }

    /**
     * The trace of {@code rec}, titled {@code title}, with an import's real ids; a step the import filled in says
     * so in its {@code inferred} argument.
     */
    public static String write(Recording rec, String title, ImportFacts facts) {
        Json.Arr events = new Json.Arr();
        meta(events, "process_name", THREADS_PID, -1, "Threads (M) — " + title);
        meta(events, "process_name", PROCESSORS_PID, -1, "Processors (P)");
        meta(events, "process_name", EVENTS_PID, -1, "Runtime events");
        meta(events, "thread_name", EVENTS_PID, 0, "events");
        List<Track> threads = new ArrayList<>();
        List<Track> procs = new ArrayList<>();
        SchedState s = rec.stateAt(0);
        for (int i = 0; i < rec.size(); i++) {
            Event e = rec.event(i);
            String text = facts.realIds(EventText.describe(rec.events(), i, s));
            rec.advance(s, i + 1);
            long t = e.timeNs();
            Json.Obj args = new Json.Obj().put("event", text).put("seq", e.seq());
            if (facts.reason(i) != ImportFacts.Reason.OBSERVED) {
                args.put("inferred", facts.reason(i).text());
            }
            events.add(new Json.Obj().put("name", e.fn().goName()).put("ph", "i").put("s", "t")
                    .put("pid", EVENTS_PID).put("tid", 0).put("ts", micros(t)).put("args", args));
            for (ThreadState th : s.threads()) {
                while (threads.size() <= th.id()) {
                    int m = threads.size();
                    threads.add(new Track(THREADS_PID, m));
                    meta(events, "thread_name", THREADS_PID, m, facts.threadName(m));
                }
                String label = threadLabel(s, th);
                threads.get(th.id()).at(t, label == null ? null : facts.realIds(label), events);
            }
            for (ProcessorState p : s.processors()) {
                while (procs.size() <= p.id()) {
                    int id = procs.size();
                    procs.add(new Track(PROCESSORS_PID, id));
                    meta(events, "thread_name", PROCESSORS_PID, id, "P" + id);
                }
                procs.get(p.id()).at(t, facts.realIds(procLabel(s, p)), events);
            }
        }
        long end = s.timeNs();
        for (Track tr : threads) {
            tr.at(end, null, events);
        }
        for (Track tr : procs) {
            tr.at(end, null, events);
        }
        Json.Obj doc = new Json.Obj().put("traceEvents", events).put("displayTimeUnit", "ns");
        return Json.write(doc, false);
    }

    private static String threadLabel(SchedState s, ThreadState th) {
        if (!th.alive()) {
            return null;
        }
        String g = th.curg() > 0 ? " G" + th.curg() + " " + s.goroutines().function(th.curg()) : "";
        return th.state().key() + g;
    }

    private static String procLabel(SchedState s, ProcessorState p) {
        if (p.m() < 0) {
            return p.status().key();
        }
        ThreadState th = s.thread(p.m());
        String g = th.curg() > 0 ? " G" + th.curg() : "";
        return p.status().key() + " on M" + p.m() + g;
    }

    private static void meta(Json.Arr events, String name, int pid, int tid, String value) {
        Json.Obj o = new Json.Obj().put("name", name).put("ph", "M").put("pid", pid);
        if (tid >= 0) {
            o.put("tid", tid);
        }
        events.add(o.put("args", new Json.Obj().put("name", value)));
    }

    static Json.Num micros(long ns) {
        return Json.Num.of(BigDecimal.valueOf(ns, 3));
    }

    /** One track: the label it shows since when; a change closes the slice (empty slices are dropped). */
    private static final class Track {
        private final int pid;
        private final int tid;
        private String label;
        private long since;

        Track(int pid, int tid) {
            this.pid = pid;
            this.tid = tid;
        }

        void at(long t, String now, Json.Arr out) {
            if (now != null && now.equals(label)) {
                return;
            }
            if (label != null && t > since) {
                out.add(new Json.Obj().put("name", label).put("ph", "X").put("pid", pid).put("tid", tid)
                        .put("ts", micros(since)).put("dur", micros(t - since)));
            }
            label = now;
            since = t;
        }
    }
}
