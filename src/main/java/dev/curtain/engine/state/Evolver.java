package dev.curtain.engine.state;

import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.*;
import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.PlaceKind;
import dev.curtain.engine.event.RuntimeFunction;
import java.util.List;

/**
 * {@code evolve(state, event)}: the one place state changes. It trusts nothing about order beyond what it checks:
 * an event that contradicts the state (a G taken from a queue it is not in) throws, so a bug in the rules shows
 * at the event that caused it, not frames later in the animation.
 */
final class Evolver implements Event.Visitor<Void> {
    private final SchedState s;

    Evolver(SchedState state) {
        this.s = state;
    }

    public SchedState state() {
        return s;
    }

    /** Applies one event. */
    public void apply(Event e) {
        if (e.seq() != s.eventCount) {
            throw new IllegalStateException("event " + e.seq() + " applied to a state at " + s.eventCount);
        }
        if (e.timeNs() < s.timeNs) {
            throw new IllegalStateException("time went back at event " + e.seq());
        }
        e.accept(this);
        s.timeNs = e.timeNs();
        s.eventCount++;
    }

    /** Applies {@code events[from, to)}. */
    public void applyAll(List<Event> events, int from, int to) {
        for (int i = from; i < to; i++) {
            apply(events.get(i));
        }
    }

    private void enter(int g, Place to, boolean atHead) {
        s.goroutines.setPlace(g, to);
        switch (to.kind()) {
            case RUNNEXT -> {
                ProcessorState p = s.processors.get(to.id());
                if (p.runnext >= 0) {
                    throw new IllegalStateException("P" + to.id() + ".runnext already holds G" + p.runnext);
                }
                p.runnext = g;
            }
            case LOCAL_QUEUE -> s.processors.get(to.id()).pushTail(g);
            case GLOBAL_QUEUE -> {
                if (atHead) {
                    s.globalQueue.addFirst(g);
                } else {
                    s.globalQueue.addLast(g);
                }
            }
            default -> {
            }
        }
    }

    private void leave(int g, Place from) {
        if (!s.goroutines.isAt(g, from)) {
            throw new IllegalStateException("G" + g + " is " + s.goroutines.place(g) + ", not " + from);
        }
        boolean ok = switch (from.kind()) {
            case RUNNEXT -> {
                ProcessorState p = s.processors.get(from.id());
                boolean was = p.runnext == g;
                p.runnext = -1;
                yield was;
            }
            case LOCAL_QUEUE -> s.processors.get(from.id()).remove(g);
            case GLOBAL_QUEUE -> s.globalQueue.remove(g);
            default -> true;
        };
        if (!ok) {
            throw new IllegalStateException("G" + g + " missing from " + from);
        }
    }

    private ThreadState m(int m) {
        return s.threads.get(m);
    }

    private ProcessorState p(int p) {
        return s.processors.get(p);
    }

    @Override
    public Void runtimeStarted(RuntimeStarted e) {
        s.version = e.version();
        s.baseline = e.baseline();
        s.processCwd = e.baseline().cwd();
        for (int i = 0; i < e.channels().size(); i++) {
            s.channels.add(new ChannelState(e.channels().get(i), e.capacities().get(i)));
        }
        return null;
    }

    @Override
    public Void threadCloned(ThreadCloned e) {
        ThreadState born = new ThreadState(e.m(), e.role(), e.creator(), e.viaTemplate(), e.props(), e.timeNs());
        if (e.m() < s.threads.size() && !s.threads.get(e.m()).alive()) {
            // An id that names no live thread may be given again. The simulated runtime never does (its ids only
            // grow, like the runtime's mcount), but a summary log's threads are invented: reusing the ids of those
            // that exited keeps a long log's thread table as large as its most threads at once, not its history.
            s.threads.set(e.m(), born);
        } else if (e.m() != s.threads.size()) {
            throw new IllegalStateException("thread ids must be dense: expected M" + s.threads.size());
        } else {
            s.threads.add(born);
        }
        s.liveThreads++;
        s.counters.threadsCreated++;
        s.counters.maxLiveThreads = Math.max(s.counters.maxLiveThreads, s.liveThreads);
        return null;
    }

    @Override
    public Void processorsResized(ProcessorsResized e) {
        while (s.processors.size() < e.to()) {
            s.processors.add(new ProcessorState(s.processors.size()));
        }
        for (int i = 0; i < s.processors.size(); i++) {
            ProcessorState p = s.processors.get(i);
            if (i >= e.to()) {
                if (p.m >= 0 || !p.runqEmpty()) {
                    throw new IllegalStateException("P" + i + " destroyed while it still holds an M or Gs");
                }
                p.status = PStatus.DEAD;
            } else if (p.status == PStatus.DEAD) {
                p.status = PStatus.IDLE;
            }
        }
        s.gomaxprocs = e.to();
        return null;
    }

    @Override
    public Void processorAcquired(ProcessorAcquired e) {
        ProcessorState p = p(e.p());
        if (p.m >= 0 && p.m != e.m()) {
            throw new IllegalStateException("P" + e.p() + " is held by M" + p.m);
        }
        p.status = PStatus.RUNNING;
        p.m = e.m();
        ThreadState t = m(e.m());
        t.p = e.p();
        t.state = MState.RUNNING;
        return null;
    }

    @Override
    public Void processorReleased(ProcessorReleased e) {
        ProcessorState p = p(e.p());
        p.status = PStatus.IDLE;
        p.m = -1;
        ThreadState t = m(e.m());
        t.p = -1;
        if (e.fn() == RuntimeFunction.MEXIT) {
            t.exiting = true;
        }
        return null;
    }

    @Override
    public Void gcPhaseChanged(GcPhaseChanged e) {
        if (e.phase() == GcPhase.OFF && s.counters.gcPhase != GcPhase.OFF) {
            s.counters.gcCycles++;
        }
        s.counters.gcPhase = e.phase();
        return null;
    }

    @Override
    public Void processorRetaken(ProcessorRetaken e) {
        ProcessorState p = p(e.p());
        p.status = PStatus.IDLE;
        p.m = -1;
        p.syscalltick++;
        m(e.m()).p = -1;
        s.counters.retakes++;
        return null;
    }

    @Override
    public Void threadWoken(ThreadWoken e) {
        ThreadState t = m(e.m());
        ProcessorState p = p(e.p());
        if (p.m >= 0 && p.m != e.m()) {
            throw new IllegalStateException("P" + e.p() + " is held by M" + p.m);
        }
        t.state = e.spinning() ? MState.SPINNING : MState.RUNNING;
        t.p = e.p();
        p.m = e.m();
        p.status = PStatus.RUNNING;
        if (e.fn() == RuntimeFunction.HANDOFFP || e.fn() == RuntimeFunction.STARTLOCKEDM) {
            s.counters.handoffs++;
        }
        return null;
    }

    @Override
    public Void threadParked(ThreadParked e) {
        ThreadState t = m(e.m());
        if (t.p >= 0) {
            throw new IllegalStateException("M" + e.m() + " parks while holding P" + t.p);
        }
        t.state = e.to();
        t.curg = -1;
        return null;
    }

    @Override
    public Void threadSpinning(ThreadSpinning e) {
        m(e.m()).state = e.spinning() ? MState.SPINNING : MState.RUNNING;
        return null;
    }

    @Override
    public Void threadExited(ThreadExited e) {
        ThreadState t = m(e.m());
        if (t.p >= 0) {
            throw new IllegalStateException("M" + e.m() + " exits while holding P" + t.p);
        }
        t.state = MState.EXITED;
        t.curg = -1;
        t.lockedg = -1;
        t.diedNs = e.timeNs();
        s.liveThreads--;
        s.counters.threadsExited++;
        return null;
    }

    @Override
    public Void threadPropertyChanged(ThreadPropertyChanged e) {
        m(e.m()).props = e.after();
        if (e.fn() == RuntimeFunction.MINIT) {
            m(e.m()).started = true;
        }
        return null;
    }

    @Override
    public Void processCwdChanged(ProcessCwdChanged e) {
        s.processCwd = e.cwd();
        return null;
    }

    @Override
    public Void goroutineCreated(GoroutineCreated e) {
        s.goroutines.create(e.g(), e.function(), e.parent(), Place.NONE);
        enter(e.g(), e.to(), false);
        return null;
    }

    @Override
    public Void goroutineFoundWaiting(GoroutineFoundWaiting e) {
        s.goroutines.create(e.g(), e.function(), -1, Place.NONE);
        s.goroutines.setStatus(e.g(), GStatus.WAITING);
        s.goroutines.setWaitReason(e.g(), e.reason());
        enter(e.g(), Place.waiting(-1), false);
        return null;
    }

    @Override
    public Void goroutineQueued(GoroutineQueued e) {
        leave(e.g(), e.from());
        enter(e.g(), e.to(), e.atHead());
        if (e.fn() == RuntimeFunction.RUNQSTEAL) {
            s.counters.steals++;
        }
        return null;
    }

    @Override
    public Void goroutineStarted(GoroutineStarted e) {
        leave(e.g(), e.from());
        GoroutineTable gs = s.goroutines;
        gs.setStatus(e.g(), GStatus.RUNNING);
        gs.setWaitReason(e.g(), WaitReason.NONE);
        enter(e.g(), Place.running(e.m()), false);
        ThreadState t = m(e.m());
        t.curg = e.g();
        t.state = MState.RUNNING;
        if (t.p != e.p()) {
            throw new IllegalStateException("M" + e.m() + " runs G" + e.g() + " on P" + e.p() + " but holds P" + t.p);
        }
        if (!e.inheritTime()) {
            p(e.p()).schedtick++;
        }
        int from = e.from().id();
        boolean fromOtherP = (e.from().kind() == PlaceKind.LOCAL_QUEUE
                || e.from().kind() == PlaceKind.RUNNEXT) && from != e.p();
        if (fromOtherP) {
            s.counters.steals++;
        }
        return null;
    }

    @Override
    public Void goroutineStepped(GoroutineStepped e) {
        s.goroutines.setLine(e.g(), e.line());
        return null;
    }

    @Override
    public Void goroutineParked(GoroutineParked e) {
        leave(e.g(), Place.running(e.m()));
        s.goroutines.setStatus(e.g(), GStatus.WAITING);
        s.goroutines.setWaitReason(e.g(), e.reason());
        enter(e.g(), Place.waiting(e.channel()), false);
        m(e.m()).curg = -1;
        return null;
    }

    @Override
    public Void goroutineReadied(GoroutineReadied e) {
        if (s.goroutines.status(e.g()) != GStatus.WAITING) {
            throw new IllegalStateException("G" + e.g() + " readied while " + s.goroutines.status(e.g()));
        }
        s.goroutines.setStatus(e.g(), GStatus.RUNNABLE);
        s.goroutines.setWaitReason(e.g(), WaitReason.NONE);
        enter(e.g(), e.to(), false);
        return null;
    }

    @Override
    public Void goroutinePreempted(GoroutinePreempted e) {
        stopRunning(e.g(), e.m(), e.to());
        s.counters.preemptions++;
        return null;
    }

    @Override
    public Void goroutineYielded(GoroutineYielded e) {
        stopRunning(e.g(), e.m(), e.to());
        return null;
    }

    private void stopRunning(int g, int m, Place to) {
        leave(g, Place.running(m));
        s.goroutines.setStatus(g, GStatus.RUNNABLE);
        enter(g, to, false);
        m(m).curg = -1;
    }

    @Override
    public Void goroutineExited(GoroutineExited e) {
        leave(e.g(), Place.running(e.m()));
        s.goroutines.setStatus(e.g(), GStatus.DEAD);
        s.goroutines.setPlace(e.g(), Place.DEAD);
        s.goroutines.setLock(e.g(), -1, 0);
        ThreadState t = m(e.m());
        t.curg = -1;
        if (t.lockedg == e.g()) {
            t.lockedg = -1;
        }
        return null;
    }

    @Override
    public Void goroutineLocked(GoroutineLocked e) {
        s.goroutines.setLock(e.g(), e.m(), e.depth());
        m(e.m()).lockedg = e.g();
        return null;
    }

    @Override
    public Void goroutineUnlocked(GoroutineUnlocked e) {
        if (e.depth() == 0) {
            s.goroutines.setLock(e.g(), -1, 0);
            m(e.m()).lockedg = -1;
        } else {
            s.goroutines.setLock(e.g(), e.m(), e.depth());
        }
        return null;
    }

    @Override
    public Void syscallEntered(SyscallEntered e) {
        leave(e.g(), Place.running(e.m()));
        s.goroutines.setStatus(e.g(), GStatus.SYSCALL);
        enter(e.g(), Place.syscall(e.m()), false);
        m(e.m()).state = MState.SYSCALL;
        if (e.p() >= 0 && e.pSyscall()) {
            p(e.p()).status = PStatus.SYSCALL;
        }
        return null;
    }

    @Override
    public Void syscallReturned(SyscallReturned e) {
        leave(e.g(), Place.syscall(e.m()));
        s.goroutines.setStatus(e.g(), GStatus.RUNNING);
        enter(e.g(), Place.running(e.m()), false);
        ThreadState t = m(e.m());
        ProcessorState p = p(e.p());
        if (p.m >= 0 && p.m != e.m()) {
            throw new IllegalStateException("P" + e.p() + " is held by M" + p.m);
        }
        t.state = MState.RUNNING;
        t.p = e.p();
        p.m = e.m();
        p.status = PStatus.RUNNING;
        p.syscalltick++;
        return null;
    }

    @Override
    public Void syscallReturnedWithoutP(SyscallReturnedWithoutP e) {
        leave(e.g(), Place.syscall(e.m()));
        s.goroutines.setStatus(e.g(), GStatus.RUNNABLE);
        enter(e.g(), Place.GLOBAL, false);
        ThreadState t = m(e.m());
        t.curg = -1;
        t.state = MState.RUNNING;
        return null;
    }

    @Override
    public Void syscallFailed(SyscallFailed e) {
        return null;
    }

    @Override
    public Void channelSent(ChannelSent e) {
        s.channels.get(e.channel()).buffered = e.buffered();
        return null;
    }

    @Override
    public Void channelReceived(ChannelReceived e) {
        s.channels.get(e.channel()).buffered = e.buffered();
        return null;
    }

    @Override
    public Void observationMade(ObservationMade e) {
        if (e.g() > 0 && !s.diverged(e.m()).isEmpty()) {
            s.goroutines.setTainted(e.g());
        }
        return null;
    }

    @Override
    public Void panicStarted(PanicStarted e) {
        return null;
    }

    @Override
    public Void panicRecovered(PanicRecovered e) {
        return null;
    }

    @Override
    public Void runEnded(RunEnded e) {
        s.outcome = e.outcome();
        s.outcomeMessage = e.message();
        return null;
    }
}
