package dev.curtain.engine.rules;

import dev.curtain.engine.Durations;
import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Outcome;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.RunEnded;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.state.IntDeque;
import dev.curtain.engine.state.SchedState;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated Go runtime: the decider. It owns the live state (a fold of what it emitted), the agenda of
 * what is due, and its private working memory (interpreter stacks, wait queues, sysmon's bookkeeping). Every
 * change to the state goes through {@link #emit(Event)}, which appends to the log and folds the event in.
 *
 * <p>The rules live in the classes named after the runtime's own split: {@link Scheduler} (schedule, findRunnable,
 * run queues), {@link Threads} (startm, newm, handoffp, LockOSThread's thread handling), {@link Sysmon},
 * {@link Syscalls}, {@link Interpreter} (what goroutines do), {@link Channels} and {@link ThreadSyscalls}.
 */
public final class Runtime {
    /** Bound on statements a goroutine runs without simulated time passing, before time is forced on. */
    static final int STATEMENTS_PER_INSTANT = 10_000;

    final Program program;
    final SimulationOptions options;
    final GoVersion version;
    final Rng rng;
    /**
     * The draws of the runtime's own start-up (which P runtime.main's helpers leave main on) and of when a thread
     * the runtime starts by itself (sysmon, the template thread, a start-up thread) first gets a CPU: a stream of
     * their own, from the same seed, so that they do not shift the run's other draws (each run of a seed keeps its
     * races, only these moments are added).
     */
    final Rng startupRng;
    final Agenda agenda = new Agenda();
    final SchedState state;
    private final Recording.Builder out;

    long now;
    boolean ended;

    /**
     * Decider memory per goroutine, by goid (index 0 unused): a plain array, since every step reads it (an
     * ArrayList's get costs a bounds check and one more dependent load on the hottest path).
     */
    private GoroutineContext[] contexts = new GoroutineContext[1024];
    private int contextCount = 1;
    /**
     * Each M's wakeup (STEP, SYSCALL_DONE, SCHEDULE, STEAL_RETRY), by M id: one object per M, due while it sits in
     * the agenda. An M has at most one thing due at a time.
     */
    final ArrayList<Wakeup> mWakeups = new ArrayList<>();
    /** sched.pidle: a stack, as in the runtime (pidleput pushes, pidleget pops the latest). */
    final IntDeque pidle = new IntDeque();
    /** sched.midle: a stack of parked Ms. */
    final IntDeque midle = new IntDeque();
    int nmspinning;
    boolean mainStarted;
    /** Drawn at start ({@link Bootstrap#FINQ_PENDING_PER_200}): the finalizer goroutine waits in main's runnext. */
    boolean finqPending;
    int sysmonM = -1;
    int templateM = -1;
    /** The M blocked in netpoll waiting for the next timer or socket (sched.lastpoll == 0), or -1. */
    int netpollM = -1;
    int maxThreads;
    int nextGoid = 1;
    /** Steps taken so far (statements interpreted and wakeups handled), against the work limit. */
    long work;
    /** Frames and pending deferred calls on all live goroutines' stacks, against the stack limit. */
    long stackEntries;
    private boolean checkBookkeeping;

    final Scheduler scheduler;
    final Threads threads;
    final Sysmon sysmon;
    final Syscalls syscalls;
    final Interpreter interpreter;
    final Channels channels;
    final ThreadSyscalls threadSyscalls;
    final Timers timers;
    final Pipes pipes;
    final Flags flags;
    final Gc gc;
    /** The host's CPUs when threads contend for them, or null (a CPU for every thread). */
    final Cpus cpus;

    /** A runtime that appends what happens to {@code out} (whose live state it reads). */
    public Runtime(Program program, SimulationOptions options, Recording.Builder out) {
        this.out = out;
        this.state = out.state();
        this.program = program;
        this.options = options;
        this.version = options.version();
        this.rng = new Rng(options.seed());
        this.startupRng = new Rng(options.seed() ^ 0x6d696e6974L);
        this.maxThreads = options.maxThreads();
        this.scheduler = new Scheduler(this);
        this.threads = new Threads(this);
        this.sysmon = new Sysmon(this);
        this.syscalls = new Syscalls(this);
        this.interpreter = new Interpreter(this);
        this.channels = new Channels(this);
        this.threadSyscalls = new ThreadSyscalls(this);
        this.timers = new Timers(this);
        this.pipes = new Pipes(this);
        this.flags = new Flags(this);
        this.gc = new Gc(this);
        this.cpus = options.host().limited() ? new Cpus(this, options.host()) : null;
    }

    /** Runs the program to one of the outcomes. */
    public void run() {
        Bootstrap.start(this);
        if (cpus != null) {
            cpus.start();
        }
        checkBookkeeping();
        long maxEvents = options.limits().maxEvents();
        long maxTime = options.limits().maxTimeNs();
        long maxWork = options.limits().maxWork();
        while (!ended) {
            if (out.size() >= maxEvents) {
                end(RuntimeFunction.SCHEDULE, Outcome.EVENT_LIMIT,
                        "stopped at the event limit (" + maxEvents + " events)");
                break;
            }
            if (work >= maxWork) {
                end(RuntimeFunction.SCHEDULE, Outcome.EVENT_LIMIT, "stopped at the work limit (" + maxWork
                        + " steps: statements run and wakeups handled)");
                break;
            }
            if (!agenda.hasWorkBesidesSysmon() && (cpus == null || !cpus.threadsWaiting())) {
                threads.checkdead();
                if (ended) {
                    break;
                }
            }
            Wakeup w = agenda.poll();
            if (w == null) {
                throw new IllegalStateException("nothing due and no outcome: sysmon must always be scheduled");
            }
            if (w.time > maxTime) {
                now = maxTime;
                end(RuntimeFunction.SYSMON, Outcome.TIME_LIMIT,
                        "stopped at the time limit (" + Durations.human(maxTime) + " simulated)");
                break;
            }
            now = w.time;
            work++;
            if (cpus == null) {
                dispatch(w);
            } else if (cpus.admit(w)) {
                dispatch(w);
                cpus.afterStep(w);
            }
            checkBookkeeping();
        }
    }

    private void dispatch(Wakeup w) {
        switch (w.kind) {
            case STEP -> interpreter.step(w.target);
            case SYSCALL_DONE -> syscalls.exitsyscall(w.target);
            case SCHEDULE -> scheduler.schedule(w.target);
            case STEAL_RETRY -> scheduler.resumeAfterBackoff(w.target);
            case TIMER -> timers.expire(w);
            case NET_READY -> timers.socketReady(w.target);
            case PREEMPT_SIGNAL -> sysmon.signalArrived(w.target);
            case SYSMON -> sysmon.tick();
            case GC -> gc.pauseOver(w.target);
            case MINIT -> threads.minit(w.target);
            case CPU_SLICE -> cpus.sliceOver(w.target);
            case OTHER_LOAD -> cpus.otherLoadToggles(w.target);
        }
    }

    /** Schedules M {@code m}'s next wakeup, replacing any pending one. */
    void wakeM(int m, long at, Wakeup.Kind kind) {
        if (cpus != null && cpus.deferWake(m, at, kind)) {
            return;
        }
        agenda.reschedule(mWakeups.get(m), at, kind);
    }

    void cancelM(int m) {
        if (cpus != null && cpus.deferCancel(m)) {
            return;
        }
        agenda.cancel(mWakeups.get(m));
    }

    /**
     * One duration of {@code c}. With CPU contention modelled, a tail that stands for waiting for a busy CPU is left
     * out: the wait comes from the CPUs themselves ({@link Cpus}).
     */
    long cost(Cost c) {
        return c.draw(rng, cpus == null || !c.tailIsCpuWait());
    }

    /** A new M's wakeup, not yet due. */
    void addM(int m) {
        mWakeups.add(agenda.permanent(Wakeup.Kind.SCHEDULE, m));
    }

    /** The index the next event will have. */
    int seq() {
        return out.size();
    }

    /** Appends an event to the log and folds it into the live state: the only way the state changes. */
    void emit(Event e) {
        out.append(e);
    }

    /**
     * Checks the runtime's own counters against the state after every step (tests; see {@link Bookkeeping}). A
     * step is one wakeup handled, and the events it emits are one critical section: the runtime updates a counter
     * and the state it counts under one {@code sched.lock}, and the rules emit an event before they update the
     * counter, so the check runs where the lock would be released, after the step's last event.
     */
    public Runtime checkingBookkeeping() {
        checkBookkeeping = true;
        return this;
    }

    private void checkBookkeeping() {
        if (!checkBookkeeping || ended) {
            return;
        }
        List<String> v = Bookkeeping.violations(this);
        if (!v.isEmpty()) {
            throw new IllegalStateException("bookkeeping after event " + (seq() - 1) + " (at "
                    + Durations.human(now) + "): " + String.join("; ", v));
        }
    }

    /** Ends the run: the final event. */
    void end(RuntimeFunction fn, Outcome outcome, String message) {
        if (ended) {
            return;
        }
        emit(new RunEnded(seq(), now, fn, outcome, message));
        ended = true;
    }

    /**
     * Whether {@code more} stack entries fit under the stack limit; if not, the run ends there (a loop of defer or
     * a million goroutines deep in calls would otherwise grow the heap until the JVM dies).
     */
    boolean stackRoom(int more) {
        if (stackEntries + more <= options.limits().maxStackEntries()) {
            return true;
        }
        end(RuntimeFunction.SCHEDULE, Outcome.EVENT_LIMIT, "stopped at the stack limit ("
                + options.limits().maxStackEntries() + " frames and deferred calls pending on all goroutines)");
        return false;
    }

    GoroutineContext g(int g) {
        return contexts[g];
    }

    /** Adds the next goroutine's memory (goids are dense). */
    void addContext(GoroutineContext ctx) {
        if (contextCount == contexts.length) {
            contexts = java.util.Arrays.copyOf(contexts, contextCount * 2);
        }
        contexts[contextCount++] = ctx;
    }

    /** Lets a dead goroutine's memory go. */
    void forgetContext(int g) {
        contexts[g] = null;
    }

    /** One more than the highest goid given. */
    int contextCount() {
        return contextCount;
    }
}
