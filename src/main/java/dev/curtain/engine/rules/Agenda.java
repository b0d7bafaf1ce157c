package dev.curtain.engine.rules;

import java.util.Arrays;

/**
 * The decider's calendar of future {@link Wakeup}s: a binary min-heap ordered by (time, sequence number). Cancelled
 * entries are removed at once (not lazily), so "only sysmon is left" is a plain size check: nothing can ever happen
 * again, which is how deadlock is recognised.
 *
 * <p>Why not {@code java.util.PriorityQueue}: it compares through {@code Comparable} on objects scattered over the
 * heap and removes an entry by a linear search, and the benchmark's calendar holds thousands of sleeping goroutines'
 * timers while every M's wakeup is cancelled and rescheduled many times per simulated millisecond. Here the keys sit
 * in two primitive arrays beside the entries, each entry knows its slot (removal is a sift, not a search), and the
 * order is the same total order, so a run polls exactly the wakeups it polled before.
 */
final class Agenda {
    private long[] times = new long[64];
    private long[] seqs = new long[64];
    private Wakeup[] items = new Wakeup[64];
    private int size;
    private long nextSeq;
    private int sysmonEntries;

    Wakeup schedule(long time, Wakeup.Kind kind, int target) {
        Wakeup w = new Wakeup(time, 0, kind, target);
        insert(w);
        return w;
    }

    /**
     * Schedules {@code w} again for {@code time} as {@code kind}, in place of wherever it was due: the same as
     * cancelling it and scheduling a new wakeup (it takes the next sequence number), without a new object.
     */
    void reschedule(Wakeup w, long time, Wakeup.Kind kind) {
        cancel(w);
        w.time = time;
        w.kind = kind;
        insert(w);
    }

    private void insert(Wakeup w) {
        w.seq = nextSeq++;
        if (size == items.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
            items = Arrays.copyOf(items, n);
        }
        siftUp(size++, w);
        if (w.kind == Wakeup.Kind.SYSMON) {
            sysmonEntries++;
        }
    }

    void cancel(Wakeup w) {
        if (w == null || w.slot < 0) {
            return;
        }
        removeAt(w.slot);
        if (w.kind == Wakeup.Kind.SYSMON) {
            sysmonEntries--;
        }
    }

    Wakeup poll() {
        if (size == 0) {
            return null;
        }
        Wakeup w = items[0];
        removeAt(0);
        if (w.kind == Wakeup.Kind.SYSMON) {
            sysmonEntries--;
        }
        return w;
    }

    Wakeup peek() {
        return size == 0 ? null : items[0];
    }

    int size() {
        return size;
    }

    /** Whether anything other than sysmon is due: a running M, a syscall, a timer, a socket. */
    boolean hasWorkBesidesSysmon() {
        return size > sysmonEntries;
    }

    /** The earliest time of a timer or socket wakeup, or Long.MAX_VALUE (what sysmon's deep sleep waits for). */
    long nextTimerOrNet() {
        long t = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            Wakeup w = items[i];
            if ((w.kind == Wakeup.Kind.TIMER || w.kind == Wakeup.Kind.NET_READY) && w.time < t) {
                t = w.time;
            }
        }
        return t;
    }

    private void removeAt(int i) {
        items[i].slot = -1;
        int last = --size;
        Wakeup moved = items[last];
        items[last] = null;
        if (i == last) {
            return;
        }
        siftDown(i, moved);
        if (items[i] == moved) {
            siftUp(i, moved);
        }
    }

    private static boolean less(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void siftUp(int k, Wakeup w) {
        long t = w.time;
        long q = w.seq;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!less(t, q, times[parent], seqs[parent])) {
                break;
            }
            put(k, items[parent], times[parent], seqs[parent]);
            k = parent;
        }
        put(k, w, t, q);
    }

    private void siftDown(int k, Wakeup w) {
        long t = w.time;
        long q = w.seq;
        int half = size >>> 1;
        while (k < half) {
            int child = 2 * k + 1;
            int right = child + 1;
            if (right < size && less(times[right], seqs[right], times[child], seqs[child])) {
                child = right;
            }
            if (!less(times[child], seqs[child], t, q)) {
                break;
            }
            put(k, items[child], times[child], seqs[child]);
            k = child;
        }
        put(k, w, t, q);
    }

    private void put(int k, Wakeup w, long t, long q) {
        items[k] = w;
        times[k] = t;
        seqs[k] = q;
        w.slot = k;
    }
}
