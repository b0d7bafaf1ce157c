package dev.curtain.engine.event;

/**
 * The Go runtime (or kernel) function an event models, so the event log and the captions can name it.
 * Names are as in src/runtime/proc.go unless noted.
 */
public enum RuntimeFunction {
    RT0_GO("rt0_go", "process start: m0 and g0 exist"),
    SCHEDINIT("schedinit", "allocates the Ps (procresize)"),
    NEWPROC("newproc", "the go statement: a new G into runnext"),
    RUNQPUT("runqput", "puts a G on a P's local run queue"),
    RUNQPUTSLOW("runqputslow", "local ring full: half of it and the new G to the global queue"),
    GLOBRUNQGET("globrunqget", "takes a batch from the global run queue"),
    RUNQSTEAL("runqsteal", "a spinning M steals half of another P's queue"),
    INJECTGLIST("injectglist", "netpoller results become runnable"),
    EXECUTE("execute", "an M starts running a G"),
    SCHEDULE("schedule", "the scheduler picks the next G"),
    FIND_RUNNABLE("findRunnable", "an M looks for work"),
    GOPARK("gopark", "a G blocks and leaves its M"),
    READY("ready", "a blocked G becomes runnable (into runnext)"),
    GOSCHED("Gosched", "runtime.Gosched: the G goes to the global queue"),
    GOPREEMPT_M("gopreempt_m", "a preempted G goes to the global queue"),
    GOEXIT0("goexit0", "a G finishes"),
    ENTERSYSCALL("entersyscall", "a G enters a system call; its P is loosely detached"),
    EXITSYSCALL("exitsyscall", "a G returns from a system call and needs a P"),
    EXITSYSCALL0("exitsyscall0", "no P after a syscall: G to the global queue, M parks"),
    ACQUIREP("acquirep", "an M takes a P"),
    RELEASEP("releasep", "an M gives up its P"),
    HANDOFFP("handoffp", "an M that cannot use its P hands it on"),
    RETAKE("retake", "sysmon takes the P of a G stuck in a syscall"),
    PREEMPTONE("preemptone", "sysmon asks a G running 10 ms to stop"),
    STARTM("startm", "wakes an idle M (or makes one) to run a P"),
    WAKEP("wakep", "new work: wake a spinning M if there is an idle P"),
    RESETSPINNING("resetspinning", "a spinning M found work"),
    STOPM("stopm", "an M with nothing to do parks in the idle pool"),
    NEWM("newm", "a new OS thread is created"),
    NEWOSPROC("newosproc", "clone(2) of a new thread"),
    TEMPLATE_THREAD("templateThread", "the template thread creates a clean thread"),
    STOPLOCKEDM("stoplockedm", "a locked M waits for its G"),
    STARTLOCKEDM("startlockedm", "an M hands its P to the M its G is locked to"),
    MEXIT("mexit", "a thread exits"),
    LOCK_OS_THREAD("LockOSThread", "wires the G to its M"),
    UNLOCK_OS_THREAD("UnlockOSThread", "unwires the G from its M"),
    PROCRESIZE("procresize", "GOMAXPROCS changes the number of Ps"),
    CHECKDEAD("checkdead", "no M can run: deadlock"),
    TIMERS("timers.run", "a sleep's timer fires"),
    NETPOLL("netpoll", "the network poller reports ready sockets"),
    SYSMON("sysmon", "the monitor thread"),
    CHANSEND("chansend", "sends on a channel"),
    CHANRECV("chanrecv", "receives from a channel"),
    GOPANIC("gopanic", "a panic unwinds the stack"),
    GORECOVER("gorecover", "recover stops a panic"),
    ALL_THREADS_SYSCALL("AllThreadsSyscall", "runs a syscall on every thread (Go 1.16+)"),
    SYSCALL("syscall", "a system call on the calling thread"),
    EXIT("exit", "the process exits"),
    // The garbage collector (mgc.go, mgcpacer.go, mgcsweep.go, mgcscavenge.go); after EXIT so the log's numbers
    // of the others stay as they were.
    GC_START("gcStart", "the heap reached its trigger: a GC cycle starts by stopping the world"),
    STOP_THE_WORLD("stopTheWorldWithSema", "every P stops (the GC's sweep or mark termination)"),
    START_THE_WORLD("startTheWorldWithSema", "the Ps start again after a stop-the-world"),
    GC_MARK_WORKER("gcBgMarkWorker", "a GC mark worker runs on a P (dedicated, fractional or idle)"),
    GC_MARK_DONE("gcMarkDone", "marking is done: the world stops for mark termination"),
    BGSWEEP("bgsweep", "the background sweeper frees the spans the cycle found unused"),
    BGSCAVENGE("bgscavenge", "the background scavenger returns free memory to the OS"),
    FORCEGC("forcegchelper", "sysmon forces a GC two minutes after the last one"),
    // os_linux.go, signal_unix.go; after the collector's, for the same reason.
    MINIT("minit", "a new thread sets its signal mask: newosproc cloned it with every signal blocked"),
    // mfinal.go; last, for the same reason.
    RUNFINQ("runfinq", "the finalizer goroutine finds no finalizer to run and parks");

    private final String goName;
    private final String summary;

    RuntimeFunction(String goName, String summary) {
        this.goName = goName;
        this.summary = summary;
    }

    /** The function's name as written in the Go source, for example {@code handoffp}. */
    public String goName() {
        return goName;
    }

    /** One line on what the function does, for tooltips and captions. */
    public String summary() {
        return summary;
    }
}
