package dev.curtain.engine.program;

import java.util.List;
import java.util.Objects;

/**
 * What a goroutine does, one step at a time: the closed set of operations a scenario can use.
 * Each names the Go code it stands for; durations are simulated nanoseconds.
 */
public sealed interface Op {

    OpKind kind();

    /**
     * Whether the Go code passes through a function prologue here, which is where cooperative (pre-1.14)
     * preemption and a pending {@code gp.preempt} take effect. Calls into the syscall package, fmt and os do;
     * a loop body of plain arithmetic, LockOSThread (nosplit) and the go statement do not.
     */
    default boolean passesPrologue() {
        return true;
    }

    /**
     * Plain computation; {@code callsFunctions=false} is a loop like {@code for { x++ }} with no preemption point.
     * {@code nosplitShare} is the percent of its time spent inside {@code //go:nosplit} leaf functions, where a
     * preemption signal is not an async safe point (runtime/preempt.go, isAsyncSafePoint) and is ignored.
     */
    record Compute(long durationNs, boolean callsFunctions, int nosplitShare) implements Op {
        public Compute {
            requireNonNegative(durationNs);
            requirePercent(nosplitShare);
        }
        public Compute(long durationNs, boolean callsFunctions) {
            this(durationNs, callsFunctions, 0);
        }
        public OpKind kind() { return OpKind.COMPUTE; }
        public boolean passesPrologue() { return callsFunctions; }
    }

    /** {@code go function()}: newproc puts the new goroutine in this P's runnext. */
    record Go(String function) implements Op {
        public Go {
            Objects.requireNonNull(function, "function");
        }
        public OpKind kind() { return OpKind.GO; }
        public boolean passesPrologue() { return false; }
    }

    /** {@code function()}: a plain call on the same goroutine (needed for defer, panic and recover). */
    record Call(String function) implements Op {
        public Call {
            Objects.requireNonNull(function, "function");
        }
        public OpKind kind() { return OpKind.CALL; }
    }

    /** A blocking system call through {@code syscall.Syscall} (or a cgo call): entersyscall … exitsyscall. */
    record Syscall(String name, long durationNs) implements Op {
        public Syscall {
            Objects.requireNonNull(name, "name");
            requireNonNegative(durationNs);
        }
        public OpKind kind() { return OpKind.SYSCALL; }
    }

    /** {@code syscall.RawSyscall}: no entersyscall, so the P is never released while it blocks. */
    record RawSyscall(String name, long durationNs) implements Op {
        public RawSyscall {
            Objects.requireNonNull(name, "name");
            requireNonNegative(durationNs);
        }
        public OpKind kind() { return OpKind.RAW_SYSCALL; }
    }

    /** A read/accept on a socket: the goroutine parks in the netpoller ("IO wait") and holds no thread. */
    record NetWait(String name, long durationNs) implements Op {
        public NetWait {
            Objects.requireNonNull(name, "name");
            requireNonNegative(durationNs);
        }
        public OpKind kind() { return OpKind.NET_WAIT; }
    }

    /**
     * A read of a pipe that returns when data is there: at once if some was written and not yet read, else when
     * another goroutine writes. {@link PipeMode#POLLER} is an {@code os.Pipe} file (the goroutine parks in the
     * netpoller); {@link PipeMode#BLOCKING} is {@code syscall.Read} on a blocking pipe (the thread blocks in
     * read(2) with the goroutine).
     */
    record PipeRead(String pipe, PipeMode via) implements Op {
        public PipeRead {
            Objects.requireNonNull(pipe, "pipe");
            Objects.requireNonNull(via, "via");
        }
        public OpKind kind() { return OpKind.PIPE_READ; }
    }

    /** A write of a few bytes to a pipe: a short write(2), which wakes a reader waiting on it. */
    record PipeWrite(String pipe) implements Op {
        public PipeWrite {
            Objects.requireNonNull(pipe, "pipe");
        }
        public OpKind kind() { return OpKind.PIPE_WRITE; }
    }

    /** {@code atomic.StoreInt32(&flag, 1)} (or 0): another goroutine spinning on it sees it a moment later. */
    record SetFlag(String flag, boolean value) implements Op {
        public SetFlag {
            Objects.requireNonNull(flag, "flag");
        }
        public OpKind kind() { return OpKind.SET_FLAG; }
        public boolean passesPrologue() { return false; }
    }

    /**
     * {@code for atomic.LoadInt32(&flag) == 0 {}}: computes until the flag is set, holding its P; preemptible as a
     * {@link Compute} with the same {@code callsFunctions} and {@code nosplitShare} is.
     */
    record SpinUntil(String flag, boolean callsFunctions, int nosplitShare) implements Op {
        public SpinUntil {
            Objects.requireNonNull(flag, "flag");
            requirePercent(nosplitShare);
        }
        public OpKind kind() { return OpKind.SPIN_UNTIL; }
        public boolean passesPrologue() { return false; }
    }

    /**
     * {@code syscall.AllThreadsSyscall(trap, ...)} (Go 1.16+): the runtime stops the world, runs the call on this
     * thread and then, by signal, on every other thread it has, locked ones and ones in system calls included
     * (runtime/os_linux.go, syscall_runtime_doAllThreadsSyscall). ENOTSUP in a cgo binary.
     */
    record AllThreadsSyscall(ThreadCall call, long value) implements Op {
        public AllThreadsSyscall {
            Objects.requireNonNull(call, "call");
            call.check(value);
        }
        public OpKind kind() { return OpKind.ALL_THREADS_SYSCALL; }
    }

    /**
     * An allocation of {@code kb} kilobytes on the heap ({@code make([]byte, n)} escaping, mallocgc): garbage at the
     * next GC cycle unless {@code live}. With the runtime's background work on, the heap reaching its GC trigger
     * starts a cycle on this goroutine (gcStart); without it the allocation is only counted.
     */
    record Allocate(int kb, boolean live) implements Op {
        public Allocate {
            if (kb < 1) {
                throw new IllegalArgumentException("an allocation is at least 1 KB");
            }
        }
        public OpKind kind() { return OpKind.ALLOCATE; }
    }

    /** {@code time.Sleep(d)}: parks on a timer; no thread is held. */
    record Sleep(long durationNs) implements Op {
        public Sleep {
            requireNonNegative(durationNs);
        }
        public OpKind kind() { return OpKind.SLEEP; }
    }

    /** {@code ch <- v}. */
    record Send(String channel) implements Op {
        public Send {
            Objects.requireNonNull(channel, "channel");
        }
        public OpKind kind() { return OpKind.SEND; }
    }

    /** {@code <-ch}. */
    record Receive(String channel) implements Op {
        public Receive {
            Objects.requireNonNull(channel, "channel");
        }
        public OpKind kind() { return OpKind.RECEIVE; }
    }

    /** {@code runtime.Gosched()}: the caller goes to the global run queue. */
    record Gosched() implements Op {
        public OpKind kind() { return OpKind.GOSCHED; }
    }

    /** {@code runtime.LockOSThread()}. */
    record LockOSThread() implements Op {
        public OpKind kind() { return OpKind.LOCK_OS_THREAD; }
        public boolean passesPrologue() { return false; }
    }

    /** {@code runtime.UnlockOSThread()}. */
    record UnlockOSThread() implements Op {
        public OpKind kind() { return OpKind.UNLOCK_OS_THREAD; }
        public boolean passesPrologue() { return false; }
    }

    /** {@code unix.Setns(fd, type)}: the calling thread joins the named namespace. */
    record Setns(Namespace namespace, String target) implements Op {
        public Setns {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(target, "target");
        }
        public OpKind kind() { return OpKind.SETNS; }
    }

    /** {@code unix.Unshare(flag)}: the calling thread leaves a shared namespace or fs. */
    record Unshare(CloneFlag flag) implements Op {
        public Unshare {
            Objects.requireNonNull(flag, "flag");
        }
        public OpKind kind() { return OpKind.UNSHARE; }
    }

    /**
     * {@code setpriority(PRIO_PROCESS, 0, nice)}: who=0 is the calling thread. Through {@code syscall.Setpriority},
     * a Syscall that enters the scheduler for the call (the P is in _Psyscall, where sysmon can take it), or with
     * {@code raw} by RawSyscall, which does not.
     */
    record SetPriority(int nice, boolean raw) implements Op {
        public SetPriority(int nice) {
            this(nice, false);
        }

        public SetPriority {
            if (nice < -20 || nice > 19) {
                throw new IllegalArgumentException("nice must be in -20..19");
            }
        }
        public OpKind kind() { return OpKind.SET_PRIORITY; }
    }

    /** setuid, per thread or through the syscall package. */
    record SetUid(int uid, CredentialCall how) implements Op {
        public SetUid {
            Objects.requireNonNull(how, "how");
            requireNonNegative(uid);
        }
        public OpKind kind() { return OpKind.SET_UID; }
    }

    /** setgid, per thread or through the syscall package. */
    record SetGid(int gid, CredentialCall how) implements Op {
        public SetGid {
            Objects.requireNonNull(how, "how");
            requireNonNegative(gid);
        }
        public OpKind kind() { return OpKind.SET_GID; }
    }

    /** A raw capset(2) that keeps only {@code caps} on the calling thread (a drop: bits can only be removed). */
    record Capset(long caps) implements Op {
        public OpKind kind() { return OpKind.CAPSET; }
    }

    /** {@code pthread_sigmask(how, mask)} on the calling thread. */
    record Sigprocmask(SigHow how, long mask) implements Op {
        public Sigprocmask {
            Objects.requireNonNull(how, "how");
        }
        public OpKind kind() { return OpKind.SIGPROCMASK; }
    }

    /** {@code os.Chdir(path)}: process-wide, unless the thread has a private fs. */
    record Chdir(String path) implements Op {
        public Chdir {
            Objects.requireNonNull(path, "path");
        }
        public OpKind kind() { return OpKind.CHDIR; }
    }

    /** {@code defer function()}: runs when the current function returns or panics. */
    record Defer(String function) implements Op {
        public Defer {
            Objects.requireNonNull(function, "function");
        }
        public OpKind kind() { return OpKind.DEFER; }
    }

    /** {@code panic(message)}. */
    record Panic(String message) implements Op {
        public Panic {
            Objects.requireNonNull(message, "message");
        }
        public OpKind kind() { return OpKind.PANIC; }
    }

    /** {@code recover()}: stops a panic when called from a deferred function. */
    record Recover() implements Op {
        public OpKind kind() { return OpKind.RECOVER; }
    }

    /** {@code return}: leaves the current function (running its deferred calls). */
    record Return() implements Op {
        public OpKind kind() { return OpKind.RETURN; }
        public boolean passesPrologue() { return false; }
    }

    /** {@code os.Exit(code)}: the whole program ends at once, deferred calls do not run. */
    record Exit(int code) implements Op {
        public OpKind kind() { return OpKind.EXIT; }
    }

    /** Something whose result a user would see, stamped with the running thread's properties. */
    record Observe(ObservationKind what, String detail) implements Op {
        public Observe {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(detail, "detail");
        }
        public OpKind kind() { return OpKind.OBSERVE; }
    }

    /** A loop: {@code times} iterations, or forever when {@code times} is {@link #FOREVER}. */
    record Loop(long times, List<Statement> body) implements Op {
        public static final long FOREVER = -1;
        public Loop {
            if (times < FOREVER) {
                throw new IllegalArgumentException("times must be >= 0 or FOREVER");
            }
            body = List.copyOf(body);
        }
        public OpKind kind() { return OpKind.LOOP; }
        public boolean passesPrologue() { return false; }
        public boolean forever() { return times == FOREVER; }
    }

    /** {@code runtime.GOMAXPROCS(n)}: stop the world and resize the set of Ps. */
    record SetGomaxprocs(int procs) implements Op {
        public SetGomaxprocs {
            if (procs < 1) {
                throw new IllegalArgumentException("procs must be >= 1");
            }
        }
        public OpKind kind() { return OpKind.SET_GOMAXPROCS; }
    }

    /** {@code debug.SetMaxThreads(n)}. */
    record SetMaxThreads(int threads) implements Op {
        public SetMaxThreads {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
        }
        public OpKind kind() { return OpKind.SET_MAX_THREADS; }
    }

    private static void requirePercent(int v) {
        if (v < 0 || v > 100) {
            throw new IllegalArgumentException("a share must be 0 to 100 percent: " + v);
        }
    }

    private static void requireNonNegative(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("must be >= 0: " + v);
        }
    }
}
