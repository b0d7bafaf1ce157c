package dev.curtain.engine.rules;

import java.util.PriorityQueue;

/**
 * The decider's calendar of future {@link Wakeup}s. Cancelled entries are removed at once (not lazily), so "only
 * sysmon is left" is a plain size check: nothing can ever happen again, which is how deadlock is recognised.
 */
final class Agenda {
    private final PriorityQueue<Wakeup> queue = new PriorityQueue<>();
    private long nextSeq;
    private int sysmonEntries;

    Wakeup schedule(long time, Wakeup.Kind kind, int target) {
        Wakeup w = new Wakeup(time, nextSeq++, kind, target);
        queue.add(w);
        if (kind == Wakeup.Kind.SYSMON) {
            sysmonEntries++;
        }
        return w;
    }

    void cancel(Wakeup w) {
        if (w != null && queue.remove(w) && w.kind == Wakeup.Kind.SYSMON) {
            sysmonEntries--;
        }
    }

    Wakeup poll() {
        Wakeup w = queue.poll();
        if (w != null && w.kind == Wakeup.Kind.SYSMON) {
            sysmonEntries--;
        }
        return w;
    }

    Wakeup peek() {
        return queue.peek();
    }

    /** Whether anything other than sysmon is due: a running M, a syscall, a timer, a socket. */
    boolean hasWorkBesidesSysmon() {
        return queue.size() > sysmonEntries;
    }

    /** The earliest time of a timer or socket wakeup, or Long.MAX_VALUE (what sysmon's deep sleep waits for). */
    long nextTimerOrNet() {
        long t = Long.MAX_VALUE;
        for (Wakeup w : queue) {
            if ((w.kind == Wakeup.Kind.TIMER || w.kind == Wakeup.Kind.NET_READY) && w.time < t) {
                t = w.time;
            }
        }
        return t;
    }
}
