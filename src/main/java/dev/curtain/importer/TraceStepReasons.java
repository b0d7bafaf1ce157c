package dev.curtain.importer;

import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.GoroutineCreated;
import dev.curtain.engine.event.Event.GoroutineExited;
import dev.curtain.engine.event.Event.GoroutineParked;
import dev.curtain.engine.event.Event.GoroutinePreempted;
import dev.curtain.engine.event.Event.GoroutineReadied;
import dev.curtain.engine.event.Event.GoroutineStarted;
import dev.curtain.engine.event.Event.GoroutineYielded;
import dev.curtain.engine.event.Event.ProcessorAcquired;
import dev.curtain.engine.event.Event.ProcessorReleased;
import dev.curtain.engine.event.Event.ProcessorRetaken;
import dev.curtain.engine.event.Event.ProcessorsResized;
import dev.curtain.engine.event.Event.SyscallEntered;
import dev.curtain.engine.event.Event.SyscallReturned;
import dev.curtain.engine.event.Event.SyscallReturnedWithoutP;
import dev.curtain.engine.event.Event.ThreadWoken;
import dev.curtain.engine.event.PlaceKind;
import dev.curtain.gotrace.EventType;
import dev.curtain.importer.ImportFacts.Reason;
import java.util.List;

/**
 * Which of the engine steps one trace event became the trace recorded, and which the import made up. The planner
 * turns a trace event into one step most of the time (a goroutine starts: {@code execute}); the step of the kind the
 * trace event names is observed, though some of its details are not (the run queue a readied goroutine goes to,
 * that sysmon took a P). The other steps of the burst (a thread borrowed to park a goroutine that existed before
 * the trace, a thread that goes idle) are filled in, and so is every step towards the statuses a generation starts
 * with.
 */
final class TraceStepReasons {
    private TraceStepReasons() {
    }

    static Reason[] of(int traceType, boolean status, List<Event> steps) {
        Reason[] out = new Reason[steps.size()];
        for (int i = 0; i < out.length; i++) {
            Event e = steps.get(i);
            if (status) {
                out[i] = Reason.STATUS;
            } else if (!matches(traceType, e)) {
                out[i] = Reason.ROUTE;
            } else if (e instanceof ProcessorRetaken) {
                out[i] = Reason.SYSMON;
            } else if (intoUnnamedQueue(traceType, e)) {
                out[i] = Reason.QUEUE;
            } else {
                out[i] = Reason.OBSERVED;
            }
        }
        return out;
    }

    /** Whether {@code e} is the step a trace event of {@code type} records. */
    static boolean matches(int type, Event e) {
        return switch (type) {
            case EventType.GO_CREATE, EventType.GO_CREATE_BLOCKED, EventType.GO_CREATE_SYSCALL ->
                e instanceof GoroutineCreated;
            case EventType.GO_START -> e instanceof GoroutineStarted;
            case EventType.GO_STOP -> e instanceof GoroutinePreempted || e instanceof GoroutineYielded;
            case EventType.GO_BLOCK -> e instanceof GoroutineParked;
            case EventType.GO_DESTROY, EventType.GO_DESTROY_SYSCALL -> e instanceof GoroutineExited;
            case EventType.GO_UNBLOCK, EventType.GO_SWITCH, EventType.GO_SWITCH_DESTROY ->
                e instanceof GoroutineReadied;
            case EventType.GO_SYSCALL_BEGIN -> e instanceof SyscallEntered;
            case EventType.GO_SYSCALL_END -> e instanceof SyscallReturned;
            case EventType.GO_SYSCALL_END_BLOCKED -> e instanceof SyscallReturnedWithoutP;
            case EventType.PROC_START -> e instanceof ProcessorAcquired || e instanceof ThreadWoken;
            case EventType.PROC_STOP -> e instanceof ProcessorReleased;
            case EventType.PROC_STEAL -> e instanceof ProcessorRetaken || e instanceof ProcessorReleased;
            case EventType.PROCS_CHANGE -> e instanceof ProcessorsResized;
            default -> false;
        };
    }

    /**
     * A goroutine put in a run queue by an event that does not say which: created, unblocked, back from a syscall
     * with no P. A stopped goroutine (preempted, or yielding by Gosched) is not: the runtime puts it in the global
     * queue, as drawn.
     */
    private static boolean intoUnnamedQueue(int type, Event e) {
        if (type == EventType.GO_STOP) {
            return false;
        }
        return e instanceof GoroutineReadied || e instanceof SyscallReturnedWithoutP
                || e instanceof GoroutineCreated c && (c.to().kind() == PlaceKind.GLOBAL_QUEUE
                || c.to().kind() == PlaceKind.LOCAL_QUEUE || c.to().kind() == PlaceKind.RUNNEXT);
    }
}
