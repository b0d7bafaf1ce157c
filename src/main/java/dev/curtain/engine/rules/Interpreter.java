package dev.curtain.engine.rules;

import dev.curtain.engine.Durations;
import dev.curtain.engine.Outcome;
import dev.curtain.engine.event.Event.GoroutineCreated;
import dev.curtain.engine.event.Event.GoroutineExited;
import dev.curtain.engine.event.Event.GoroutineParked;
import dev.curtain.engine.event.Event.GoroutineStepped;
import dev.curtain.engine.event.Event.GoroutineYielded;
import dev.curtain.engine.event.Event.PanicRecovered;
import dev.curtain.engine.event.Event.PanicStarted;
import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.program.Op;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.program.Statement;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.engine.state.WaitReason;

/**
 * What goroutines do: runs a goroutine's statements on its thread until one takes time (a computation, a
 * syscall), blocks it (channel, sleep, socket), or ends it. Function calls, loops, defer, panic and recover
 * follow Go's rules closely enough for the talk's LockOSThread decorator.
 */
final class Interpreter {
    /** What running one statement did to the goroutine. */
    private enum Flow {
        /** Done at once; carry on with the next statement. */
        NEXT,
        /** Busy until a wakeup of its M (computation, raw syscall, syscall). */
        BUSY,
        /** The goroutine left the thread (parked, yielded, exited); the thread has been dealt with. */
        LEFT
    }

    private final Runtime rt;
    private final SchedState s;

    Interpreter(Runtime rt) {
        this.rt = rt;
        this.s = rt.state;
    }

    /** Creates the decider's memory for a new goroutine running {@code function}; returns its goid. */
    int newGoroutine(String function, boolean isMain) {
        int g = rt.nextGoid++;
        GoroutineContext ctx = new GoroutineContext(g, isMain);
        push(ctx, Frame.function(function, rt.program.function(function).body(), false));
        rt.addContext(ctx);
        return g;
    }

    /** A dead goroutine's interpreter memory is let go, and what was left on its stack leaves the stack count. */
    void forget(int g) {
        GoroutineContext ctx = rt.g(g);
        for (Frame f : ctx.frames) {
            rt.stackEntries -= 1 + f.pendingDefers();
        }
        rt.forgetContext(g);
    }

    private void push(GoroutineContext ctx, Frame f) {
        ctx.frames.push(f);
        rt.stackEntries++;
    }

    private void pop(GoroutineContext ctx) {
        rt.stackEntries -= 1 + ctx.frames.pop().pendingDefers();
    }

    /** Saves what is left of a computation cut short, for when the goroutine runs again. */
    void saveRemaining(int g) {
        GoroutineContext ctx = rt.g(g);
        if (Cpus.frozen(ctx)) {
            // Its thread waits for a CPU: the computation stands where it was when the thread lost it.
            ctx.remainingCompute = ctx.frozenRemaining;
        } else if (ctx.busyUntil > rt.now) {
            ctx.remainingCompute = ctx.busyUntil - rt.now;
        }
        ctx.busyUntil = -1;
    }

    /** sysmon preempts the goroutine running on {@code m} in the middle of its computation. */
    void preemptNow(int m, boolean async) {
        ThreadState t = s.thread(m);
        rt.cancelM(m);
        saveRemaining(t.curg());
        rt.scheduler.preemptToGlobal(m, async);
    }

    /** M {@code m} carries on with its goroutine. */
    void step(int m) {
        if (rt.ended) {
            return;
        }
        int g = s.thread(m).curg();
        if (g < 0) {
            throw new IllegalStateException("M" + m + " stepped with no goroutine");
        }
        GoroutineContext ctx = rt.g(g);
        if (ctx.runtimeRole == GoroutineContext.FINALIZER) {
            // runfinq (mfinal.go): finq is empty, so it sets fingWait and parks until a finalizer is queued.
            rt.emit(new GoroutineParked(rt.seq(), rt.now, RuntimeFunction.RUNFINQ, g, m, WaitReason.FINALIZER_WAIT,
                    -1));
            rt.scheduler.scheduleAfterSwitch(m);
            return;
        }
        if (ctx.runtimeRole != GoroutineContext.USER) {
            // One of the runtime's own goroutines (a mark worker, the sweeper …): the GC's rules run it.
            rt.gc.step(m, g, ctx);
            return;
        }
        if (ctx.isMain && !rt.mainStarted) {
            runtimeMain(m, g, ctx);
        }
        if (ctx.spinFlag != null && rt.flags.isSet(ctx.spinFlag)) {
            // A spinner that was preempted or queued sees the flag as soon as it runs: its slice is over.
            ctx.remainingCompute = -1;
        }
        if (ctx.remainingCompute > 0) {
            busy(m, ctx, ctx.remainingCompute, ctx.busyPreemptible, ctx.busyCallsFunctions, ctx.busyNosplitShare);
            ctx.remainingCompute = -1;
            return;
        }
        ctx.busyUntil = -1;
        long maxEvents = rt.options.limits().maxEvents();
        long maxWork = rt.options.limits().maxWork();
        for (int i = 0; i < Runtime.STATEMENTS_PER_INSTANT; i++) {
            if (rt.ended) {
                return;
            }
            if (rt.seq() >= maxEvents || rt.work >= maxWork) {
                // Hand control back so the run loop ends at the event limit, not thousands of events past it.
                busy(m, ctx, 1, true, true);
                return;
            }
            Statement st = nextStatement(m, g, ctx);
            if (st == null) {
                return;
            }
            if (ctx.preemptRequested && st.op().passesPrologue()) {
                // The pending gp.preempt takes effect at this call's prologue (cooperative preemption).
                rt.scheduler.preemptToGlobal(m, false);
                return;
            }
            ctx.frames.peek().pc++;
            if (st.line() > 0 && st.line() != s.goroutines().line(g)) {
                rt.emit(new GoroutineStepped(rt.seq(), rt.now, g, m, st.line(), describe(st.op())));
            }
            Flow f = run(m, g, ctx, st.op());
            if (f != Flow.NEXT) {
                return;
            }
        }
        // Thousands of statements without time passing: let a little pass so the run cannot stall here.
        busy(m, ctx, Latencies.BUSY_INSTANT_NS, true, true);
    }

    /**
     * runtime.main before main.main: mainStarted, sysmon cloned from m0, the template thread with cgo, and
     * init run under lockOSThread so it stays on the main thread.
     */
    private void runtimeMain(int m, int g, GoroutineContext ctx) {
        rt.mainStarted = true;
        rt.sysmon.start(m);
        if (rt.options.runtimeBackground()) {
            rt.threads.runtimeInitLeftovers(m);
        }
        if (rt.options.cgo() && rt.version.templateThread()) {
            rt.threads.startTemplateThread(m);
        }
        if (rt.finqPending) {
            // The os package's init: SetFinalizer's createfing runs go runfinq() into this P's runnext (newproc).
            int fing = rt.nextGoid++;
            GoroutineContext fctx = new GoroutineContext(fing, false);
            fctx.runtimeRole = GoroutineContext.FINALIZER;
            rt.addContext(fctx);
            rt.emit(new GoroutineCreated(rt.seq(), rt.now, fing, "runtime.runfinq", g,
                    rt.scheduler.runqput(s.thread(m).p(), fing, true)));
        }
        if (rt.program.hasFunction(Program.INIT)) {
            rt.threads.lockInternal(m, g);
            ctx.inInit = true;
            push(ctx, Frame.function(Program.INIT, rt.program.function(Program.INIT).body(), false));
        }
    }

    /**
     * The next statement to run, after finishing loops and functions (running deferred calls, unwinding a
     * panic). Null when the goroutine has ended, or the run has.
     */
    private Statement nextStatement(int m, int g, GoroutineContext ctx) {
        while (true) {
            rt.work++;
            Frame f = ctx.frames.peek();
            if (f == null) {
                finish(m, g, ctx);
                return null;
            }
            if (!f.returning && f.pc < f.body.size()) {
                return f.body.get(f.pc);
            }
            if (!f.isFunction) {
                if (!f.returning && f.itersLeft != 0) {
                    if (f.itersLeft > 0) {
                        f.itersLeft--;
                    }
                    f.pc = 0;
                    if (f.body.isEmpty()) {
                        // for {} with nothing inside: a tight loop, the same as computing forever without calls.
                        push(ctx, Frame.loop(f.function, java.util.List.of(
                                Statement.of(new Op.Compute(Latencies.FORCE_PREEMPT_NS, false))), 1));
                    }
                    continue;
                }
                pop(ctx);
                continue;
            }
            f.returning = true;
            String deferred = f.popDefer();
            if (deferred != null) {
                rt.stackEntries--;
                if (!pushCall(m, ctx, deferred, true)) {
                    return null;
                }
                continue;
            }
            pop(ctx);
            if (ctx.inInit && Program.INIT.equals(f.function) && !f.deferredCall) {
                ctx.inInit = false;
                rt.threads.unlockInternal(m, g);
            }
            if (ctx.panicking != null) {
                if (!unwindOneFunction(ctx)) {
                    rt.end(RuntimeFunction.GOPANIC, Outcome.CRASHED,
                            "panic: " + ctx.panicking + "\n\ngoroutine " + g + " [running]");
                    return null;
                }
            }
        }
    }

    /** Marks the next function down the stack as returning (its defers run next); false if there is none. */
    private boolean unwindOneFunction(GoroutineContext ctx) {
        while (!ctx.frames.isEmpty() && !ctx.frames.peek().isFunction) {
            pop(ctx);
        }
        Frame f = ctx.frames.peek();
        if (f == null) {
            return false;
        }
        f.returning = true;
        return true;
    }

    private boolean pushCall(int m, GoroutineContext ctx, String function, boolean deferred) {
        if (ctx.frames.size() >= rt.options.limits().maxCallDepth()) {
            rt.end(RuntimeFunction.SCHEDULE, Outcome.CRASHED, "runtime: goroutine stack exceeds the limit of "
                    + rt.options.limits().maxCallDepth() + " calls\nfatal error: stack overflow");
            return false;
        }
        if (!rt.stackRoom(1)) {
            return false;
        }
        push(ctx, Frame.function(function, rt.program.function(function).body(), deferred));
        return true;
    }

    /** The goroutine's last function returned. main's return ends the process. */
    private void finish(int m, int g, GoroutineContext ctx) {
        if (ctx.isMain) {
            rt.emit(new GoroutineExited(rt.seq(), rt.now, g, m));
            rt.end(RuntimeFunction.EXIT, Outcome.COMPLETED, "main returned: exit status 0");
            return;
        }
        rt.cancelM(m);
        rt.threads.goexit(m, g);
    }

    private void busy(int m, GoroutineContext ctx, long ns, boolean preemptible, boolean callsFunctions) {
        busy(m, ctx, ns, preemptible, callsFunctions, 0);
    }

    private void busy(int m, GoroutineContext ctx, long ns, boolean preemptible, boolean callsFunctions,
                      int nosplitShare) {
        ctx.busyUntil = rt.now + ns;
        ctx.busyPreemptible = preemptible;
        ctx.busyCallsFunctions = callsFunctions;
        ctx.busyNosplitShare = nosplitShare;
        rt.wakeM(m, ctx.busyUntil, Wakeup.Kind.STEP);
    }

    /** The goroutine has parked (its event is emitted); its thread looks for other work. */
    private Flow park(int m) {
        rt.scheduler.scheduleAfterSwitch(m);
        return Flow.LEFT;
    }

    private Flow run(int m, int g, GoroutineContext ctx, Op op) {
        int p = s.thread(m).p();
        switch (op.kind()) {
            case COMPUTE -> {
                Op.Compute c = (Op.Compute) op;
                if (c.durationNs() == 0) {
                    return Flow.NEXT;
                }
                boolean async = rt.version.asyncPreemption() && !rt.options.asyncPreemptOff();
                busy(m, ctx, c.durationNs(), c.callsFunctions() || async, c.callsFunctions(), c.nosplitShare());
                return Flow.BUSY;
            }
            case SPIN_UNTIL -> {
                Op.SpinUntil sp = (Op.SpinUntil) op;
                if (rt.flags.isSet(sp.flag())) {
                    ctx.spinFlag = null;
                    return Flow.NEXT;
                }
                // Another slice of the loop, then this statement looks at the flag again.
                ctx.spinFlag = sp.flag();
                ctx.frames.peek().pc--;
                boolean async = rt.version.asyncPreemption() && !rt.options.asyncPreemptOff();
                busy(m, ctx, Flags.SPIN_SLICE_NS, sp.callsFunctions() || async, sp.callsFunctions(),
                        sp.nosplitShare());
                return Flow.BUSY;
            }
            case SET_FLAG -> {
                Op.SetFlag f = (Op.SetFlag) op;
                rt.flags.set(f.flag(), f.value());
                return Flow.NEXT;
            }
            case PIPE_READ -> {
                Op.PipeRead r = (Op.PipeRead) op;
                if (!rt.pipes.read(m, g, r.pipe(), r.via())) {
                    return Flow.BUSY;
                }
                // Parked in the poller: once woken it reads again, so this statement runs once more.
                ctx.frames.peek().pc--;
                return park(m);
            }
            case PIPE_WRITE -> {
                rt.pipes.write(m, g, ((Op.PipeWrite) op).pipe());
                return Flow.BUSY;
            }
            case ALL_THREADS_SYSCALL -> {
                Op.AllThreadsSyscall a = (Op.AllThreadsSyscall) op;
                if (!rt.threadSyscalls.allThreadsSyscallAvailable(m, g, a.call(), a.value())) {
                    return rt.ended ? Flow.LEFT : Flow.NEXT;
                }
                if (stwBlockedBy(m) >= 0) {
                    // stopTheWorld waits for a goroutine no preemption can stop: the caller waits with it.
                    rt.cancelM(m);
                    return Flow.LEFT;
                }
                rt.threadSyscalls.allThreadsSyscall(m, g, a.call(), a.value());
                return rt.ended ? Flow.LEFT : Flow.NEXT;
            }
            case GO -> {
                rt.scheduler.newproc(m, g, ((Op.Go) op).function());
                if (rt.ended) {
                    return Flow.LEFT;
                }
                // newproc takes time on the creating goroutine: a spinner woken for the new one races with it.
                busy(m, ctx, rt.cost(Timing.NEWPROC), true, true);
                return Flow.BUSY;
            }
            case CALL -> {
                return pushCall(m, ctx, ((Op.Call) op).function(), false) ? Flow.NEXT : Flow.LEFT;
            }
            case SYSCALL -> {
                Op.Syscall sc = (Op.Syscall) op;
                rt.syscalls.entersyscall(m, g, sc.name(), sc.durationNs(), true);
                return Flow.BUSY;
            }
            case RAW_SYSCALL -> {
                // RawSyscall never calls entersyscall: the P stays with the thread, nothing else runs on it.
                busy(m, ctx, ((Op.RawSyscall) op).durationNs(), false, false);
                return Flow.BUSY;
            }
            case NET_WAIT -> {
                rt.emit(new GoroutineParked(rt.seq(), rt.now, RuntimeFunction.GOPARK, g, m, WaitReason.IO_WAIT, -1));
                rt.timers.addSocket(g, rt.now + ((Op.NetWait) op).durationNs());
                return park(m);
            }
            case SLEEP -> {
                long d = ((Op.Sleep) op).durationNs();
                if (d == 0) {
                    return Flow.NEXT;
                }
                rt.emit(new GoroutineParked(rt.seq(), rt.now, RuntimeFunction.GOPARK, g, m, WaitReason.SLEEP, -1));
                rt.timers.addTimer(g, p, rt.now + d);
                return park(m);
            }
            case SEND -> {
                Channels.Result r = rt.channels.send(m, g, ((Op.Send) op).channel());
                return r == Channels.Result.DONE ? Flow.NEXT : park(m);
            }
            case RECEIVE -> {
                Channels.Result r = rt.channels.receive(m, g, ((Op.Receive) op).channel());
                return r == Channels.Result.DONE ? Flow.NEXT : park(m);
            }
            case GOSCHED -> {
                rt.emit(new GoroutineYielded(rt.seq(), rt.now, g, m, p, Place.GLOBAL));
                rt.threads.wakep(m);
                rt.scheduler.scheduleAfterSwitch(m);
                return Flow.LEFT;
            }
            case LOCK_OS_THREAD -> {
                rt.threads.lockOSThread(m, g);
                return Flow.NEXT;
            }
            case UNLOCK_OS_THREAD -> {
                rt.threads.unlockOSThread(m, g);
                return Flow.NEXT;
            }
            case SETNS -> {
                Op.Setns o = (Op.Setns) op;
                rt.threadSyscalls.setns(m, g, o.namespace(), o.target());
                return Flow.NEXT;
            }
            case UNSHARE -> {
                rt.threadSyscalls.unshare(m, g, ((Op.Unshare) op).flag());
                return Flow.NEXT;
            }
            case SET_PRIORITY -> {
                Op.SetPriority o = (Op.SetPriority) op;
                if (o.raw()) {
                    rt.threadSyscalls.setpriority(m, g, o.nice());
                    return Flow.NEXT;
                }
                // syscall.Setpriority is a Syscall (syscall/zsyscall_linux_amd64.go 830 on Go 1.22 and 1.23): for the
                // call's few microseconds the P is in _Psyscall, where sysmon can take it (Timing.SETPRIORITY).
                // A thread that lowers its own priority is rescheduled on its way back (Cpus.priorityLowered); a
                // RawSyscall's return goes on at once in the model, so only this path waits.
                rt.syscalls.entersyscall(m, g, "setpriority", rt.cost(Timing.SETPRIORITY), false);
                if (rt.threadSyscalls.setpriority(m, g, o.nice()) && rt.cpus != null && !rt.ended) {
                    rt.cpus.priorityLowered(m);
                }
                return rt.ended ? Flow.LEFT : Flow.BUSY;
            }
            case SET_UID -> {
                Op.SetUid o = (Op.SetUid) op;
                rt.threadSyscalls.setuid(m, g, o.uid(), o.how());
                return rt.ended ? Flow.LEFT : Flow.NEXT;
            }
            case SET_GID -> {
                Op.SetGid o = (Op.SetGid) op;
                rt.threadSyscalls.setgid(m, g, o.gid(), o.how());
                return rt.ended ? Flow.LEFT : Flow.NEXT;
            }
            case CAPSET -> {
                rt.threadSyscalls.capset(m, g, ((Op.Capset) op).caps());
                return Flow.NEXT;
            }
            case SIGPROCMASK -> {
                Op.Sigprocmask o = (Op.Sigprocmask) op;
                rt.threadSyscalls.sigprocmask(m, g, o.how(), o.mask());
                return Flow.NEXT;
            }
            case CHDIR -> {
                rt.threadSyscalls.chdir(m, g, ((Op.Chdir) op).path());
                return Flow.NEXT;
            }
            case DEFER -> {
                if (!rt.stackRoom(1)) {
                    return Flow.LEFT;
                }
                topFunction(ctx).defer(((Op.Defer) op).function());
                rt.stackEntries++;
                return Flow.NEXT;
            }
            case PANIC -> {
                ctx.panicking = ((Op.Panic) op).message();
                rt.emit(new PanicStarted(rt.seq(), rt.now, g, ctx.panicking));
                unwindOneFunction(ctx);
                return Flow.NEXT;
            }
            case RECOVER -> {
                if (ctx.panicking != null && topFunction(ctx).deferredCall) {
                    ctx.panicking = null;
                    rt.emit(new PanicRecovered(rt.seq(), rt.now, g));
                }
                return Flow.NEXT;
            }
            case RETURN -> {
                unwindOneFunction(ctx);
                return Flow.NEXT;
            }
            case EXIT -> {
                rt.end(RuntimeFunction.EXIT, Outcome.COMPLETED, "os.Exit(" + ((Op.Exit) op).code() + ")");
                return Flow.LEFT;
            }
            case OBSERVE -> {
                Op.Observe o = (Op.Observe) op;
                String syscall = rt.threadSyscalls.observe(m, g, o.what(), o.detail());
                if (syscall == null) {
                    return Flow.NEXT;
                }
                rt.syscalls.entersyscall(m, g, syscall, Latencies.OBSERVATION_SYSCALL_NS, false);
                return Flow.BUSY;
            }
            case LOOP -> {
                Op.Loop l = (Op.Loop) op;
                if (l.times() != 0) {
                    if (!rt.stackRoom(1)) {
                        return Flow.LEFT;
                    }
                    push(ctx, Frame.loop(ctx.frames.peek().function, l.body(), l.times()));
                }
                return Flow.NEXT;
            }
            case SET_GOMAXPROCS -> {
                int n = ((Op.SetGomaxprocs) op).procs();
                if (stwBlockedBy(m) >= 0) {
                    // Stop-the-world waits for a goroutine that cannot be preempted (before 1.14, a loop without
                    // calls): the caller waits with it, forever.
                    rt.cancelM(m);
                    return Flow.LEFT;
                }
                rt.scheduler.procresize(m, Math.min(n, rt.version.maxGomaxprocs()));
                return Flow.NEXT;
            }
            case SET_MAX_THREADS -> {
                rt.maxThreads = ((Op.SetMaxThreads) op).threads();
                return Flow.NEXT;
            }
            case ALLOCATE -> {
                Op.Allocate a = (Op.Allocate) op;
                // mallocgc: past the trigger this goroutine runs gcStart, which stops the world; it carries on
                // when the world starts again.
                return rt.gc.allocate(m, g, a.kb() * 1024L, a.live()) ? Flow.BUSY : Flow.NEXT;
            }
        }
        throw new IllegalStateException("unhandled op " + op.kind());
    }

    /** A running goroutine on another thread that a stop-the-world cannot stop, or -1. */
    int stwBlockedBy(int m) {
        for (ThreadState t : s.threads()) {
            if (t.id() == m || t.curg() < 0) {
                continue;
            }
            GoroutineContext other = rt.g(t.curg());
            if (other.busyUntil > rt.now && !other.busyPreemptible) {
                return t.curg();
            }
        }
        return -1;
    }

    private static Frame topFunction(GoroutineContext ctx) {
        for (Frame f : ctx.frames) {
            if (f.isFunction) {
                return f;
            }
        }
        throw new IllegalStateException("no function frame");
    }

    /** A short description of an operation for the event log. */
    static String describe(Op op) {
        return switch (op.kind()) {
            case COMPUTE -> "compute " + Durations.format(((Op.Compute) op).durationNs())
                    + (((Op.Compute) op).callsFunctions() ? "" : " (no calls)")
                    + (((Op.Compute) op).nosplitShare() > 0
                    ? " (" + ((Op.Compute) op).nosplitShare() + "% in nosplit functions)" : "");
            case SPIN_UNTIL -> "for atomic.LoadInt32(&" + ((Op.SpinUntil) op).flag() + ") == 0 {}";
            case SET_FLAG -> "atomic.StoreInt32(&" + ((Op.SetFlag) op).flag() + ", "
                    + (((Op.SetFlag) op).value() ? 1 : 0) + ")";
            case PIPE_READ -> (((Op.PipeRead) op).via() == dev.curtain.engine.program.PipeMode.POLLER
                    ? ((Op.PipeRead) op).pipe() + ".Read(buf)" : "syscall.Read(" + ((Op.PipeRead) op).pipe() + ", buf)");
            case PIPE_WRITE -> ((Op.PipeWrite) op).pipe() + ".Write(buf)";
            case ALL_THREADS_SYSCALL -> "syscall.AllThreadsSyscall(SYS_"
                    + ((Op.AllThreadsSyscall) op).call().name() + ", " + ((Op.AllThreadsSyscall) op).value() + ")";
            case GO -> "go " + ((Op.Go) op).function() + "()";
            case CALL -> ((Op.Call) op).function() + "()";
            case SYSCALL -> ((Op.Syscall) op).name() + "() syscall";
            case RAW_SYSCALL -> "RawSyscall " + ((Op.RawSyscall) op).name();
            case NET_WAIT -> ((Op.NetWait) op).name() + "() on a socket";
            case SLEEP -> "time.Sleep(" + Durations.format(((Op.Sleep) op).durationNs()) + ")";
            case SEND -> ((Op.Send) op).channel() + " <- v";
            case RECEIVE -> "<-" + ((Op.Receive) op).channel();
            case GOSCHED -> "runtime.Gosched()";
            case LOCK_OS_THREAD -> "runtime.LockOSThread()";
            case UNLOCK_OS_THREAD -> "runtime.UnlockOSThread()";
            case SETNS -> "setns(" + ((Op.Setns) op).target() + ")";
            case UNSHARE -> "unshare(CLONE_" + ((Op.Unshare) op).flag() + ")";
            case SET_PRIORITY -> "setpriority(" + ((Op.SetPriority) op).nice() + ")";
            case SET_UID -> "setuid(" + ((Op.SetUid) op).uid() + ")";
            case SET_GID -> "setgid(" + ((Op.SetGid) op).gid() + ")";
            case CAPSET -> "capset";
            case SIGPROCMASK -> "sigprocmask";
            case CHDIR -> "os.Chdir(" + ((Op.Chdir) op).path() + ")";
            case DEFER -> "defer " + ((Op.Defer) op).function() + "()";
            case PANIC -> "panic(" + ((Op.Panic) op).message() + ")";
            case RECOVER -> "recover()";
            case RETURN -> "return";
            case EXIT -> "os.Exit(" + ((Op.Exit) op).code() + ")";
            case OBSERVE -> ((Op.Observe) op).what().key() + " " + ((Op.Observe) op).detail();
            case LOOP -> ((Op.Loop) op).forever() ? "for {" : "for i := 0; i < " + ((Op.Loop) op).times() + "; i++ {";
            case SET_GOMAXPROCS -> "runtime.GOMAXPROCS(" + ((Op.SetGomaxprocs) op).procs() + ")";
            case SET_MAX_THREADS -> "debug.SetMaxThreads(" + ((Op.SetMaxThreads) op).threads() + ")";
            case ALLOCATE -> "make([]byte, " + ((Op.Allocate) op).kb() + "<<10)"
                    + (((Op.Allocate) op).live() ? " (kept)" : "");
        };
    }
}
