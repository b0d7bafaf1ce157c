package dev.curtain.engine.event;

import dev.curtain.engine.Outcome;
import dev.curtain.engine.program.ObservationKind;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.engine.state.ThreadRole;
import dev.curtain.engine.state.WaitReason;
import java.util.List;

/**
 * Something that happened in the simulated runtime: the closed set of past-tense records the log holds.
 * Every event has its index in the log ({@link #seq()}), the simulated time, the runtime function it models and
 * the G, P and M it concerns (-1 where none). Events that move a goroutine say from where and to where.
 * State is a fold of these ({@code dev.curtain.engine.state.Evolver}); nothing else changes it.
 */
public sealed interface Event {

    /** Index of this event in its run's log, from 0. */
    int seq();

    /** Simulated time in nanoseconds since the process started; never decreases along the log. */
    long timeNs();

    /** The runtime function this event models. */
    RuntimeFunction fn();

    /** The goroutine this event concerns, or -1. */
    default int g() {
        return -1;
    }

    /** The processor this event concerns, or -1. */
    default int p() {
        return -1;
    }

    /** The thread this event concerns, or -1. */
    default int m() {
        return -1;
    }

    <R> R accept(Visitor<R> v);

    /** One method per event type, so consumers are checked by the compiler when the set grows. */
    interface Visitor<R> {
        R runtimeStarted(RuntimeStarted e);
        R threadCloned(ThreadCloned e);
        R processorsResized(ProcessorsResized e);
        R processorAcquired(ProcessorAcquired e);
        R processorReleased(ProcessorReleased e);
        R processorRetaken(ProcessorRetaken e);
        R threadWoken(ThreadWoken e);
        R threadParked(ThreadParked e);
        R threadSpinning(ThreadSpinning e);
        R threadExited(ThreadExited e);
        R threadPropertyChanged(ThreadPropertyChanged e);
        R processCwdChanged(ProcessCwdChanged e);
        R goroutineCreated(GoroutineCreated e);
        R goroutineFoundWaiting(GoroutineFoundWaiting e);
        R goroutineQueued(GoroutineQueued e);
        R goroutineStarted(GoroutineStarted e);
        R goroutineStepped(GoroutineStepped e);
        R goroutineParked(GoroutineParked e);
        R goroutineReadied(GoroutineReadied e);
        R goroutinePreempted(GoroutinePreempted e);
        R goroutineYielded(GoroutineYielded e);
        R goroutineExited(GoroutineExited e);
        R goroutineLocked(GoroutineLocked e);
        R goroutineUnlocked(GoroutineUnlocked e);
        R syscallEntered(SyscallEntered e);
        R syscallReturned(SyscallReturned e);
        R syscallReturnedWithoutP(SyscallReturnedWithoutP e);
        R syscallFailed(SyscallFailed e);
        R channelSent(ChannelSent e);
        R channelReceived(ChannelReceived e);
        R observationMade(ObservationMade e);
        R panicStarted(PanicStarted e);
        R panicRecovered(PanicRecovered e);
        R runEnded(RunEnded e);
        R gcPhaseChanged(GcPhaseChanged e);
    }

    /** The process started: the version imitated, GOMAXPROCS, the baseline properties and the program's channels. */
    record RuntimeStarted(int seq, long timeNs, String version, int gomaxprocs, ThreadProps baseline,
                          List<String> channels, List<Integer> capacities) implements Event {
        public RuntimeStarted {
            channels = List.copyOf(channels);
            capacities = List.copyOf(capacities);
        }
        public RuntimeFunction fn() { return RuntimeFunction.RT0_GO; }
        public <R> R accept(Visitor<R> v) { return v.runtimeStarted(this); }
    }

    /** A new OS thread exists, with the properties it inherited from the thread that cloned it. */
    record ThreadCloned(int seq, long timeNs, RuntimeFunction fn, int m, int creator, ThreadRole role,
                        ThreadProps props, boolean viaTemplate) implements Event {
        public <R> R accept(Visitor<R> v) { return v.threadCloned(this); }
    }

    /** The number of Ps changed (at start, or runtime.GOMAXPROCS). Destroyed Ps' Gs move by their own events first. */
    record ProcessorsResized(int seq, long timeNs, RuntimeFunction fn, int from, int to) implements Event {
        public <R> R accept(Visitor<R> v) { return v.processorsResized(this); }
    }

    /** Thread {@code m} now owns P {@code p} and runs the scheduler on it. */
    record ProcessorAcquired(int seq, long timeNs, RuntimeFunction fn, int p, int m) implements Event {
        public <R> R accept(Visitor<R> v) { return v.processorAcquired(this); }
    }

    /** Thread {@code m} gave up P {@code p}, which is now idle. */
    record ProcessorReleased(int seq, long timeNs, RuntimeFunction fn, int p, int m) implements Event {
        public <R> R accept(Visitor<R> v) { return v.processorReleased(this); }
    }

    /**
     * The garbage collector entered {@code phase} of cycle {@code cycle} (1 for the first): a stop-the-world
     * (sweep or mark termination), the concurrent mark phase, or off again.
     */
    record GcPhaseChanged(int seq, long timeNs, RuntimeFunction fn, int cycle,
                          dev.curtain.engine.state.GcPhase phase) implements Event {
        public <R> R accept(Visitor<R> v) { return v.gcPhaseChanged(this); }
    }

    /** sysmon took P {@code p} from thread {@code m}, whose G is in a syscall; the P is idle until handed off. */
    record ProcessorRetaken(int seq, long timeNs, int p, int m) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.RETAKE; }
        public <R> R accept(Visitor<R> v) { return v.processorRetaken(this); }
    }

    /** An idle (or new) thread was given P {@code p} and woken, spinning or not. */
    record ThreadWoken(int seq, long timeNs, RuntimeFunction fn, int m, int p, boolean spinning) implements Event {
        public <R> R accept(Visitor<R> v) { return v.threadWoken(this); }
    }

    /** A thread went to sleep: in the idle pool, waiting for its locked G, or wedged for good. */
    record ThreadParked(int seq, long timeNs, RuntimeFunction fn, int m, MState to) implements Event {
        public <R> R accept(Visitor<R> v) { return v.threadParked(this); }
    }

    /** A thread holding a P started or stopped searching for work. */
    record ThreadSpinning(int seq, long timeNs, RuntimeFunction fn, int m, boolean spinning) implements Event {
        public <R> R accept(Visitor<R> v) { return v.threadSpinning(this); }
    }

    /** A thread is gone. */
    record ThreadExited(int seq, long timeNs, int m) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.MEXIT; }
        public <R> R accept(Visitor<R> v) { return v.threadExited(this); }
    }

    /** One property of thread {@code m} changed (by goroutine {@code g}, or -1 for the runtime). */
    record ThreadPropertyChanged(int seq, long timeNs, RuntimeFunction fn, int m, int g, Property property,
                                 ThreadProps after, String syscall) implements Event {
        public <R> R accept(Visitor<R> v) { return v.threadPropertyChanged(this); }
    }

    /** The process-wide working directory changed (threads with a private fs keep theirs). */
    record ProcessCwdChanged(int seq, long timeNs, int g, int m, String cwd) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.SYSCALL; }
        public <R> R accept(Visitor<R> v) { return v.processCwdChanged(this); }
    }

    /** A goroutine was created running {@code function}, by {@code parent} (-1 for the runtime). */
    record GoroutineCreated(int seq, long timeNs, int g, String function, int parent, Place to) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.NEWPROC; }
        public int p() { return to.kind() == PlaceKind.RUNNEXT ? to.id() : -1; }
        public <R> R accept(Visitor<R> v) { return v.goroutineCreated(this); }
    }

    /**
     * A goroutine that was already blocked when the record began (an import's first look at it: the first block
     * of a schedtrace log, the status a trace gives at a generation's start) comes in waiting, with its reason and
     * no thread, without being run to get there. {@code fn} is the function that parked it ({@code gopark}), before
     * anything the record saw. Only imports emit it; the simulator creates every goroutine runnable.
     */
    record GoroutineFoundWaiting(int seq, long timeNs, RuntimeFunction fn, int g, String function, WaitReason reason)
            implements Event {
        public <R> R accept(Visitor<R> v) { return v.goroutineFoundWaiting(this); }
    }

    /** A runnable goroutine moved between run queues (kicked from runnext, overflow, batch, steal, resize). */
    record GoroutineQueued(int seq, long timeNs, RuntimeFunction fn, int g, Place from, Place to, boolean atHead)
            implements Event {
        public <R> R accept(Visitor<R> v) { return v.goroutineQueued(this); }
    }

    /** Thread {@code m} on P {@code p} started running {@code g}; {@code inheritTime} if it came from runnext. */
    record GoroutineStarted(int seq, long timeNs, int g, int m, int p, Place from, boolean inheritTime)
            implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.EXECUTE; }
        public <R> R accept(Visitor<R> v) { return v.goroutineStarted(this); }
    }

    /** A running goroutine reached a new source line (only for scenarios that show source). */
    record GoroutineStepped(int seq, long timeNs, int g, int m, int line, String what) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.EXECUTE; }
        public <R> R accept(Visitor<R> v) { return v.goroutineStepped(this); }
    }

    /** A running goroutine blocked; {@code channel} is the channel index or -1. */
    record GoroutineParked(int seq, long timeNs, RuntimeFunction fn, int g, int m, WaitReason reason, int channel)
            implements Event {
        public <R> R accept(Visitor<R> v) { return v.goroutineParked(this); }
    }

    /** A parked goroutine became runnable. */
    record GoroutineReadied(int seq, long timeNs, RuntimeFunction fn, int g, Place to) implements Event {
        public int p() { return to.kind() == PlaceKind.RUNNEXT || to.kind() == PlaceKind.LOCAL_QUEUE ? to.id() : -1; }
        public <R> R accept(Visitor<R> v) { return v.goroutineReadied(this); }
    }

    /** sysmon (or a stop-the-world) stopped a running goroutine; {@code async} if by signal (1.14+). */
    record GoroutinePreempted(int seq, long timeNs, int g, int m, int p, boolean async, Place to) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.GOPREEMPT_M; }
        public <R> R accept(Visitor<R> v) { return v.goroutinePreempted(this); }
    }

    /** runtime.Gosched: the goroutine went to the global queue of its own accord. */
    record GoroutineYielded(int seq, long timeNs, int g, int m, int p, Place to) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.GOSCHED; }
        public <R> R accept(Visitor<R> v) { return v.goroutineYielded(this); }
    }

    /** A goroutine finished. */
    record GoroutineExited(int seq, long timeNs, int g, int m) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.GOEXIT0; }
        public <R> R accept(Visitor<R> v) { return v.goroutineExited(this); }
    }

    /**
     * LockOSThread: {@code g} is wired to {@code m}; {@code depth} is the lock count now: its LockOSThread calls
     * (at most 1 before Go 1.10) plus runtime.main's own lock while init runs.
     */
    record GoroutineLocked(int seq, long timeNs, int g, int m, int depth) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.LOCK_OS_THREAD; }
        public <R> R accept(Visitor<R> v) { return v.goroutineLocked(this); }
    }

    /** UnlockOSThread: the lock count is now {@code depth}; at 0 the goroutine is free to move. */
    record GoroutineUnlocked(int seq, long timeNs, int g, int m, int depth) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.UNLOCK_OS_THREAD; }
        public <R> R accept(Visitor<R> v) { return v.goroutineUnlocked(this); }
    }

    /**
     * {@code g} entered a blocking system call on {@code m}, which keeps a loose hold on P {@code p};
     * {@code pSyscall}: the P shows status _Psyscall (up to Go 1.25) rather than staying _Prunning (1.26).
     */
    record SyscallEntered(int seq, long timeNs, int g, int m, int p, String name, boolean pSyscall)
            implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.ENTERSYSCALL; }
        public <R> R accept(Visitor<R> v) { return v.syscallEntered(this); }
    }

    /** The syscall returned and {@code m} holds P {@code p} (its old one, or an idle one); {@code g} runs on. */
    record SyscallReturned(int seq, long timeNs, int g, int m, int p, boolean sameP) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.EXITSYSCALL; }
        public <R> R accept(Visitor<R> v) { return v.syscallReturned(this); }
    }

    /** The syscall returned to no free P: {@code g} goes to the global queue; the M parks by a later event. */
    record SyscallReturnedWithoutP(int seq, long timeNs, int g, int m) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.EXITSYSCALL0; }
        public <R> R accept(Visitor<R> v) { return v.syscallReturnedWithoutP(this); }
    }

    /** A call failed with an errno a user would see (EOPNOTSUPP from Setuid before 1.16, EPERM, EINVAL …). */
    record SyscallFailed(int seq, long timeNs, RuntimeFunction fn, int g, int m, String name, String errno)
            implements Event {
        public <R> R accept(Visitor<R> v) { return v.syscallFailed(this); }
    }

    /** {@code g} sent on channel {@code channel}; {@code buffered} values are now in its buffer. */
    record ChannelSent(int seq, long timeNs, int g, int channel, int buffered) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.CHANSEND; }
        public <R> R accept(Visitor<R> v) { return v.channelSent(this); }
    }

    /** {@code g} received from channel {@code channel}; {@code buffered} values remain. */
    record ChannelReceived(int seq, long timeNs, int g, int channel, int buffered) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.CHANRECV; }
        public <R> R accept(Visitor<R> v) { return v.channelReceived(this); }
    }

    /** {@code g} on thread {@code m} did something visible; {@code props} are the thread's properties then. */
    record ObservationMade(int seq, long timeNs, int g, int m, ObservationKind what, String detail,
                           ThreadProps props) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.SYSCALL; }
        public <R> R accept(Visitor<R> v) { return v.observationMade(this); }
    }

    /** {@code g} panicked; deferred calls run as the stack unwinds. */
    record PanicStarted(int seq, long timeNs, int g, String message) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.GOPANIC; }
        public <R> R accept(Visitor<R> v) { return v.panicStarted(this); }
    }

    /** A deferred call of {@code g} recovered the panic. */
    record PanicRecovered(int seq, long timeNs, int g) implements Event {
        public RuntimeFunction fn() { return RuntimeFunction.GORECOVER; }
        public <R> R accept(Visitor<R> v) { return v.panicRecovered(this); }
    }

    /** The run is over; nothing follows. */
    record RunEnded(int seq, long timeNs, RuntimeFunction fn, Outcome outcome, String message) implements Event {
        public <R> R accept(Visitor<R> v) { return v.runEnded(this); }
    }
}
