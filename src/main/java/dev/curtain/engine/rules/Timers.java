package dev.curtain.engine.rules;

import dev.curtain.engine.event.Event.GoroutineReadied;
import dev.curtain.engine.event.Event.ThreadWoken;
import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.state.IntDeque;
import dev.curtain.engine.state.SchedState;
import java.util.ArrayList;

/**
 * Sleep timers and the network poller. A due timer makes its goroutine
 * runnable only when some thread with a P runs timers: from 1.14 the owning P in schedule/findRunnable or a thief
 * on its last steal pass; before 1.14 the timerproc goroutine, modelled as whichever P schedules next. A thread
 * blocked in netpoll wakes when the first timer or socket is due and takes an idle P if there is one.
 */
final class Timers {
    private final Runtime rt;
    private final SchedState s;
    /** Due timers not yet run, per owning P (1.14+). */
    private final ArrayList<IntDeque> duePerP = new ArrayList<>();
    /** Due timers not yet run (before 1.14: timerproc's heap is global). */
    private final IntDeque dueGlobal = new IntDeque();
    /** Sockets ready but not yet polled. */
    private final IntDeque readySockets = new IntDeque();
    /**
     * Timers deleted before they were due (stopTimer) while a thread was blocked in netpoll: their wakeups stay in
     * the agenda, for that thread still wakes at its epoll_wait's timeout. The model does not keep which timer the
     * timeout was for: the thread returns at the deleted timer's time, and blocks again if timers are pending.
     */
    private final ArrayList<Wakeup> stopped = new ArrayList<>();
    private int pendingTimers;
    private int pendingSockets;
    private int dueCount;

    Timers(Runtime rt) {
        this.rt = rt;
        this.s = rt.state;
    }

    /** Whether a timer or socket is still to come or due: a parking thread should block in netpoll for it. */
    boolean anyPending() {
        return pendingTimers + pendingSockets + dueCount + readySockets.size() > 0;
    }

    /** time.Sleep: the timer goes on P {@code p}'s heap. */
    Wakeup addTimer(int g, int p, long when) {
        rt.g(g).timerP = p;
        pendingTimers++;
        return rt.agenda.schedule(when, Wakeup.Kind.TIMER, g);
    }

    /**
     * stopTimer on goroutine {@code timer.target}'s timer: a timer not yet due leaves the heap (no parking thread
     * waits in netpoll for it any more); one already due but not yet run is dropped; one that has run is left.
     */
    void stopTimer(Wakeup timer) {
        if (timer.slot >= 0) {
            pendingTimers--;
            if (rt.netpollM >= 0) {
                stopped.add(timer);
            } else {
                rt.agenda.cancel(timer);
            }
            return;
        }
        int g = timer.target;
        IntDeque list = rt.version.perPTimers() ? due(rt.g(g).timerP) : dueGlobal;
        if (list.remove(g)) {
            dueCount--;
        }
    }

    /** A socket read or accept completes at {@code when}. */
    void addSocket(int g, long when) {
        pendingSockets++;
        rt.agenda.schedule(when, Wakeup.Kind.NET_READY, g);
    }

    /**
     * A pollable descriptor with nothing to read yet (an os.Pipe): the goroutine waits in the poller until
     * {@link #readableNow} says otherwise. It counts as a pending socket, so a parking thread blocks in netpoll for
     * it (netpollAnyWaiters), and a program whose only goroutines wait here hangs, as real Go does, rather than
     * being found deadlocked. Returns the wait, to hand to readableNow.
     */
    Wakeup awaitReadable(int g) {
        pendingSockets++;
        return rt.agenda.schedule(Long.MAX_VALUE / 4, Wakeup.Kind.NET_READY, g);
    }

    /** Data arrived on the descriptor goroutine {@code g} waits on: the poller reports it ready now. */
    void readableNow(Wakeup wait, int g) {
        rt.agenda.cancel(wait);
        rt.agenda.schedule(rt.now, Wakeup.Kind.NET_READY, g);
    }

    void expire(Wakeup w) {
        if (stopped.remove(w)) {
            // A deleted timer's time: the thread blocked in netpoll, if any, returns from epoll_wait.
            kickNetpoller(rt.cost(Timing.NETPOLL_TIMEOUT_SLACK));
            return;
        }
        int g = w.target;
        pendingTimers--;
        dueCount++;
        if (rt.version.perPTimers()) {
            due(rt.g(g).timerP).addLast(g);
        } else {
            dueGlobal.addLast(g);
        }
        kickNetpoller(rt.cost(Timing.NETPOLL_TIMEOUT_SLACK));
    }

    void socketReady(int g) {
        pendingSockets--;
        readySockets.addLast(g);
        kickNetpoller(0);
    }

    /**
     * sysmon: "There are timers that should have already run, perhaps because there is an unpreemptible P. Try
     * to start an M to run them" (proc.go sysmon, timeSleepUntil() &lt; now → startm(nil, false, false)), which
     * does something only when a P is idle.
     */
    void sysmonOverdue(int sysmonM) {
        if (dueCount == 0 || rt.pidle.isEmpty() || rt.netpollM >= 0) {
            return;
        }
        rt.threads.startm(rt.pidle.removeLast(), false, sysmonM, RuntimeFunction.SYSMON);
    }

    /** The thread that just blocked in netpoll finds a socket already ready: it returns at once. */
    void returnIfReady() {
        if (!readySockets.isEmpty()) {
            kickNetpoller(0);
        }
    }

    private IntDeque due(int p) {
        while (duePerP.size() <= p) {
            duePerP.add(new IntDeque());
        }
        return duePerP.get(p);
    }

    /**
     * The thread blocked in netpoll returns ({@code slack} late when its epoll_wait timed out for a timer): it
     * takes an idle P and schedules, or joins the idle pool.
     */
    private void kickNetpoller(long slack) {
        int m = rt.netpollM;
        if (m < 0) {
            return;
        }
        rt.netpollM = -1;
        if (rt.pidle.isEmpty()) {
            rt.midle.addLast(m);
            return;
        }
        int p = rt.pidle.removeLast();
        rt.emit(new ThreadWoken(rt.seq(), rt.now, RuntimeFunction.NETPOLL, m, p, false));
        rt.wakeM(m, rt.now + slack + rt.threads.wakeLatency(), Wakeup.Kind.SCHEDULE);
    }

    /** checkTimers at the top of findRunnable: this P's due timers (1.14+) or all due timers (timerproc). */
    void runExpired(int p, int m) {
        if (rt.version.perPTimers()) {
            runExpiredOf(p, p, m);
        } else {
            runList(dueGlobal, p, m);
        }
    }

    /** A thief on its last steal pass runs the victim's due timers; their goroutines land on the thief's P. */
    boolean runExpiredOf(int victim, int p, int m) {
        if (!rt.version.perPTimers() || victim >= duePerP.size()) {
            return false;
        }
        return runList(duePerP.get(victim), p, m);
    }

    /** Runs every due timer anywhere onto P {@code p}: what a thread about to park in netpoll would find. */
    boolean runAnyExpired(int p, int m) {
        boolean ran = runList(dueGlobal, p, m);
        for (IntDeque d : duePerP) {
            ran |= runList(d, p, m);
        }
        return ran;
    }

    private boolean runList(IntDeque list, int p, int m) {
        boolean ran = false;
        while (!list.isEmpty() && !rt.ended) {
            int g = list.removeFirst();
            dueCount--;
            if (rt.g(g).runtimeRole == Gc.SCAVENGER) {
                // The scavenger's timer runs scavenger.wake, not goready.
                rt.gc.scavengerTimerRan(p, m);
            } else {
                rt.scheduler.ready(g, p, m, RuntimeFunction.TIMERS);
            }
            ran = true;
        }
        return ran;
    }

    /**
     * findRunnable's netpoll(0): with local and global queues empty, ready sockets' goroutines; the first runs
     * here, the rest go to the global queue (injectglist).
     */
    Scheduler.Found netpollNonBlocking(int p) {
        if (readySockets.isEmpty() || rt.netpollM >= 0) {
            return null;
        }
        rt.sysmon.polled();
        int first = readySockets.removeFirst();
        rt.emit(new GoroutineReadied(rt.seq(), rt.now, RuntimeFunction.NETPOLL, first, Place.runnext(p)));
        injectGlobal(s.processor(p).m());
        return new Scheduler.Found(first, Place.runnext(p), false, 0, rt.cost(Timing.NETPOLL_POLL));
    }

    /** sysmon's netpoll every 10 ms: ready goroutines go to the global queue and idle Ps get threads. */
    void sysmonNetpoll(int sysmonM) {
        if (readySockets.isEmpty()) {
            return;
        }
        injectGlobal(sysmonM);
    }

    /** injectglist() without a P: everything to the global queue, and a thread for each idle P that has work. */
    private void injectGlobal(int creator) {
        int n = 0;
        while (!readySockets.isEmpty()) {
            int g = readySockets.removeFirst();
            rt.emit(new GoroutineReadied(rt.seq(), rt.now, RuntimeFunction.INJECTGLIST, g, Place.GLOBAL));
            n++;
        }
        for (int i = 0; i < n && !rt.pidle.isEmpty() && !rt.ended; i++) {
            rt.threads.startm(rt.pidle.removeLast(), false, creator, RuntimeFunction.INJECTGLIST);
        }
    }
}
