package dev.curtain.engine.rules;

import dev.curtain.engine.event.Event.GoroutineParked;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.program.PipeMode;
import dev.curtain.engine.state.WaitReason;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pipes by name: a read returns when there is data, at once if a write left some, else when a write comes. A
 * reader through the poller parks its goroutine; a blocking reader keeps its thread in read(2) until the write,
 * and sysmon may take its P meanwhile as for any syscall. The kernel wakes the first reader waiting (pipe_write
 * wakes the pipe's wait queue; one reader gets the byte).
 */
final class Pipes {
    /** One reader waiting: its goroutine, its thread (blocking reads) and its poller wait (poller reads). */
    private record Waiter(int g, int m, PipeMode via, Wakeup pollWait) {
    }

    private static final class Pipe {
        long buffered;
        final ArrayDeque<Waiter> readers = new ArrayDeque<>();
    }

    private final Runtime rt;
    private final Map<String, Pipe> pipes = new LinkedHashMap<>();

    Pipes(Runtime rt) {
        this.rt = rt;
    }

    private Pipe pipe(String name) {
        return pipes.computeIfAbsent(name, k -> new Pipe());
    }

    /**
     * Goroutine {@code g} on M {@code m} reads; returns true if it parked (its thread is free). A poller reader
     * that parks reads again when it wakes (poll.FD.Read: read(2) gave EAGAIN, waitRead, then read(2) once more),
     * so the interpreter runs the statement again.
     */
    boolean read(int m, int g, String name, PipeMode via) {
        Pipe p = pipe(name);
        if (p.buffered > 0) {
            p.buffered--;
            rt.syscalls.entersyscall(m, g, "read(" + name + ")", rt.cost(Timing.PIPE_IO), false);
            return false;
        }
        if (via == PipeMode.POLLER) {
            rt.emit(new GoroutineParked(rt.seq(), rt.now, RuntimeFunction.GOPARK, g, m, WaitReason.IO_WAIT, -1));
            p.readers.addLast(new Waiter(g, -1, via, rt.timers.awaitReadable(g)));
            return true;
        }
        // Blocked in the kernel until a write: a syscall that ends only when pipe_write wakes it.
        rt.syscalls.entersyscall(m, g, "read(" + name + ")", Long.MAX_VALUE / 4, true);
        p.readers.addLast(new Waiter(g, m, via, null));
        return false;
    }

    /** Goroutine {@code g} on M {@code m} writes: the first waiting reader wakes, or the data waits in the pipe. */
    void write(int m, int g, String name) {
        Pipe p = pipe(name);
        Waiter w = p.readers.pollFirst();
        if (w == null) {
            p.buffered++;
        } else if (w.via() == PipeMode.POLLER) {
            // The byte waits in the pipe; the woken reader's second read(2) takes it.
            p.buffered++;
            rt.timers.readableNow(w.pollWait(), w.g());
        } else {
            // The reader's thread is woken in pipe_read and returns from its syscall once it runs.
            rt.wakeM(w.m(), rt.now + rt.cost(Timing.PIPE_WAKE), Wakeup.Kind.SYSCALL_DONE);
        }
        rt.syscalls.entersyscall(m, g, "write(" + name + ")", rt.cost(Timing.PIPE_IO), false);
    }
}
