package dev.curtain.calibration;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;

/**
 * dirty-spread's syscall.Setpriority in a simulated run: where it entered, where it came back (with its P or
 * without one), and the retake of its P in between if sysmon made one.
 */
record SetpriorityCall(Event.SyscallEntered entered, Event back, Event.ProcessorRetaken retake) {
    static SetpriorityCall in(Recording rec) {
        Event.SyscallEntered call = rec.events().stream().filter(e -> e instanceof Event.SyscallEntered s
                && s.name().equals("setpriority")).map(Event.SyscallEntered.class::cast).findFirst().orElseThrow();
        Event back = rec.events().stream().filter(e -> e.seq() > call.seq() && (e instanceof Event.SyscallReturned
                || e instanceof Event.SyscallReturnedWithoutP)).findFirst().orElseThrow();
        Event.ProcessorRetaken retake = rec.events().stream().filter(e -> e.seq() > call.seq() && e.seq() < back.seq()
                && e instanceof Event.ProcessorRetaken r && r.p() == call.p())
                .map(Event.ProcessorRetaken.class::cast).findFirst().orElse(null);
        return new SetpriorityCall(call, back, retake);
    }

    /** From entersyscall to the return, in µs. */
    double micros() {
        return (back.timeNs() - entered.timeNs()) / 1000.0;
    }

    /** The thread came back to no P: exitsyscall queued the goroutine globally and parked the thread. */
    boolean returnedWithoutP() {
        return back instanceof Event.SyscallReturnedWithoutP;
    }
}
