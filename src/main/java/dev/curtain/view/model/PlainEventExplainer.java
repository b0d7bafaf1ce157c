package dev.curtain.view.model;

import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.*;
import dev.curtain.engine.event.Place;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadRole;
import java.util.Locale;

/**
 * The app's own one-line explanation of each event, written for an audience rather than for a runtime
 * developer: who did what, and why it matters. One of the two seams the shared event text replaces at merge.
 */
public final class PlainEventExplainer implements EventExplainer {

    @Override
    public String explain(Event event, SchedState after) {
        return event.accept(new Words(after));
    }

    private static String where(Place p) {
        return switch (p.kind()) {
            case RUNNEXT -> "P" + p.id() + "'s runnext slot";
            case LOCAL_QUEUE -> "P" + p.id() + "'s local run queue";
            case GLOBAL_QUEUE -> "the global run queue";
            case RUNNING -> "M" + p.id();
            case SYSCALL -> "a system call on M" + p.id();
            case WAITING -> "waiting";
            case DEAD -> "nowhere: it finished";
            case NONE -> "nowhere";
        };
    }

    private static final class Words implements Event.Visitor<String> {
        private final SchedState s;

        Words(SchedState s) {
            this.s = s;
        }

        private String g(int g) {
            if (s != null && s.goroutines().exists(g)) {
                return "G" + g + " (" + s.goroutines().function(g) + ")";
            }
            return "G" + g;
        }

        public String runtimeStarted(RuntimeStarted e) {
            return "The process starts under Go " + e.version() + " with GOMAXPROCS=" + e.gomaxprocs()
                    + ": one main thread, M0.";
        }

        public String threadCloned(ThreadCloned e) {
            if (e.creator() < 0) {
                return "M" + e.m() + " is the process's main thread.";
            }
            String what = e.role() == ThreadRole.SYSMON ? "the sysmon monitor thread"
                    : e.role() == ThreadRole.TEMPLATE ? "the template thread, a clean source of new threads"
                    : "a new worker thread";
            String how = e.viaTemplate() ? " through the template thread" : "";
            return "M" + e.creator() + " clones M" + e.m() + ", " + what + how
                    + "; it inherits M" + e.creator() + "'s uid, namespaces and nice value.";
        }

        public String processorsResized(ProcessorsResized e) {
            return "GOMAXPROCS is now " + e.to() + ": " + plural(e.to(), "P") + " can run Go code at once.";
        }

        public String processorAcquired(ProcessorAcquired e) {
            return "M" + e.m() + " takes P" + e.p() + " and can now run goroutines.";
        }

        public String processorReleased(ProcessorReleased e) {
            return "M" + e.m() + " gives up P" + e.p() + ", which is now idle.";
        }

        public String processorRetaken(ProcessorRetaken e) {
            return "sysmon sees M" + e.m() + " stuck in a system call and retakes P" + e.p()
                    + " so other goroutines can use it (retake, then handoffp).";
        }

        public String threadWoken(ThreadWoken e) {
            return "M" + e.m() + " wakes up holding P" + e.p() + (e.spinning() ? " and spins, looking for work." : ".");
        }

        public String threadParked(ThreadParked e) {
            MState to = e.to();
            if (to == MState.LOCKED_IDLE) {
                return "M" + e.m() + " sleeps until its locked goroutine can run again: no other goroutine may use it.";
            }
            if (to == MState.WEDGED) {
                return "M" + e.m() + " is wedged: the main thread cannot exit, so it sleeps forever.";
            }
            return "M" + e.m() + " has nothing to run and parks in the idle pool.";
        }

        public String threadSpinning(ThreadSpinning e) {
            return e.spinning() ? "M" + e.m() + " spins: it searches every P's queue for work to steal."
                    : "M" + e.m() + " stops spinning.";
        }

        public String threadExited(ThreadExited e) {
            return "M" + e.m() + " exits: the thread and whatever was changed on it are gone.";
        }

        public String threadPropertyChanged(ThreadPropertyChanged e) {
            String value = e.property().valueOf(e.after());
            boolean diverged = s != null && e.m() < s.threads().size() && s.diverged(e.m()).contains(e.property());
            String who = e.g() > 0 ? g(e.g()) + " calls " + e.syscall() : "The runtime calls " + e.syscall();
            return who + ": M" + e.m() + "'s " + e.property().key() + " is now " + value
                    + (diverged ? ". Only this thread changed: it differs from the rest of the process." : ".");
        }

        public String processCwdChanged(ProcessCwdChanged e) {
            return g(e.g()) + " changes the process's working directory to " + e.cwd() + ": every thread sees it.";
        }

        public String goroutineCreated(GoroutineCreated e) {
            if (e.parent() < 0) {
                return "The runtime creates G" + e.g() + " to run " + e.function() + ".";
            }
            return g(e.parent()) + " runs go " + e.function() + "(): G" + e.g() + " goes into " + where(e.to()) + ".";
        }

        public String goroutineQueued(GoroutineQueued e) {
            return switch (e.fn()) {
                case RUNQSTEAL -> g(e.g()) + " is stolen from " + where(e.from()) + " into " + where(e.to()) + ".";
                case GLOBRUNQGET -> g(e.g()) + " comes off the global run queue into " + where(e.to()) + ".";
                case RUNQPUTSLOW -> where(e.from()) + " is full: " + g(e.g()) + " spills to " + where(e.to()) + ".";
                default -> g(e.g()) + " moves from " + where(e.from()) + " to " + where(e.to()) + ".";
            };
        }

        public String goroutineStarted(GoroutineStarted e) {
            return "M" + e.m() + " on P" + e.p() + " runs " + g(e.g()) + ", taken from " + where(e.from()) + ".";
        }

        public String goroutineStepped(GoroutineStepped e) {
            return g(e.g()) + " on M" + e.m() + ": " + e.what() + ".";
        }

        public String goroutineParked(GoroutineParked e) {
            String why = e.reason().text().isEmpty() ? "blocks" : "blocks (" + e.reason().text() + ")";
            return g(e.g()) + " " + why + " and leaves M" + e.m() + " free to run something else.";
        }

        public String goroutineReadied(GoroutineReadied e) {
            return g(e.g()) + " can run again and goes into " + where(e.to()) + ".";
        }

        public String goroutinePreempted(GoroutinePreempted e) {
            return g(e.g()) + " has run too long: " + (e.async() ? "a signal preempts it" : "it is preempted")
                    + " and goes to " + where(e.to()) + ".";
        }

        public String goroutineYielded(GoroutineYielded e) {
            return g(e.g()) + " calls runtime.Gosched and steps aside to " + where(e.to()) + ".";
        }

        public String goroutineExited(GoroutineExited e) {
            return g(e.g()) + " returns: it is finished.";
        }

        public String goroutineLocked(GoroutineLocked e) {
            return g(e.g()) + " calls LockOSThread: it and M" + e.m() + " are now wired together"
                    + (e.depth() > 1 ? " (depth " + e.depth() + ")." : ".");
        }

        public String goroutineUnlocked(GoroutineUnlocked e) {
            return e.depth() == 0 ? g(e.g()) + " calls UnlockOSThread: M" + e.m() + " goes back to the shared pool."
                    : g(e.g()) + " calls UnlockOSThread; still locked (depth " + e.depth() + ").";
        }

        public String syscallEntered(SyscallEntered e) {
            return g(e.g()) + " calls " + e.name() + "(): M" + e.m() + " blocks in the kernel, and P" + e.p()
                    + " waits with it.";
        }

        public String syscallReturned(SyscallReturned e) {
            return g(e.g()) + "'s system call returns; M" + e.m() + (e.sameP() ? " still has" : " gets")
                    + " P" + e.p() + ", so it runs on.";
        }

        public String syscallReturnedWithoutP(SyscallReturnedWithoutP e) {
            return g(e.g()) + "'s system call returns, but every P is busy: it waits in the global run queue.";
        }

        public String syscallFailed(SyscallFailed e) {
            return g(e.g()) + " calls " + e.name() + " and gets " + e.errno() + ".";
        }

        public String channelSent(ChannelSent e) {
            return g(e.g()) + " sends on " + channel(e.channel()) + ".";
        }

        public String channelReceived(ChannelReceived e) {
            return g(e.g()) + " receives from " + channel(e.channel()) + ".";
        }

        public String observationMade(ObservationMade e) {
            String what = e.what().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            return g(e.g()) + " on M" + e.m() + ": " + what + (e.detail().isEmpty() ? "" : " " + e.detail())
                    + " as uid " + e.props().uid() + " in netns " + e.props().netns() + ".";
        }

        public String panicStarted(PanicStarted e) {
            return g(e.g()) + " panics: " + e.message();
        }

        public String panicRecovered(PanicRecovered e) {
            return g(e.g()) + " recovers from the panic.";
        }

        public String runEnded(RunEnded e) {
            return "The program ends: " + e.message() + ".";
        }

        private String channel(int c) {
            if (s != null && c >= 0 && c < s.channels().size()) {
                return "channel " + s.channels().get(c).name();
            }
            return "a channel";
        }
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
