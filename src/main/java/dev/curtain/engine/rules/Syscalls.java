package dev.curtain.engine.rules;

import dev.curtain.engine.event.Event.SyscallEntered;
import dev.curtain.engine.event.Event.SyscallReturned;
import dev.curtain.engine.event.Event.SyscallReturnedWithoutP;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;

/**
 * entersyscall / exitsyscall (docs/runtime-model.md, "System calls"): the goroutine keeps its thread through the call;
 * the P stays loosely attached so the thread can take it straight back, unless sysmon retook it meanwhile.
 */
final class Syscalls {
    private final Runtime rt;
    private final SchedState s;

    Syscalls(Runtime rt) {
        this.rt = rt;
        this.s = rt.state;
    }

    /**
     * reentersyscall(): the goroutine is in the kernel for {@code durationNs} on its thread, asleep there
     * ({@code blocks}: the thread needs no CPU meanwhile) or working (a short read or write that does not block).
     */
    void entersyscall(int m, int g, String name, long durationNs, boolean blocks) {
        ThreadState t = s.thread(m);
        if (rt.cpus != null) {
            rt.cpus.syscallOnCpu(m, !blocks);
        }
        rt.emit(new SyscallEntered(rt.seq(), rt.now, g, m, t.p(), name, rt.version.pSyscallStatus()));
        rt.sysmon.wake();
        rt.wakeM(m, rt.now + durationNs, Wakeup.Kind.SYSCALL_DONE);
    }

    /**
     * exitsyscall(): the same P if still held (fast path), else an idle P, else the goroutine goes to the global
     * queue and the thread parks (exitsyscall0), waiting for its goroutine if locked to it.
     */
    void exitsyscall(int m) {
        ThreadState t = s.thread(m);
        int g = t.curg();
        rt.sysmon.wake();
        if (t.p() >= 0) {
            rt.emit(new SyscallReturned(rt.seq(), rt.now, g, m, t.p(), true));
            rt.interpreter.step(m);
            return;
        }
        if (!rt.pidle.isEmpty()) {
            int p = rt.pidle.removeLast();
            rt.emit(new SyscallReturned(rt.seq(), rt.now, g, m, p, false));
            rt.interpreter.step(m);
            return;
        }
        rt.emit(new SyscallReturnedWithoutP(rt.seq(), rt.now, g, m));
        if (rt.g(g).locked()) {
            rt.threads.parkLockedIdle(m);
        } else {
            rt.threads.stopm(m);
        }
    }
}
