package dev.curtain.engine.state;

import dev.curtain.engine.Outcome;
import dev.curtain.engine.event.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The simulated runtime as a viewer sees it after some prefix of the event log: all Gs, Ps and Ms, the global run
 * queue, channel buffers, each thread's properties and the run's totals. It is the fold of the log; only
 * {@link Evolver} changes it. {@link #copy()} makes an independent snapshot.
 */
public final class SchedState {
    String version = "";
    ThreadProps baseline = ThreadProps.rootOnHost();
    String processCwd = "/";
    long timeNs;
    int eventCount;
    int gomaxprocs;
    final List<ProcessorState> processors;
    final List<ThreadState> threads;
    final GoroutineTable goroutines;
    final IntDeque globalQueue;
    final List<ChannelState> channels;
    final Counters counters;
    int liveThreads;
    Outcome outcome;
    String outcomeMessage = "";
    /** Made on the first event folded in; never copied, since it holds nothing but this state. */
    private Evolver evolver;

    public SchedState() {
        processors = new ArrayList<>();
        threads = new ArrayList<>();
        goroutines = new GoroutineTable();
        globalQueue = new IntDeque();
        channels = new ArrayList<>();
        counters = new Counters();
    }

    private SchedState(SchedState o) {
        version = o.version;
        baseline = o.baseline;
        processCwd = o.processCwd;
        timeNs = o.timeNs;
        eventCount = o.eventCount;
        gomaxprocs = o.gomaxprocs;
        processors = new ArrayList<>(o.processors.size());
        for (ProcessorState p : o.processors) {
            processors.add(p.copy());
        }
        threads = new ArrayList<>(o.threads.size());
        for (ThreadState t : o.threads) {
            threads.add(t.copy());
        }
        goroutines = o.goroutines.copy();
        globalQueue = o.globalQueue.copy();
        channels = new ArrayList<>(o.channels.size());
        for (ChannelState c : o.channels) {
            channels.add(c.copy());
        }
        counters = o.counters.copy();
        liveThreads = o.liveThreads;
        outcome = o.outcome;
        outcomeMessage = o.outcomeMessage;
    }

    /** Folds one event into this state: the only way it changes. Throws if the event contradicts the state. */
    public void apply(Event e) {
        evolver().apply(e);
    }

    /** Folds {@code events[from, to)} into this state, which must be at {@code from}. */
    public void applyAll(List<Event> events, int from, int to) {
        evolver().applyAll(events, from, to);
    }

    private Evolver evolver() {
        if (evolver == null) {
            evolver = new Evolver(this);
        }
        return evolver;
    }

    /** An independent deep copy: a snapshot. */
    public SchedState copy() {
        return new SchedState(this);
    }

    /** The Go version imitated, for example "1.10". */
    public String version() { return version; }
    /** The main thread's properties at start; a thread whose property differs has diverged. */
    public ThreadProps baseline() { return baseline; }
    public String processCwd() { return processCwd; }
    public long timeNs() { return timeNs; }
    /** How many events of the log this state has folded in. */
    public int eventCount() { return eventCount; }
    public int gomaxprocs() { return gomaxprocs; }

    /** Every P ever allocated, including dead ones (GOMAXPROCS shrank); the live ones are 0..gomaxprocs-1. */
    public List<ProcessorState> processors() { return Collections.unmodifiableList(processors); }
    public ProcessorState processor(int p) { return processors.get(p); }
    /** Every thread ever created, in creation order (index = M id), exited ones included. */
    public List<ThreadState> threads() { return Collections.unmodifiableList(threads); }
    public ThreadState thread(int m) { return threads.get(m); }
    public GoroutineTable goroutines() { return goroutines; }
    /** The global run queue, head first. */
    public IntDeque globalQueue() { return globalQueue; }
    public List<ChannelState> channels() { return Collections.unmodifiableList(channels); }
    public Counters counters() { return counters; }
    /** Threads alive, as schedtrace's {@code threads=} counts them (sysmon and the template thread included). */
    public int liveThreads() { return liveThreads; }
    /** How the run ended, or null while it goes on. */
    public Outcome outcome() { return outcome; }
    public String outcomeMessage() { return outcomeMessage; }

    /**
     * The properties of thread {@code m} that differ from the baseline, in inspector column order. The signal mask
     * of a thread that has not reached minit is newosproc's all-blocked one, the runtime's own passing moment, and
     * does not count.
     */
    public Set<Property> diverged(int m) {
        ThreadState t = threads.get(m);
        ThreadProps props = t.props;
        Set<Property> out = EnumSet.noneOf(Property.class);
        for (Property p : Property.values()) {
            if (p == Property.SIGMASK && !t.started) {
                continue;
            }
            if (p.differs(props, baseline)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Number of Ps in the idle state among the live ones. */
    public int idleProcessors() {
        int n = 0;
        for (int i = 0; i < gomaxprocs; i++) {
            if (processors.get(i).status == PStatus.IDLE) {
                n++;
            }
        }
        return n;
    }


    /** Threads in a state. */
    public int threadsIn(MState s) {
        int n = 0;
        for (ThreadState t : threads) {
            if (t.state == s) {
                n++;
            }
        }
        return n;
    }

    /**
     * Bytes the last snapshot interval cost: the goroutine chunks copied since the previous call (copies share the
     * rest), plus the Ps and Ms every snapshot copies whole. The snapshot policy spaces snapshots by it.
     */
    public long bytesSinceLastSnapshot() {
        return GoroutineTable.CHUNK_BYTES * goroutines.takeChunksCopied() + 1100L * processors.size()
                + 96L * threads.size() + 256;
    }
}
