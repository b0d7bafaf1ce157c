package dev.curtain.engine.program;

import dev.curtain.engine.Durations;
import java.util.Arrays;
import java.util.List;

/**
 * Short factories for statements, so programs built in code (tests, the benchmark) read like the Go they stand
 * for: {@code loop(3, go("worker"), sleep("1ms"))}. Durations are written as in scenario files.
 */
public final class Ops {
    private Ops() {
    }

    public static Statement compute(String d) { return s(new Op.Compute(Durations.parse(d), true)); }
    /** A computation with no function calls, like {@code for { x++ }}: no preemption point before Go 1.14. */
    public static Statement spin(String d) { return s(new Op.Compute(Durations.parse(d), false)); }
    /** A loop that spends {@code share} percent of its time in {@code //go:nosplit} leaf functions. */
    public static Statement nosplitLoop(String d, int share) {
        return s(new Op.Compute(Durations.parse(d), false, share));
    }
    public static Statement pipeRead(String pipe, PipeMode via) { return s(new Op.PipeRead(pipe, via)); }
    public static Statement pipeWrite(String pipe) { return s(new Op.PipeWrite(pipe)); }
    public static Statement setFlag(String flag) { return s(new Op.SetFlag(flag, true)); }
    public static Statement clearFlag(String flag) { return s(new Op.SetFlag(flag, false)); }
    public static Statement spinUntil(String flag) { return s(new Op.SpinUntil(flag, false, 0)); }
    public static Statement allThreads(ThreadCall call, long value) { return s(new Op.AllThreadsSyscall(call, value)); }
    public static Statement go(String fn) { return s(new Op.Go(fn)); }
    public static Statement call(String fn) { return s(new Op.Call(fn)); }
    public static Statement syscall(String name, String d) { return s(new Op.Syscall(name, Durations.parse(d))); }
    public static Statement rawSyscall(String name, String d) { return s(new Op.RawSyscall(name, Durations.parse(d))); }
    public static Statement netWait(String name, String d) { return s(new Op.NetWait(name, Durations.parse(d))); }
    public static Statement sleep(String d) { return s(new Op.Sleep(Durations.parse(d))); }
    public static Statement send(String ch) { return s(new Op.Send(ch)); }
    public static Statement recv(String ch) { return s(new Op.Receive(ch)); }
    public static Statement gosched() { return s(new Op.Gosched()); }
    public static Statement lock() { return s(new Op.LockOSThread()); }
    public static Statement unlock() { return s(new Op.UnlockOSThread()); }
    public static Statement setns(Namespace ns, String target) { return s(new Op.Setns(ns, target)); }
    public static Statement unshare(CloneFlag f) { return s(new Op.Unshare(f)); }
    public static Statement setpriority(int nice) { return s(new Op.SetPriority(nice)); }
    public static Statement rawSetpriority(int nice) { return s(new Op.SetPriority(nice, true)); }
    public static Statement setuid(int uid, CredentialCall how) { return s(new Op.SetUid(uid, how)); }
    public static Statement setgid(int gid, CredentialCall how) { return s(new Op.SetGid(gid, how)); }
    public static Statement capset(long caps) { return s(new Op.Capset(caps)); }
    public static Statement sigprocmask(SigHow how, long mask) { return s(new Op.Sigprocmask(how, mask)); }
    public static Statement chdir(String path) { return s(new Op.Chdir(path)); }
    public static Statement defer(String fn) { return s(new Op.Defer(fn)); }
    public static Statement panic(String msg) { return s(new Op.Panic(msg)); }
    public static Statement recover() { return s(new Op.Recover()); }
    public static Statement ret() { return s(new Op.Return()); }
    public static Statement exit(int code) { return s(new Op.Exit(code)); }
    public static Statement observe(ObservationKind k, String detail) { return s(new Op.Observe(k, detail)); }
    public static Statement print(String text) { return observe(ObservationKind.PRINT, text); }
    public static Statement createFile(String path) { return observe(ObservationKind.CREATE_FILE, path); }
    public static Statement openSocket(String what) { return observe(ObservationKind.OPEN_SOCKET, what); }
    public static Statement gettid() { return observe(ObservationKind.THREAD_ID, ""); }
    public static Statement loop(long times, Statement... body) { return s(new Op.Loop(times, Arrays.asList(body))); }
    public static Statement forever(Statement... body) { return s(new Op.Loop(Op.Loop.FOREVER, Arrays.asList(body))); }
    public static Statement gomaxprocs(int n) { return s(new Op.SetGomaxprocs(n)); }
    public static Statement setMaxThreads(int n) { return s(new Op.SetMaxThreads(n)); }
    public static Statement allocate(int kb) { return s(new Op.Allocate(kb, false)); }
    public static Statement allocateLive(int kb) { return s(new Op.Allocate(kb, true)); }

    public static Function fn(String name, Statement... body) {
        return new Function(name, List.of(body));
    }

    private static Statement s(Op op) {
        return Statement.of(op);
    }
}
