package dev.curtain.engine.event;

import dev.curtain.engine.Outcome;
import dev.curtain.engine.event.Event.*;
import dev.curtain.engine.program.ObservationKind;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.ThreadRole;
import dev.curtain.engine.state.WaitReason;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The append-only event log, stored column by column: a type byte, a time and five ints per event, with the few
 * objects events carry (thread properties, names, messages) interned in a side table. A million events take
 * about 30 MB and no per-event objects, so the garbage collector never has to copy them; {@link #get(int)} decodes
 * the record on demand (equal to the one appended).
 */
public final class EventLog extends AbstractList<Event> implements RandomAccess {
    // 32,768 events a chunk: the time column (a long[]) then stays under half of G1's smallest heap region, so it is
    // never a "humongous" object that wastes the rest of its region (that cost 20 million events 40% more heap).
    private static final int SHIFT = 15;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    private static final RuntimeFunction[] FNS = RuntimeFunction.values();
    private static final dev.curtain.engine.state.GcPhase[] GC_PHASES = dev.curtain.engine.state.GcPhase.values();
    private static final PlaceKind[] KINDS = PlaceKind.values();

    private byte[][] type = new byte[4][];
    private long[][] time = new long[4][];
    private int[][][] slots = new int[5][4][];
    private int size;
    private final List<Object> objects = new ArrayList<>();
    private final Map<Object, Integer> objectIndex = new LinkedHashMap<>();
    private final Encoder encoder = new Encoder();

    /** Appends an event; its seq must be the log's size. */
    public void append(Event e) {
        if (e.seq() != size) {
            throw new IllegalArgumentException("event " + e.seq() + " appended at " + size);
        }
        int c = size >>> SHIFT;
        if (c == type.length) {
            type = Arrays.copyOf(type, c * 2);
            time = Arrays.copyOf(time, c * 2);
            for (int s = 0; s < 5; s++) {
                slots[s] = Arrays.copyOf(slots[s], c * 2);
            }
        }
        if (type[c] == null) {
            type[c] = new byte[CHUNK];
            time[c] = new long[CHUNK];
            for (int s = 0; s < 5; s++) {
                slots[s][c] = new int[CHUNK];
            }
        }
        encoder.at = size;
        time[c][size & MASK] = e.timeNs();
        e.accept(encoder);
        size++;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Event get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        int c = i >>> SHIFT;
        int k = i & MASK;
        long t = time[c][k];
        int a = slots[0][c][k];
        int b = slots[1][c][k];
        int d = slots[2][c][k];
        int f = slots[3][c][k];
        int h = slots[4][c][k];
        return switch (type[c][k]) {
            case T_RUNTIME_STARTED -> {
                Object[] o = (Object[]) obj(a);
                @SuppressWarnings("unchecked")
                List<String> names = (List<String>) o[2];
                @SuppressWarnings("unchecked")
                List<Integer> caps = (List<Integer>) o[3];
                yield new RuntimeStarted(i, t, (String) o[0], b, (dev.curtain.engine.state.ThreadProps) o[1], names, caps);
            }
            case T_THREAD_CLONED -> new ThreadCloned(i, t, FNS[lo(a)], b, d, ThreadRole.values()[mid(a)], props(f),
                    hi(a) != 0);
            case T_PROCESSORS_RESIZED -> new ProcessorsResized(i, t, FNS[a], b, d);
            case T_PROCESSOR_ACQUIRED -> new ProcessorAcquired(i, t, FNS[a], b, d);
            case T_PROCESSOR_RELEASED -> new ProcessorReleased(i, t, FNS[a], b, d);
            case T_PROCESSOR_RETAKEN -> new ProcessorRetaken(i, t, a, b);
            case T_THREAD_WOKEN -> new ThreadWoken(i, t, FNS[lo(a)], b, d, hi(a) != 0);
            case T_THREAD_PARKED -> new ThreadParked(i, t, FNS[lo(a)], b, MState.values()[mid(a)]);
            case T_THREAD_SPINNING -> new ThreadSpinning(i, t, FNS[lo(a)], b, hi(a) != 0);
            case T_THREAD_EXITED -> new ThreadExited(i, t, a);
            case T_THREAD_PROPERTY_CHANGED -> new ThreadPropertyChanged(i, t, FNS[lo(a)], b, d,
                    Property.values()[mid(a)], props(f), (String) obj(h));
            case T_PROCESS_CWD_CHANGED -> new ProcessCwdChanged(i, t, a, b, (String) obj(d));
            case T_GOROUTINE_CREATED -> new GoroutineCreated(i, t, a, (String) obj(b), d, place(f));
            case T_GOROUTINE_FOUND_WAITING -> new GoroutineFoundWaiting(i, t, FNS[lo(a)], b, (String) obj(d),
                    WaitReason.values()[mid(a)]);
            case T_GOROUTINE_QUEUED -> new GoroutineQueued(i, t, FNS[lo(a)], b, place(d), place(f), hi(a) != 0);
            case T_GOROUTINE_STARTED -> new GoroutineStarted(i, t, a, b, d, place(f), h != 0);
            case T_GOROUTINE_STEPPED -> new GoroutineStepped(i, t, a, b, d, (String) obj(f));
            case T_GOROUTINE_PARKED -> new GoroutineParked(i, t, FNS[lo(a)], b, d, WaitReason.values()[mid(a)], f);
            case T_GOROUTINE_READIED -> new GoroutineReadied(i, t, FNS[a], b, place(d));
            case T_GOROUTINE_PREEMPTED -> new GoroutinePreempted(i, t, a, b, d, h != 0, place(f));
            case T_GOROUTINE_YIELDED -> new GoroutineYielded(i, t, a, b, d, place(f));
            case T_GOROUTINE_EXITED -> new GoroutineExited(i, t, a, b);
            case T_GOROUTINE_LOCKED -> new GoroutineLocked(i, t, a, b, d);
            case T_GOROUTINE_UNLOCKED -> new GoroutineUnlocked(i, t, a, b, d);
            case T_SYSCALL_ENTERED -> new SyscallEntered(i, t, a, b, d, (String) obj(f), h != 0);
            case T_SYSCALL_RETURNED -> new SyscallReturned(i, t, a, b, d, h != 0);
            case T_SYSCALL_RETURNED_WITHOUT_P -> new SyscallReturnedWithoutP(i, t, a, b);
            case T_SYSCALL_FAILED -> new SyscallFailed(i, t, FNS[a], b, d, (String) obj(f), (String) obj(h));
            case T_CHANNEL_SENT -> new ChannelSent(i, t, a, b, d);
            case T_CHANNEL_RECEIVED -> new ChannelReceived(i, t, a, b, d);
            case T_OBSERVATION_MADE -> new ObservationMade(i, t, a, b, ObservationKind.values()[d], (String) obj(f),
                    props(h));
            case T_PANIC_STARTED -> new PanicStarted(i, t, a, (String) obj(b));
            case T_PANIC_RECOVERED -> new PanicRecovered(i, t, a);
            case T_RUN_ENDED -> new RunEnded(i, t, FNS[a], Outcome.values()[b], (String) obj(d));
            case T_GC_PHASE_CHANGED -> new GcPhaseChanged(i, t, FNS[a], b, GC_PHASES[d]);
            default -> throw new IllegalStateException("corrupt event type at " + i);
        };
    }

    /** The time of event i without decoding it (cheap scans such as the timeline's ticks). */
    public long timeNs(int i) {
        return time[i >>> SHIFT][i & MASK];
    }

    private Object obj(int i) {
        return i < 0 ? null : objects.get(i);
    }

    private dev.curtain.engine.state.ThreadProps props(int i) {
        return (dev.curtain.engine.state.ThreadProps) objects.get(i);
    }

    private static Place place(int packed) {
        return Place.of(KINDS[packed & 0xff], (packed >> 8));
    }

    private static int pack(Place p) {
        return (p.id() << 8) | p.kind().ordinal();
    }

    private static int lo(int v) { return v & 0xff; }
    private static int mid(int v) { return (v >>> 8) & 0xff; }
    private static int hi(int v) { return v >>> 16; }
    private static int trio(int lo, int mid, int hi) { return lo | (mid << 8) | (hi << 16); }
    private static int bit(boolean b) { return b ? 1 : 0; }

    private int intern(Object o) {
        if (o == null) {
            return -1;
        }
        Integer i = objectIndex.get(o);
        if (i == null) {
            i = objects.size();
            objects.add(o);
            objectIndex.put(o, i);
        }
        return i;
    }

    private static final byte T_RUNTIME_STARTED = 1, T_THREAD_CLONED = 2, T_PROCESSORS_RESIZED = 3,
            T_PROCESSOR_ACQUIRED = 4, T_PROCESSOR_RELEASED = 5, T_PROCESSOR_RETAKEN = 6, T_THREAD_WOKEN = 7,
            T_THREAD_PARKED = 8, T_THREAD_SPINNING = 9, T_THREAD_EXITED = 10, T_THREAD_PROPERTY_CHANGED = 11,
            T_PROCESS_CWD_CHANGED = 12, T_GOROUTINE_CREATED = 13, T_GOROUTINE_QUEUED = 14, T_GOROUTINE_STARTED = 15,
            T_GOROUTINE_STEPPED = 16, T_GOROUTINE_PARKED = 17, T_GOROUTINE_READIED = 18, T_GOROUTINE_PREEMPTED = 19,
            T_GOROUTINE_YIELDED = 20, T_GOROUTINE_EXITED = 21, T_GOROUTINE_LOCKED = 22, T_GOROUTINE_UNLOCKED = 23,
            T_SYSCALL_ENTERED = 24, T_SYSCALL_RETURNED = 25, T_SYSCALL_RETURNED_WITHOUT_P = 26, T_SYSCALL_FAILED = 27,
            T_CHANNEL_SENT = 28, T_CHANNEL_RECEIVED = 29, T_OBSERVATION_MADE = 30, T_PANIC_STARTED = 31,
            T_PANIC_RECOVERED = 32, T_RUN_ENDED = 33, T_GOROUTINE_FOUND_WAITING = 34, T_GC_PHASE_CHANGED = 35;

    /** Writes one event's type and slots. */
    private final class Encoder implements Event.Visitor<Void> {
        int at;

        private Void put(byte t, int a, int b, int d, int f, int h) {
            int c = at >>> SHIFT;
            int k = at & MASK;
            type[c][k] = t;
            slots[0][c][k] = a;
            slots[1][c][k] = b;
            slots[2][c][k] = d;
            slots[3][c][k] = f;
            slots[4][c][k] = h;
            return null;
        }

        public Void runtimeStarted(RuntimeStarted e) {
            return put(T_RUNTIME_STARTED, intern(new Object[] {e.version(), e.baseline(), e.channels(), e.capacities()}),
                    e.gomaxprocs(), 0, 0, 0);
        }
        public Void threadCloned(ThreadCloned e) {
            return put(T_THREAD_CLONED, trio(e.fn().ordinal(), e.role().ordinal(), bit(e.viaTemplate())), e.m(),
                    e.creator(), intern(e.props()), 0);
        }
        public Void processorsResized(ProcessorsResized e) {
            return put(T_PROCESSORS_RESIZED, e.fn().ordinal(), e.from(), e.to(), 0, 0);
        }
        public Void processorAcquired(ProcessorAcquired e) {
            return put(T_PROCESSOR_ACQUIRED, e.fn().ordinal(), e.p(), e.m(), 0, 0);
        }
        public Void processorReleased(ProcessorReleased e) {
            return put(T_PROCESSOR_RELEASED, e.fn().ordinal(), e.p(), e.m(), 0, 0);
        }
        public Void gcPhaseChanged(GcPhaseChanged e) {
            return put(T_GC_PHASE_CHANGED, e.fn().ordinal(), e.cycle(), e.phase().ordinal(), 0, 0);
        }
        public Void processorRetaken(ProcessorRetaken e) {
            return put(T_PROCESSOR_RETAKEN, e.p(), e.m(), 0, 0, 0);
        }
        public Void threadWoken(ThreadWoken e) {
            return put(T_THREAD_WOKEN, trio(e.fn().ordinal(), 0, bit(e.spinning())), e.m(), e.p(), 0, 0);
        }
        public Void threadParked(ThreadParked e) {
            return put(T_THREAD_PARKED, trio(e.fn().ordinal(), e.to().ordinal(), 0), e.m(), 0, 0, 0);
        }
        public Void threadSpinning(ThreadSpinning e) {
            return put(T_THREAD_SPINNING, trio(e.fn().ordinal(), 0, bit(e.spinning())), e.m(), 0, 0, 0);
        }
        public Void threadExited(ThreadExited e) {
            return put(T_THREAD_EXITED, e.m(), 0, 0, 0, 0);
        }
        public Void threadPropertyChanged(ThreadPropertyChanged e) {
            return put(T_THREAD_PROPERTY_CHANGED, trio(e.fn().ordinal(), e.property().ordinal(), 0), e.m(), e.g(),
                    intern(e.after()), intern(e.syscall()));
        }
        public Void processCwdChanged(ProcessCwdChanged e) {
            return put(T_PROCESS_CWD_CHANGED, e.g(), e.m(), intern(e.cwd()), 0, 0);
        }
        public Void goroutineCreated(GoroutineCreated e) {
            return put(T_GOROUTINE_CREATED, e.g(), intern(e.function()), e.parent(), pack(e.to()), 0);
        }
        public Void goroutineFoundWaiting(GoroutineFoundWaiting e) {
            return put(T_GOROUTINE_FOUND_WAITING, trio(e.fn().ordinal(), e.reason().ordinal(), 0), e.g(),
                    intern(e.function()), 0, 0);
        }
        public Void goroutineQueued(GoroutineQueued e) {
            return put(T_GOROUTINE_QUEUED, trio(e.fn().ordinal(), 0, bit(e.atHead())), e.g(), pack(e.from()),
                    pack(e.to()), 0);
        }
        public Void goroutineStarted(GoroutineStarted e) {
            return put(T_GOROUTINE_STARTED, e.g(), e.m(), e.p(), pack(e.from()), bit(e.inheritTime()));
        }
        public Void goroutineStepped(GoroutineStepped e) {
            return put(T_GOROUTINE_STEPPED, e.g(), e.m(), e.line(), intern(e.what()), 0);
        }
        public Void goroutineParked(GoroutineParked e) {
            return put(T_GOROUTINE_PARKED, trio(e.fn().ordinal(), e.reason().ordinal(), 0), e.g(), e.m(),
                    e.channel(), 0);
        }
        public Void goroutineReadied(GoroutineReadied e) {
            return put(T_GOROUTINE_READIED, e.fn().ordinal(), e.g(), pack(e.to()), 0, 0);
        }
        public Void goroutinePreempted(GoroutinePreempted e) {
            return put(T_GOROUTINE_PREEMPTED, e.g(), e.m(), e.p(), pack(e.to()), bit(e.async()));
        }
        public Void goroutineYielded(GoroutineYielded e) {
            return put(T_GOROUTINE_YIELDED, e.g(), e.m(), e.p(), pack(e.to()), 0);
        }
        public Void goroutineExited(GoroutineExited e) {
            return put(T_GOROUTINE_EXITED, e.g(), e.m(), 0, 0, 0);
        }
        public Void goroutineLocked(GoroutineLocked e) {
            return put(T_GOROUTINE_LOCKED, e.g(), e.m(), e.depth(), 0, 0);
        }
        public Void goroutineUnlocked(GoroutineUnlocked e) {
            return put(T_GOROUTINE_UNLOCKED, e.g(), e.m(), e.depth(), 0, 0);
        }
        public Void syscallEntered(SyscallEntered e) {
            return put(T_SYSCALL_ENTERED, e.g(), e.m(), e.p(), intern(e.name()), bit(e.pSyscall()));
        }
        public Void syscallReturned(SyscallReturned e) {
            return put(T_SYSCALL_RETURNED, e.g(), e.m(), e.p(), 0, bit(e.sameP()));
        }
        public Void syscallReturnedWithoutP(SyscallReturnedWithoutP e) {
            return put(T_SYSCALL_RETURNED_WITHOUT_P, e.g(), e.m(), 0, 0, 0);
        }
        public Void syscallFailed(SyscallFailed e) {
            return put(T_SYSCALL_FAILED, e.fn().ordinal(), e.g(), e.m(), intern(e.name()), intern(e.errno()));
        }
        public Void channelSent(ChannelSent e) {
            return put(T_CHANNEL_SENT, e.g(), e.channel(), e.buffered(), 0, 0);
        }
        public Void channelReceived(ChannelReceived e) {
            return put(T_CHANNEL_RECEIVED, e.g(), e.channel(), e.buffered(), 0, 0);
        }
        public Void observationMade(ObservationMade e) {
            return put(T_OBSERVATION_MADE, e.g(), e.m(), e.what().ordinal(), intern(e.detail()), intern(e.props()));
        }
        public Void panicStarted(PanicStarted e) {
            return put(T_PANIC_STARTED, e.g(), intern(e.message()), 0, 0, 0);
        }
        public Void panicRecovered(PanicRecovered e) {
            return put(T_PANIC_RECOVERED, e.g(), 0, 0, 0, 0);
        }
        public Void runEnded(RunEnded e) {
            return put(T_RUN_ENDED, e.fn().ordinal(), e.outcome().ordinal(), intern(e.message()), 0, 0);
        }
    }
}
