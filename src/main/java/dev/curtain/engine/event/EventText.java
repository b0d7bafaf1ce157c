package dev.curtain.engine.event;

import dev.curtain.engine.Durations;
import dev.curtain.engine.event.Event.*;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.engine.state.WaitReason;

/**
 * One plain-English line per event, for the caption bar and the text event log: what happened, to whom, and which
 * runtime function did it, for example "sysmon took P0 from M1, whose G5 is blocked in a syscall (retake)".
 * Pure: the same event (and state) always gives the same text.
 */
public final class EventText {
    private EventText() {
    }

    /** The line for an event on its own. */
    public static String describe(Event e) {
        return e.accept(new Text(null));
    }

    /**
     * The line for an event, using the state just before it (same run) to add what the event itself does not
     * carry, such as which goroutine a retaken thread was running.
     */
    public static String describe(Event e, SchedState before) {
        return e.accept(new Text(before));
    }

    /** How far back a line may look in the log for context (the syscall a retaken thread is in). */
    private static final int LOOK_BACK = 10_000;
    /** How far ahead it may look (the thread a retaken P goes to is woken a few events later). */
    private static final int LOOK_AHEAD = 8;

    /**
     * The line for event {@code index} of a log, with {@code before} the state just before it: besides what
     * {@link #describe(Event, SchedState)} says, a retake names the syscall, how long it has lasted, and the thread
     * the P goes to, for example "sysmon takes P0 from M0, whose G2 has been in write() for 20µs; M2 gets it
     * (retake)".
     */
    public static String describe(java.util.List<Event> log, int index, SchedState before) {
        Event e = log.get(index);
        if (!(e instanceof ProcessorRetaken r)) {
            return describe(e, before);
        }
        String who = null;
        String call = null;
        long since = -1;
        for (int i = index - 1; i >= 0 && i >= index - LOOK_BACK; i--) {
            if (log.get(i) instanceof SyscallEntered se && se.m() == r.m()) {
                who = g(se.g());
                call = se.name() + "()";
                since = r.timeNs() - se.timeNs();
                break;
            }
        }
        String to = null;
        for (int i = index + 1; i < log.size() && i <= index + LOOK_AHEAD; i++) {
            if (log.get(i) instanceof ThreadWoken w && w.p() == r.p()) {
                to = m(w.m());
                break;
            }
        }
        if (who == null) {
            return describe(e, before);
        }
        return "sysmon takes " + p(r.p()) + " from " + m(r.m()) + ", whose " + who + " has been in " + call
                + " for " + Durations.human(since) + (to == null ? "" : "; " + to + " gets it") + " (retake)";
    }

    private static String g(int g) {
        return "G" + g;
    }

    private static String p(int p) {
        return "P" + p;
    }

    private static String m(int m) {
        return "M" + m;
    }

    private static String place(Place pl) {
        return switch (pl.kind()) {
            case RUNNEXT -> pl.id() >= 0 ? p(pl.id()) + "'s runnext slot" : "a runnext slot";
            case LOCAL_QUEUE -> p(pl.id()) + "'s local run queue";
            case GLOBAL_QUEUE -> "the global run queue";
            case RUNNING -> "running on " + m(pl.id());
            case SYSCALL -> "a syscall on " + m(pl.id());
            case WAITING -> "waiting";
            case DEAD -> "dead";
            case NONE -> "the GC's worker pool, straight to its P"; // only mark workers are handed over so
        };
    }

    private static final class Text implements Event.Visitor<String> {
        private final SchedState before;

        Text(SchedState before) {
            this.before = before;
        }

        private String curgOf(int m) {
            if (before == null || m < 0 || m >= before.threads().size()) {
                return null;
            }
            ThreadState t = before.thread(m);
            return t.curg() >= 0 ? g(t.curg()) : null;
        }

        @Override
        public String runtimeStarted(RuntimeStarted e) {
            return "The process starts as Go " + e.version() + " with GOMAXPROCS=" + e.gomaxprocs()
                    + ": M0 is the main thread (rt0_go)";
        }

        @Override
        public String threadCloned(ThreadCloned e) {
            String who = switch (e.role()) {
                case MAIN -> "The main thread M" + e.m() + " exists";
                case SYSMON -> e.creator() < 0 ? "sysmon's thread " + m(e.m()) + " exists"
                        : "sysmon gets its own thread " + m(e.m()) + ", cloned from " + m(e.creator());
                case TEMPLATE -> "The template thread " + m(e.m()) + " is cloned from " + m(e.creator())
                        + " (startTemplateThread)";
                case WORKER -> e.creator() < 0
                        // a thread a schedtrace log shows without saying who made it
                        ? "A new thread " + m(e.m()) + " appears (" + e.fn().goName() + ")"
                        : e.viaTemplate()
                        ? "The template thread " + m(e.creator()) + " creates a clean " + m(e.m())
                        + " for a locked thread (templateThread)"
                        : m(e.creator()) + " clones a new thread " + m(e.m()) + ", which inherits its properties ("
                        + e.fn().goName() + ")";
            };
            return e.role() == dev.curtain.engine.state.ThreadRole.MAIN ? who + " (rt0_go)" : who;
        }

        @Override
        public String processorsResized(ProcessorsResized e) {
            return "GOMAXPROCS goes from " + e.from() + " to " + e.to() + " Ps (" + e.fn().goName() + ")";
        }

        @Override
        public String processorAcquired(ProcessorAcquired e) {
            return m(e.m()) + " takes " + p(e.p()) + " (" + e.fn().goName() + ")";
        }

        @Override
        public String processorReleased(ProcessorReleased e) {
            return m(e.m()) + " gives up " + p(e.p()) + " (" + e.fn().goName() + ")";
        }

        @Override
        public String processorRetaken(ProcessorRetaken e) {
            String gr = curgOf(e.m());
            return "sysmon takes " + p(e.p()) + " from " + m(e.m()) + ", whose "
                    + (gr == null ? "goroutine" : gr) + " is blocked in a syscall (retake)";
        }

        @Override
        public String threadWoken(ThreadWoken e) {
            return m(e.m()) + " wakes up with " + p(e.p()) + (e.spinning() ? " and spins looking for work" : "")
                    + " (" + e.fn().goName() + ")";
        }

        @Override
        public String threadParked(ThreadParked e) {
            return switch (e.to()) {
                case LOCKED_IDLE -> m(e.m()) + " sleeps until its locked goroutine can run (stoplockedm)";
                case WEDGED -> m(e.m()) + " is the main thread and cannot exit: it is wedged for good (mexit)";
                default -> m(e.m()) + " has nothing to do and parks in the idle pool (" + e.fn().goName() + ")";
            };
        }

        @Override
        public String threadSpinning(ThreadSpinning e) {
            return e.spinning() ? m(e.m()) + " spins, looking for work to steal (" + e.fn().goName() + ")"
                    : m(e.m()) + " stops spinning (" + e.fn().goName() + ")";
        }

        @Override
        public String threadExited(ThreadExited e) {
            return m(e.m()) + " exits: the thread is gone (mexit)";
        }

        @Override
        public String threadPropertyChanged(ThreadPropertyChanged e) {
            String by = e.g() >= 0 ? g(e.g()) + " on " + m(e.m()) : "The runtime on " + m(e.m());
            return by + " calls " + e.syscall() + ": " + m(e.m()) + "'s " + e.property().key() + " is now "
                    + e.property().valueOf(e.after())
                    + (e.fn() == RuntimeFunction.ALL_THREADS_SYSCALL ? " (AllThreadsSyscall)" : "");
        }

        @Override
        public String processCwdChanged(ProcessCwdChanged e) {
            return g(e.g()) + " changes the process's working directory to " + e.cwd() + " (chdir)";
        }

        @Override
        public String goroutineCreated(GoroutineCreated e) {
            if (e.parent() < 0 && "main".equals(e.function())) {
                return "The main goroutine " + g(e.g()) + " is created in " + place(e.to()) + " (newproc)";
            }
            if (e.parent() < 0) {
                return g(e.g()) + " (" + e.function() + ") is created in " + place(e.to()) + " (newproc)";
            }
            return g(e.parent()) + " starts " + g(e.g()) + " running " + e.function() + "(), into "
                    + place(e.to()) + " (newproc)";
        }

        @Override
        public String goroutineFoundWaiting(GoroutineFoundWaiting e) {
            String why = e.reason() == WaitReason.NONE ? "" : " (" + e.reason().text() + ")";
            String what = e.function().isEmpty() ? "" : " (" + e.function() + ")";
            return g(e.g()) + what + " was already blocked" + why + " when the record began, holding no thread ("
                    + e.fn().goName() + ")";
        }

        @Override
        public String goroutineQueued(GoroutineQueued e) {
            return g(e.g()) + " moves from " + place(e.from()) + " to " + place(e.to()) + " (" + e.fn().goName()
                    + ")";
        }

        @Override
        public String goroutineStarted(GoroutineStarted e) {
            return m(e.m()) + " on " + p(e.p()) + " runs " + g(e.g()) + ", taken from " + place(e.from())
                    + (e.inheritTime() ? ", inheriting the time slice" : "") + " (execute)";
        }

        @Override
        public String goroutineStepped(GoroutineStepped e) {
            return g(e.g()) + " reaches line " + e.line() + ": " + e.what();
        }

        @Override
        public String goroutineParked(GoroutineParked e) {
            String why = e.reason() == WaitReason.NONE ? "" : " (" + e.reason().text() + ")";
            return g(e.g()) + " blocks" + why + " and leaves " + m(e.m()) + ", holding no thread (gopark)";
        }

        @Override
        public String goroutineReadied(GoroutineReadied e) {
            return g(e.g()) + " can run again: into " + place(e.to()) + " (" + e.fn().goName() + ")";
        }

        @Override
        public String goroutinePreempted(GoroutinePreempted e) {
            return g(e.g()) + " is preempted on " + m(e.m())
                    + (e.async() ? " by a signal (asynchronous preemption)" : " at a function call")
                    + " and goes to " + place(e.to()) + " (gopreempt_m)";
        }

        @Override
        public String goroutineYielded(GoroutineYielded e) {
            return g(e.g()) + " calls runtime.Gosched and goes to " + place(e.to()) + " (Gosched)";
        }

        @Override
        public String goroutineExited(GoroutineExited e) {
            return g(e.g()) + " returns and is dead (goexit0)";
        }

        @Override
        public String goroutineLocked(GoroutineLocked e) {
            return g(e.g()) + " is locked to " + m(e.m()) + (e.depth() > 1 ? " (depth " + e.depth() + ")" : "")
                    + " (LockOSThread)";
        }

        @Override
        public String goroutineUnlocked(GoroutineUnlocked e) {
            return e.depth() == 0 ? g(e.g()) + " is unlocked from " + m(e.m()) + " (UnlockOSThread)"
                    : g(e.g()) + " undoes one lock but stays locked to " + m(e.m()) + " (depth " + e.depth()
                    + ", UnlockOSThread)";
        }

        @Override
        public String syscallEntered(SyscallEntered e) {
            return g(e.g()) + " on " + m(e.m()) + " enters " + e.name() + "(); " + p(e.p())
                    + (e.pSyscall() ? " is loosely detached (_Psyscall)" : " stays attached") + " (entersyscall)";
        }

        @Override
        public String syscallReturned(SyscallReturned e) {
            return g(e.g()) + "'s syscall returns and " + m(e.m()) + (e.sameP() ? " keeps " : " takes the idle ")
                    + p(e.p()) + " (exitsyscall)";
        }

        @Override
        public String syscallReturnedWithoutP(SyscallReturnedWithoutP e) {
            return g(e.g()) + "'s syscall returns but no P is free: " + g(e.g())
                    + " goes to the global run queue (exitsyscall0)";
        }

        @Override
        public String syscallFailed(SyscallFailed e) {
            return g(e.g()) + " on " + m(e.m()) + ": " + e.name() + " fails with " + e.errno();
        }

        @Override
        public String channelSent(ChannelSent e) {
            return g(e.g()) + " sends on channel #" + e.channel()
                    + (e.buffered() > 0 ? " (" + e.buffered() + " buffered)" : "") + " (chansend)";
        }

        @Override
        public String channelReceived(ChannelReceived e) {
            return g(e.g()) + " receives from channel #" + e.channel() + " (chanrecv)";
        }

        @Override
        public String observationMade(ObservationMade e) {
            String what = switch (e.what()) {
                case CREATE_FILE -> "creates " + e.detail() + ", owned by uid " + e.props().uid();
                case OPEN_SOCKET -> "opens a socket (" + e.detail() + ") in netns " + e.props().netns();
                case READ_HOSTNAME -> "reads the hostname from utsns " + e.props().utsns();
                case PRINT -> "prints \"" + e.detail() + "\"";
                case THREAD_ID -> "asks for its thread id: " + e.detail();
                case READ_UID -> "reads its uid: " + e.props().uid();
                case READ_GID -> "reads its gid: " + e.props().gid();
                case READ_NICE -> "reads its nice value: " + e.props().nice();
                case READ_CAPS -> "reads its capabilities: " + dev.curtain.engine.state.ThreadProps.capsHex(
                        e.props().caps());
                case READ_SIGMASK -> "reads its blocked signals: " + dev.curtain.engine.state.ThreadProps.maskHex(
                        e.props().sigmask());
                case READ_MOUNTS -> "reads the mounts of mntns " + e.props().mntns();
            };
            return g(e.g()) + " on " + m(e.m()) + " " + what;
        }

        @Override
        public String panicStarted(PanicStarted e) {
            return g(e.g()) + " panics: " + e.message() + " (gopanic)";
        }

        @Override
        public String panicRecovered(PanicRecovered e) {
            return g(e.g()) + " recovers from the panic (gorecover)";
        }

        @Override
        public String runEnded(RunEnded e) {
            String first = e.message().isEmpty() ? e.outcome().key() : e.message().split("\n", 2)[0];
            return "The run ends after " + Durations.human(e.timeNs()) + ": " + first;
        }

        @Override
        public String gcPhaseChanged(GcPhaseChanged e) {
            return switch (e.phase()) {
                case SWEEP_TERMINATION -> "GC cycle " + e.cycle() + " starts: the heap reached its trigger, and "
                        + "the world stops for sweep termination (gcStart)";
                case MARK -> "GC cycle " + e.cycle() + " marks: the world runs again, with mark workers on "
                        + "their Ps (startTheWorldWithSema)";
                case MARK_TERMINATION -> "GC cycle " + e.cycle() + ": marking is done, and the world stops for "
                        + "mark termination (gcMarkDone)";
                case OFF -> "GC cycle " + e.cycle() + " ends: the heap goal is set from what survived, and the "
                        + "sweeper is readied (gcMarkTermination)";
            };
        }
    }
}
