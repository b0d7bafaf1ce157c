package dev.curtain.engine.rules;

import dev.curtain.engine.Outcome;
import dev.curtain.engine.event.Event.ObservationMade;
import dev.curtain.engine.event.Event.ProcessCwdChanged;
import dev.curtain.engine.event.Event.SyscallFailed;
import dev.curtain.engine.event.Event.ThreadPropertyChanged;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.program.CloneFlag;
import dev.curtain.engine.program.CredentialCall;
import dev.curtain.engine.program.Namespace;
import dev.curtain.engine.program.ObservationKind;
import dev.curtain.engine.program.SigHow;
import dev.curtain.engine.program.ThreadCall;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.engine.state.ThreadState;
import java.util.ArrayList;
import java.util.List;

/**
 * The Linux calls that change one thread (docs/runtime-model.md, "Per-thread Linux properties"): setns, unshare, setpriority, raw
 * setuid/setgid, capset, sigprocmask, plus chdir (process-wide unless the thread unshared its fs) and the
 * Go 1.16+ {@code syscall.Setuid}, which runs on every thread (AllThreadsSyscall). Each either changes the calling
 * thread's properties or fails with the errno Linux gives. These calls are short and modelled as instantaneous.
 */
final class ThreadSyscalls {
    private final Runtime rt;
    private final SchedState s;
    private int unshared;

    ThreadSyscalls(Runtime rt) {
        this.rt = rt;
        this.s = rt.state;
    }

    private ThreadProps props(int m) {
        return s.thread(m).props();
    }

    private void change(int m, int g, Property p, ThreadProps after, String syscall, RuntimeFunction fn) {
        rt.emit(new ThreadPropertyChanged(rt.seq(), rt.now, fn, m, g, p, after, syscall));
    }

    private void fail(int m, int g, String syscall, String errno, RuntimeFunction fn) {
        rt.emit(new SyscallFailed(rt.seq(), rt.now, fn, g, m, syscall, errno));
    }

    void setns(int m, int g, Namespace ns, String target) {
        ThreadProps p = props(m);
        String call = "setns(" + target + ", CLONE_NEW" + (ns == Namespace.MNT ? "NS" : ns.name()) + ")";
        if (ns == Namespace.USER) {
            // "A multithreaded process may not change user namespace with setns()".
            fail(m, g, call, "EINVAL", RuntimeFunction.SYSCALL);
            return;
        }
        if (!p.hasCap(ThreadProps.CAP_SYS_ADMIN)) {
            fail(m, g, call, "EPERM", RuntimeFunction.SYSCALL);
            return;
        }
        switch (ns) {
            case NET -> change(m, g, Property.NETNS, p.withNetns(target), call, RuntimeFunction.SYSCALL);
            case UTS -> change(m, g, Property.UTSNS, p.withUtsns(target), call, RuntimeFunction.SYSCALL);
            case MNT -> {
                if (!p.privateFs()) {
                    // The thread shares its fs (CLONE_FS) with the others: setns(2) refuses a new mount namespace.
                    fail(m, g, call, "EINVAL", RuntimeFunction.SYSCALL);
                    return;
                }
                change(m, g, Property.MNTNS, p.withMntns(target), call, RuntimeFunction.SYSCALL);
            }
            default -> throw new IllegalStateException();
        }
    }

    void unshare(int m, int g, CloneFlag flag) {
        ThreadProps p = props(m);
        String call = "unshare(CLONE_" + flag.name() + ")";
        if (flag == CloneFlag.NEWUSER) {
            // unshare(CLONE_NEWUSER) needs a single-threaded caller; a running Go program never is.
            fail(m, g, call, "EINVAL", RuntimeFunction.SYSCALL);
            return;
        }
        if (flag == CloneFlag.FS) {
            if (!p.privateFs()) {
                change(m, g, Property.PRIVATE_FS, p.withPrivateFs(true, s.processCwd()), call, RuntimeFunction.SYSCALL);
            }
            return;
        }
        if (!p.hasCap(ThreadProps.CAP_SYS_ADMIN)) {
            fail(m, g, call, "EPERM", RuntimeFunction.SYSCALL);
            return;
        }
        unshared++;
        switch (flag) {
            case NEWNET -> change(m, g, Property.NETNS, p.withNetns("net-" + unshared), call, RuntimeFunction.SYSCALL);
            case NEWUTS -> change(m, g, Property.UTSNS, p.withUtsns("uts-" + unshared), call, RuntimeFunction.SYSCALL);
            case NEWNS -> {
                // CLONE_NEWNS implies CLONE_FS for unshare(2).
                ThreadProps fs = p.privateFs() ? p : p.withPrivateFs(true, s.processCwd());
                if (fs != p) {
                    change(m, g, Property.PRIVATE_FS, fs, call, RuntimeFunction.SYSCALL);
                }
                change(m, g, Property.MNTNS, fs.withMntns("mnt-" + unshared), call, RuntimeFunction.SYSCALL);
            }
            default -> throw new IllegalStateException();
        }
    }

    /** setpriority on the calling thread; true if it raised the nice value (lowered the thread's priority). */
    boolean setpriority(int m, int g, int nice) {
        ThreadProps p = props(m);
        String call = "setpriority(PRIO_PROCESS, 0, " + nice + ")";
        if (nice < p.nice() && !p.hasCap(ThreadProps.CAP_SYS_NICE)) {
            fail(m, g, call, "EACCES", RuntimeFunction.SYSCALL);
            return false;
        }
        change(m, g, Property.NICE, p.withNice(nice), call, RuntimeFunction.SYSCALL);
        return nice > p.nice();
    }

    void capset(int m, int g, long keep) {
        ThreadProps p = props(m);
        change(m, g, Property.CAPS, p.withCaps(p.caps() & keep), "capset(" + ThreadProps.capsHex(keep) + ")",
                RuntimeFunction.SYSCALL);
    }

    void sigprocmask(int m, int g, SigHow how, long mask) {
        ThreadProps p = props(m);
        long after = switch (how) {
            case BLOCK -> p.sigmask() | mask;
            case UNBLOCK -> p.sigmask() & ~mask;
            case SETMASK -> mask;
        };
        change(m, g, Property.SIGMASK, p.withSigmask(after),
                "rt_sigprocmask(SIG_" + how.name() + ", " + ThreadProps.maskHex(mask) + ")", RuntimeFunction.SYSCALL);
    }

    void chdir(int m, int g, String path) {
        ThreadProps p = props(m);
        String resolved = resolve(p, path);
        if (p.privateFs()) {
            change(m, g, Property.PRIVATE_FS, p.withPrivateFs(true, resolved), "chdir(" + path + ")",
                    RuntimeFunction.SYSCALL);
        } else {
            rt.emit(new ProcessCwdChanged(rt.seq(), rt.now, g, m, resolved));
        }
    }

    /** The cwd this thread resolves relative paths against. */
    String cwd(ThreadProps p) {
        return p.privateFs() ? p.cwd() : s.processCwd();
    }

    String resolve(ThreadProps p, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        String base = cwd(p);
        return base.endsWith("/") ? base + path : base + "/" + path;
    }

    // ---- credentials ---------------------------------------------------------------------------------------

    /** setuid(2) on one thread: with CAP_SETUID any uid (leaving root drops every capability), else only its own. */
    private static ThreadProps setuidOn(ThreadProps p, int uid) {
        if (p.hasCap(ThreadProps.CAP_SETUID)) {
            ThreadProps after = p.withUid(uid);
            return uid != 0 && p.uid() == 0 ? after.withCaps(0) : after;
        }
        return uid == p.uid() ? p : null;
    }

    private static ThreadProps setgidOn(ThreadProps p, int gid) {
        if (p.hasCap(ThreadProps.CAP_SETGID)) {
            return p.withGid(gid);
        }
        return gid == p.gid() ? p : null;
    }

    /** Credential change result for the interpreter: DONE or the program died. */
    void setuid(int m, int g, int uid, CredentialCall how) {
        credentials(m, g, uid, how, true);
    }

    void setgid(int m, int g, int gid, CredentialCall how) {
        credentials(m, g, gid, how, false);
    }

    private void credentials(int m, int g, int id, CredentialCall how, boolean uid) {
        String name = (uid ? "setuid(" : "setgid(") + id + ")";
        Property property = uid ? Property.UID : Property.GID;
        if (how == CredentialCall.RAW_THREAD) {
            ThreadProps after = uid ? setuidOn(props(m), id) : setgidOn(props(m), id);
            if (after == null) {
                fail(m, g, "SYS_" + name.toUpperCase(java.util.Locale.ROOT), "EPERM", RuntimeFunction.SYSCALL);
            } else {
                emitCredentialChange(m, g, property, after, "RawSyscall(SYS_" + name.toUpperCase(java.util.Locale.ROOT) + ")",
                        RuntimeFunction.SYSCALL);
            }
            return;
        }
        String goCall = "syscall." + (uid ? "Setuid(" : "Setgid(") + id + ")";
        if (!rt.version.setuidAllThreads()) {
            // Go 1.15 and earlier on Linux: "Previously, they returned an syscall.EOPNOTSUPP error."
            fail(m, g, goCall, "EOPNOTSUPP", RuntimeFunction.SYSCALL);
            return;
        }
        // Go 1.16+: AllThreadsSyscall (without cgo) stops the world, as allThreadsSyscall below.
        Runnable call = () -> everyThread(m, g, id, uid, goCall, property);
        if (rt.options.cgo()) {
            call.run();
        } else {
            withTheWorldStopped(m, call);
        }
    }

    private void everyThread(int m, int g, int id, boolean uid, String goCall, Property property) {
        // The call runs on this thread first; on error it returns that error and changes nothing.
        ThreadProps mine = uid ? setuidOn(props(m), id) : setgidOn(props(m), id);
        if (mine == null) {
            fail(m, g, goCall, "EPERM", RuntimeFunction.ALL_THREADS_SYSCALL);
            return;
        }
        List<Integer> order = callerThenOthers(m);
        for (int target : order) {
            ThreadProps before = props(target);
            ThreadProps after = uid ? setuidOn(before, id) : setgidOn(before, id);
            if (after == null) {
                String why = rt.options.cgo()
                        ? "fatal error: glibc's setxid broadcast failed on thread M" + target + " (abort)"
                        : "fatal error: AllThreadsSyscall6 results differ between threads; runtime corrupted";
                rt.end(RuntimeFunction.ALL_THREADS_SYSCALL, Outcome.CRASHED, why);
                return;
            }
            emitCredentialChange(target, g, property, after, goCall, RuntimeFunction.ALL_THREADS_SYSCALL);
        }
    }

    // ---- syscall.AllThreadsSyscall ----------------------------------------------------------------------------

    private static String allThreadsName(ThreadCall call, long value) {
        return "syscall.AllThreadsSyscall(SYS_" + call.name() + ", " + (call == ThreadCall.CAPSET
                ? ThreadProps.capsHex(value) : Long.toString(value)) + ")";
    }

    /**
     * Whether the call can go ahead: it does not exist before Go 1.16 (such a program does not build, so the run
     * ends), and in a cgo binary it returns ENOTSUP and changes nothing ("AllThreadsSyscall is unaware of any
     * threads that are launched explicitly by cgo linked code", syscall/syscall_linux.go).
     */
    boolean allThreadsSyscallAvailable(int m, int g, ThreadCall call, long value) {
        if (!rt.version.allThreadsSyscall()) {
            rt.end(RuntimeFunction.ALL_THREADS_SYSCALL, Outcome.CRASHED,
                    "syscall.AllThreadsSyscall is undefined before Go 1.16: the program does not build");
            return false;
        }
        if (rt.options.cgo()) {
            fail(m, g, allThreadsName(call, value), "ENOTSUP", RuntimeFunction.ALL_THREADS_SYSCALL);
            return false;
        }
        return true;
    }

    /** One thread's properties after the call, or null where the kernel refuses it. */
    private static ThreadProps applyCall(ThreadCall call, ThreadProps p, long value) {
        return switch (call) {
            case SETUID -> setuidOn(p, (int) value);
            case SETGID -> setgidOn(p, (int) value);
            case SETPRIORITY -> value < p.nice() && !p.hasCap(ThreadProps.CAP_SYS_NICE) ? null
                    : p.withNice((int) value);
            case CAPSET -> p.withCaps(p.caps() & value);
        };
    }

    private static Property propertyOf(ThreadCall call) {
        return switch (call) {
            case SETUID -> Property.UID;
            case SETGID -> Property.GID;
            case SETPRIORITY -> Property.NICE;
            case CAPSET -> Property.CAPS;
        };
    }

    /** The order an all-threads call runs in: the calling thread first, then every other live one, by id. */
    private List<Integer> callerThenOthers(int m) {
        List<Integer> order = new ArrayList<>();
        order.add(m);
        for (ThreadState t : s.threads()) {
            if (t.id() != m && t.state() != MState.EXITED) {
                order.add(t.id());
            }
        }
        return order;
    }

    /**
     * The world is stopped: the call runs on this thread first, and if it fails there it returns the error and
     * nothing else changes. Then every other thread the runtime has (allm: idle, locked, in a syscall, sysmon)
     * runs it from its signal handler; a thread where it fails while it worked on the first is fatal
     * ("AllThreadsSyscall6 results differ between threads; runtime corrupted"). Threads created later clone a
     * thread that has the change. The world starts again as the call returns (os_linux.go 720 stops it, 764 or 849
     * starts it, in Go 1.22 and 1.23): startTheWorld's wakep starts a spinning thread for an idle P, and clones one
     * when no thread is idle (docs/engine.md, "AllThreadsSyscall").
     */
    void allThreadsSyscall(int m, int g, ThreadCall call, long value) {
        withTheWorldStopped(m, () -> runOnAllThreads(m, g, call, value));
    }

    /** syscall_runtime_doAllThreadsSyscall's frame: stop the world, run {@code call}, start it again unless it died. */
    private void withTheWorldStopped(int m, Runnable call) {
        rt.gc.stopTheWorld(m, RuntimeFunction.ALL_THREADS_SYSCALL);
        call.run();
        if (!rt.ended) {
            rt.gc.startTheWorld(m);
        }
    }

    private void runOnAllThreads(int m, int g, ThreadCall call, long value) {
        String name = allThreadsName(call, value);
        if (applyCall(call, props(m), value) == null) {
            fail(m, g, name, call == ThreadCall.SETPRIORITY ? "EACCES" : "EPERM", RuntimeFunction.ALL_THREADS_SYSCALL);
            return;
        }
        List<Integer> order = callerThenOthers(m);
        for (int target : order) {
            ThreadProps after = applyCall(call, props(target), value);
            if (after == null) {
                rt.end(RuntimeFunction.ALL_THREADS_SYSCALL, Outcome.CRASHED,
                        "fatal error: AllThreadsSyscall6 results differ between threads; runtime corrupted");
                return;
            }
            emitCredentialChange(target, g, propertyOf(call), after, name, RuntimeFunction.ALL_THREADS_SYSCALL);
        }
    }

    private void emitCredentialChange(int m, int g, Property property, ThreadProps after, String call,
                                      RuntimeFunction fn) {
        ThreadProps before = props(m);
        if (after.equals(before)) {
            return;
        }
        change(m, g, property, after, call, fn);
    }

    // ---- observations --------------------------------------------------------------------------------------

    /** Records what the goroutine sees on this thread; returns the syscall behind it, or null for none. */
    String observe(int m, int g, ObservationKind what, String detail) {
        ThreadProps p = props(m);
        String shown = switch (what) {
            case CREATE_FILE -> resolve(p, detail);
            case THREAD_ID -> "M" + m;
            default -> detail;
        };
        rt.emit(new ObservationMade(rt.seq(), rt.now, g, m, what, shown, p));
        return switch (what) {
            case CREATE_FILE -> "openat";
            case OPEN_SOCKET -> "socket";
            case READ_HOSTNAME -> "uname";
            case PRINT -> "write";
            case THREAD_ID -> null;
            // getuid and getgid are "sysnb" in the syscall package: RawSyscall, no entersyscall.
            case READ_UID, READ_GID -> null;
            case READ_NICE -> "getpriority";
            case READ_CAPS -> "capget";
            case READ_SIGMASK -> "rt_sigprocmask";
            case READ_MOUNTS -> "openat";
        };
    }
}
