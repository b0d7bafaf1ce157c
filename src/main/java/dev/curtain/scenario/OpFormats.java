package dev.curtain.scenario;

import static dev.curtain.scenario.OpField.caps;
import static dev.curtain.scenario.OpField.channel;
import static dev.curtain.scenario.OpField.choice;
import static dev.curtain.scenario.OpField.duration;
import static dev.curtain.scenario.OpField.flag;
import static dev.curtain.scenario.OpField.function;
import static dev.curtain.scenario.OpField.integer;
import static dev.curtain.scenario.OpField.label;
import static dev.curtain.scenario.OpField.mask;
import static dev.curtain.scenario.OpField.nonBlank;
import static dev.curtain.scenario.OpField.optionalText;
import static dev.curtain.scenario.OpField.text;

import dev.curtain.engine.program.CloneFlag;
import dev.curtain.engine.program.CredentialCall;
import dev.curtain.engine.program.Namespace;
import dev.curtain.engine.program.ObservationKind;
import dev.curtain.engine.program.Op;
import dev.curtain.engine.program.OpKind;
import dev.curtain.engine.program.PipeMode;
import dev.curtain.engine.program.SigHow;
import dev.curtain.engine.program.ThreadCall;
import dev.curtain.engine.program.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every operation of format version 1, each defined once ({@link OpFormat}): the reader, the writer, the schema
 * and the documentation test all take them from here, in the order the documentation lists them.
 */
final class OpFormats {
    private OpFormats() {
    }

    // Fields several operations share.
    private static final OpField<Long> DURATION = duration("duration");
    private static final OpField<String> FUNCTION = function("function");
    private static final OpField<String> SYSCALL_NAME = label("name");
    private static final OpField<String> CHANNEL = channel("channel");
    private static final OpField<CredentialCall> VIA = choice("via", FileKeys.VIA);

    private static final OpField<Boolean> CALLS_FUNCTIONS = flag("callsFunctions", true,
            "false for a loop body like x++ with no call: no preemption point before Go 1.14");
    private static final OpField<Integer> NOSPLIT_SHARE = integer("nosplitShare", 0, 100, 0);
    private static final OpField<String> PIPE = nonBlank("pipe");
    private static final OpField<PipeMode> PIPE_VIA = choice("via", FileKeys.PIPE_VIA);
    private static final OpField<String> FLAG_NAME = nonBlank("flag");
    private static final OpField<Boolean> RAW_CALL = flag("raw", false,
            "true: by RawSyscall, which does not enter the scheduler (no _Psyscall for sysmon to take)");
    private static final OpField<Boolean> FLAG_VALUE = flag("value", true, "false stores 0 (clears the flag)");
    private static final OpField<Boolean> SPIN_CALLS = flag("callsFunctions", false,
            "true if the loop also calls functions with a prologue (cooperative preemption points)");
    private static final OpField<ThreadCall> THREAD_CALL = choice("call", FileKeys.THREAD_CALL);
    private static final OpField<Long> CALL_VALUE = OpField.custom("value", new Json.Obj().put("type", "integer")
            .put("minimum", ThreadCall.SETPRIORITY.min()).put("maximum", ThreadCall.CAPSET.max()), true);
    private static final OpField<Namespace> NAMESPACE = choice("namespace", FileKeys.NAMESPACE);
    private static final OpField<String> TARGET = nonBlank("target");
    private static final OpField<CloneFlag> FLAG = choice("flag", FileKeys.CLONE_FLAG);
    private static final OpField<Integer> NICE = integer("nice", -20, 19);
    private static final OpField<Integer> UID = integer("uid", 0, Integer.MAX_VALUE);
    private static final OpField<Integer> GID = integer("gid", 0, Integer.MAX_VALUE);
    private static final OpField<Long> CAPS = caps("caps", "the capabilities to keep, as hex");
    private static final OpField<SigHow> HOW = choice("how", FileKeys.SIG_HOW);
    private static final OpField<Long> MASK = mask("mask", "signals as a hex bit mask");
    private static final OpField<String> PATH = text("path");
    private static final OpField<String> MESSAGE = text("message");
    private static final OpField<Integer> CODE = integer("code", 0, 255, 0);
    private static final OpField<ObservationKind> WHAT = choice("what", FileKeys.OBSERVATION);
    private static final OpField<String> DETAIL = optionalText("detail");
    private static final OpField<Integer> PROCS = integer("procs", 1, 4096);
    private static final OpField<Integer> THREADS = integer("threads", 1, 1_000_000);
    /** Up to 1 GB at a time. */
    private static final OpField<Integer> KB = integer("kb", 1, 1 << 20);
    private static final OpField<Boolean> LIVE = flag("live", false,
            "true if the memory stays reachable (it survives GC cycles and raises the next heap goal)");
    private static final long MAX_LOOP_TIMES = 1_000_000_000L;

    /** In the order the documentation lists them. */
    static final List<OpFormat> ALL = List.of(
            OpFormat.of("compute", OpKind.COMPUTE, Op.Compute.class, "Run Go code for a while.",
                    List.of(DURATION, CALLS_FUNCTIONS, NOSPLIT_SHARE),
                    (r, o) -> {
                        Long d = DURATION.read(r, o);
                        Boolean calls = CALLS_FUNCTIONS.read(r, o);
                        Integer nosplit = NOSPLIT_SHARE.read(r, o);
                        return d == null || calls == null || nosplit == null ? null : new Op.Compute(d, calls, nosplit);
                    },
                    (op, out) -> {
                        DURATION.write(out, op.durationNs());
                        CALLS_FUNCTIONS.write(out, op.callsFunctions());
                        NOSPLIT_SHARE.write(out, op.nosplitShare());
                    }),
            OpFormat.of("allocate", OpKind.ALLOCATE, Op.Allocate.class,
                    "Allocate kb kilobytes on the heap (mallocgc): with runtimeBackground, reaching the GC trigger "
                            + "starts a GC cycle.",
                    List.of(KB, LIVE),
                    (r, o) -> {
                        Integer kb = KB.read(r, o);
                        Boolean live = LIVE.read(r, o);
                        return kb == null || live == null ? null : new Op.Allocate(kb, live);
                    },
                    (op, out) -> {
                        KB.write(out, op.kb());
                        LIVE.write(out, op.live());
                    }),
            OpFormat.of("go", OpKind.GO, Op.Go.class, "go f(): start a goroutine.", List.of(FUNCTION),
                    (r, o) -> orNull(FUNCTION.read(r, o), Op.Go::new),
                    (op, out) -> FUNCTION.write(out, op.function())),
            OpFormat.of("call", OpKind.CALL, Op.Call.class, "f(): a plain call on the same goroutine.",
                    List.of(FUNCTION),
                    (r, o) -> orNull(FUNCTION.read(r, o), Op.Call::new),
                    (op, out) -> FUNCTION.write(out, op.function())),
            OpFormat.of("syscall", OpKind.SYSCALL, Op.Syscall.class,
                    "A blocking system call or cgo call (entersyscall/exitsyscall).", List.of(SYSCALL_NAME, DURATION),
                    (r, o) -> {
                        String name = SYSCALL_NAME.read(r, o);
                        Long d = DURATION.read(r, o);
                        return name == null || d == null ? null : new Op.Syscall(name, d);
                    },
                    (op, out) -> {
                        SYSCALL_NAME.write(out, op.name());
                        DURATION.write(out, op.durationNs());
                    }),
            OpFormat.of("rawSyscall", OpKind.RAW_SYSCALL, Op.RawSyscall.class,
                    "syscall.RawSyscall: the P is never released.", List.of(SYSCALL_NAME, DURATION),
                    (r, o) -> {
                        String name = SYSCALL_NAME.read(r, o);
                        Long d = DURATION.read(r, o);
                        return name == null || d == null ? null : new Op.RawSyscall(name, d);
                    },
                    (op, out) -> {
                        SYSCALL_NAME.write(out, op.name());
                        DURATION.write(out, op.durationNs());
                    }),
            OpFormat.of("netWait", OpKind.NET_WAIT, Op.NetWait.class,
                    "A socket read or accept: parks in the netpoller, holds no thread.", List.of(SYSCALL_NAME, DURATION),
                    (r, o) -> {
                        String name = SYSCALL_NAME.read(r, o);
                        Long d = DURATION.read(r, o);
                        return name == null || d == null ? null : new Op.NetWait(name, d);
                    },
                    (op, out) -> {
                        SYSCALL_NAME.write(out, op.name());
                        DURATION.write(out, op.durationNs());
                    }),
            OpFormat.of("pipeRead", OpKind.PIPE_READ, Op.PipeRead.class,
                    "Read a pipe: returns when another goroutine writes it (at once if a write is waiting).",
                    List.of(PIPE, PIPE_VIA),
                    (r, o) -> {
                        String pipe = PIPE.read(r, o);
                        PipeMode via = PIPE_VIA.read(r, o);
                        return pipe == null || via == null ? null : new Op.PipeRead(pipe, via);
                    },
                    (op, out) -> {
                        PIPE.write(out, op.pipe());
                        PIPE_VIA.write(out, op.via());
                    }),
            OpFormat.of("pipeWrite", OpKind.PIPE_WRITE, Op.PipeWrite.class,
                    "Write a few bytes to a pipe: wakes a reader waiting on it.", List.of(PIPE),
                    (r, o) -> orNull(PIPE.read(r, o), Op.PipeWrite::new),
                    (op, out) -> PIPE.write(out, op.pipe())),
            OpFormat.of("setFlag", OpKind.SET_FLAG, Op.SetFlag.class,
                    "atomic.StoreInt32(&flag, 1): a goroutine spinning on it sees it.", List.of(FLAG_NAME, FLAG_VALUE),
                    (r, o) -> {
                        String flag = FLAG_NAME.read(r, o);
                        Boolean value = FLAG_VALUE.read(r, o);
                        return flag == null || value == null ? null : new Op.SetFlag(flag, value);
                    },
                    (op, out) -> {
                        FLAG_NAME.write(out, op.flag());
                        FLAG_VALUE.write(out, op.value());
                    }),
            OpFormat.of("spinUntil", OpKind.SPIN_UNTIL, Op.SpinUntil.class,
                    "for atomic.LoadInt32(&flag) == 0 {}: compute until another goroutine sets the flag.",
                    List.of(FLAG_NAME, SPIN_CALLS, NOSPLIT_SHARE),
                    (r, o) -> {
                        String flag = FLAG_NAME.read(r, o);
                        Boolean calls = SPIN_CALLS.read(r, o);
                        Integer nosplit = NOSPLIT_SHARE.read(r, o);
                        return flag == null || calls == null || nosplit == null ? null
                                : new Op.SpinUntil(flag, calls, nosplit);
                    },
                    (op, out) -> {
                        FLAG_NAME.write(out, op.flag());
                        SPIN_CALLS.write(out, op.callsFunctions());
                        NOSPLIT_SHARE.write(out, op.nosplitShare());
                    }),
            OpFormat.of("allThreadsSyscall", OpKind.ALL_THREADS_SYSCALL, Op.AllThreadsSyscall.class,
                    "syscall.AllThreadsSyscall (Go 1.16+): the call runs on every thread; ENOTSUP with cgo.",
                    List.of(THREAD_CALL, CALL_VALUE), OpFormats::readAllThreads,
                    (op, out) -> {
                        THREAD_CALL.write(out, op.call());
                        out.put("value", Json.Num.of(op.value()));
                    }),
            OpFormat.of("sleep", OpKind.SLEEP, Op.Sleep.class, "time.Sleep.", List.of(DURATION),
                    (r, o) -> orNull(DURATION.read(r, o), Op.Sleep::new),
                    (op, out) -> DURATION.write(out, op.durationNs())),
            OpFormat.of("send", OpKind.SEND, Op.Send.class, "ch <- v.", List.of(CHANNEL),
                    (r, o) -> orNull(CHANNEL.read(r, o), Op.Send::new),
                    (op, out) -> CHANNEL.write(out, op.channel())),
            OpFormat.of("receive", OpKind.RECEIVE, Op.Receive.class, "<-ch.", List.of(CHANNEL),
                    (r, o) -> orNull(CHANNEL.read(r, o), Op.Receive::new),
                    (op, out) -> CHANNEL.write(out, op.channel())),
            bare("gosched", OpKind.GOSCHED, Op.Gosched.class, "runtime.Gosched().", Op.Gosched::new),
            bare("lockOSThread", OpKind.LOCK_OS_THREAD, Op.LockOSThread.class, "runtime.LockOSThread().",
                    Op.LockOSThread::new),
            bare("unlockOSThread", OpKind.UNLOCK_OS_THREAD, Op.UnlockOSThread.class, "runtime.UnlockOSThread().",
                    Op.UnlockOSThread::new),
            OpFormat.of("setns", OpKind.SETNS, Op.Setns.class, "unix.Setns: the calling thread joins a namespace.",
                    List.of(NAMESPACE, TARGET),
                    (r, o) -> {
                        Namespace ns = NAMESPACE.read(r, o);
                        String target = TARGET.read(r, o);
                        return ns == null || target == null ? null : new Op.Setns(ns, target);
                    },
                    (op, out) -> {
                        NAMESPACE.write(out, op.namespace());
                        TARGET.write(out, op.target());
                    }),
            OpFormat.of("unshare", OpKind.UNSHARE, Op.Unshare.class, "unix.Unshare on the calling thread.",
                    List.of(FLAG),
                    (r, o) -> orNull(FLAG.read(r, o), Op.Unshare::new),
                    (op, out) -> FLAG.write(out, op.flag())),
            OpFormat.of("setPriority", OpKind.SET_PRIORITY, Op.SetPriority.class,
                    "setpriority(PRIO_PROCESS, 0, nice): the calling thread; syscall.Setpriority, or RawSyscall with"
                            + " raw.", List.of(NICE, RAW_CALL),
                    (r, o) -> {
                        Integer nice = NICE.read(r, o);
                        return nice == null ? null : new Op.SetPriority(nice, RAW_CALL.read(r, o));
                    },
                    (op, out) -> {
                        NICE.write(out, op.nice());
                        RAW_CALL.write(out, op.raw());
                    }),
            OpFormat.of("setUid", OpKind.SET_UID, Op.SetUid.class,
                    "setuid: raw = one thread; syscall = syscall.Setuid (EOPNOTSUPP before 1.16, every thread from"
                            + " 1.16).", List.of(UID, VIA),
                    (r, o) -> {
                        Integer id = UID.read(r, o);
                        CredentialCall how = VIA.read(r, o);
                        return id == null || how == null ? null : new Op.SetUid(id, how);
                    },
                    (op, out) -> {
                        UID.write(out, op.uid());
                        VIA.write(out, op.how());
                    }),
            OpFormat.of("setGid", OpKind.SET_GID, Op.SetGid.class, "setgid, like setUid.", List.of(GID, VIA),
                    (r, o) -> {
                        Integer id = GID.read(r, o);
                        CredentialCall how = VIA.read(r, o);
                        return id == null || how == null ? null : new Op.SetGid(id, how);
                    },
                    (op, out) -> {
                        GID.write(out, op.gid());
                        VIA.write(out, op.how());
                    }),
            OpFormat.of("capset", OpKind.CAPSET, Op.Capset.class, "Keep only these capabilities on the calling thread.",
                    List.of(CAPS),
                    (r, o) -> orNull(CAPS.read(r, o), Op.Capset::new),
                    (op, out) -> CAPS.write(out, op.caps())),
            OpFormat.of("sigprocmask", OpKind.SIGPROCMASK, Op.Sigprocmask.class,
                    "pthread_sigmask on the calling thread.", List.of(HOW, MASK),
                    (r, o) -> {
                        SigHow how = HOW.read(r, o);
                        Long mask = MASK.read(r, o);
                        return how == null || mask == null ? null : new Op.Sigprocmask(how, mask);
                    },
                    (op, out) -> {
                        HOW.write(out, op.how());
                        MASK.write(out, op.mask());
                    }),
            OpFormat.of("chdir", OpKind.CHDIR, Op.Chdir.class,
                    "os.Chdir: process-wide unless the thread unshared CLONE_FS.", List.of(PATH),
                    (r, o) -> orNull(PATH.read(r, o), Op.Chdir::new),
                    (op, out) -> PATH.write(out, op.path())),
            OpFormat.of("defer", OpKind.DEFER, Op.Defer.class, "defer f().", List.of(FUNCTION),
                    (r, o) -> orNull(FUNCTION.read(r, o), Op.Defer::new),
                    (op, out) -> FUNCTION.write(out, op.function())),
            OpFormat.of("panic", OpKind.PANIC, Op.Panic.class, "panic(message).", List.of(MESSAGE),
                    (r, o) -> orNull(MESSAGE.read(r, o), Op.Panic::new),
                    (op, out) -> MESSAGE.write(out, op.message())),
            bare("recover", OpKind.RECOVER, Op.Recover.class, "recover() (works in a deferred call).",
                    Op.Recover::new),
            bare("return", OpKind.RETURN, Op.Return.class, "return from the current function.", Op.Return::new),
            OpFormat.of("exit", OpKind.EXIT, Op.Exit.class, "os.Exit(code).", List.of(CODE),
                    (r, o) -> orNull(CODE.read(r, o), Op.Exit::new),
                    (op, out) -> CODE.write(out, op.code())),
            OpFormat.of("observe", OpKind.OBSERVE, Op.Observe.class,
                    "Something a user would see, stamped with the thread's properties.", List.of(WHAT, DETAIL),
                    (r, o) -> {
                        ObservationKind what = WHAT.read(r, o);
                        String detail = DETAIL.read(r, o);
                        return what == null || detail == null ? null : new Op.Observe(what, detail);
                    },
                    (op, out) -> {
                        WHAT.write(out, op.what());
                        DETAIL.write(out, op.detail());
                    }),
            loop(),
            OpFormat.of("setGomaxprocs", OpKind.SET_GOMAXPROCS, Op.SetGomaxprocs.class, "runtime.GOMAXPROCS(n).",
                    List.of(PROCS),
                    (r, o) -> orNull(PROCS.read(r, o), Op.SetGomaxprocs::new),
                    (op, out) -> PROCS.write(out, op.procs())),
            OpFormat.of("setMaxThreads", OpKind.SET_MAX_THREADS, Op.SetMaxThreads.class, "debug.SetMaxThreads(n).",
                    List.of(THREADS),
                    (r, o) -> orNull(THREADS.read(r, o), Op.SetMaxThreads::new),
                    (op, out) -> THREADS.write(out, op.threads())));

    private static final Map<String, OpFormat> BY_KEY = new LinkedHashMap<>();
    private static final Map<OpKind, OpFormat> BY_KIND = new EnumMap<>(OpKind.class);

    static {
        for (OpFormat f : ALL) {
            if (BY_KEY.put(f.key(), f) != null || BY_KIND.put(f.kind(), f) != null) {
                throw new IllegalStateException("operation defined twice: " + f.key());
            }
        }
        for (OpKind k : OpKind.values()) {
            if (!BY_KIND.containsKey(k)) {
                throw new IllegalStateException("OpKind." + k.name() + " has no definition in the file format");
            }
        }
    }

    /** Every key {@code "op"} can have, in the documentation's order. */
    static List<String> keys() {
        return new ArrayList<>(BY_KEY.keySet());
    }

    /** The operation {@code "op": key} names, or null. */
    static OpFormat byKey(String key) {
        return BY_KEY.get(key);
    }

    static OpFormat of(OpKind kind) {
        return BY_KIND.get(kind);
    }

    /** The schema's "statement": any one of the operations. */
    static Json.Obj statementSchema() {
        Json.Arr names = new Json.Arr();
        Json.Arr oneOf = new Json.Arr();
        for (OpFormat f : ALL) {
            names.add(f.key());
            oneOf.add(OpField.ref(f.schemaName()));
        }
        return new Json.Obj()
                .put("type", "object")
                .put("required", new Json.Arr().add("op"))
                .put("properties", new Json.Obj().put("op", new Json.Obj().put("enum", names)))
                .put("oneOf", oneOf);
    }

    // ---- shapes --------------------------------------------------------------------------------------------

    private static <T> Op orNull(T value, java.util.function.Function<T, Op> make) {
        return value == null ? null : make.apply(value);
    }

    /** An operation with no fields. */
    private static <O extends Op> OpFormat bare(String key, OpKind kind, Class<O> type, String description,
            java.util.function.Supplier<O> make) {
        return OpFormat.of(key, kind, type, description, List.of(), (r, o) -> make.get(), (o, out) -> {
        });
    }

    /** A loop repeats its body "times" times or "forever"; exactly one of the two is given. */
    private static OpFormat loop() {
        OpField<Long> times = OpField.custom("times", new Json.Obj().put("type", "integer").put("minimum", 0)
                .put("maximum", MAX_LOOP_TIMES), false);
        OpField<Boolean> forever = OpField.custom("forever", new Json.Obj().put("type", "boolean"), false);
        OpField<List<Statement>> body = OpField.custom("body", new Json.Obj().put("type", "array")
                .put("items", OpField.ref("statement")), true);
        return OpFormat.of("loop", OpKind.LOOP, Op.Loop.class, "A for loop: times N, or forever: true.",
                List.of(times, forever, body), OpFormats::readLoop,
                (op, out) -> {
                    if (op.forever()) {
                        out.put("forever", true);
                    } else {
                        out.put("times", op.times());
                    }
                    out.put("body", ScenarioWriter.body(op.body()));
                })
                .withSchemaOneOf(new Json.Arr()
                        .add(new Json.Obj().put("required", new Json.Arr().add("times"))
                                .put("not", new Json.Obj().put("required", new Json.Arr().add("forever"))))
                        .add(new Json.Obj().put("required", new Json.Arr().add("times"))
                                .put("properties", new Json.Obj().put("forever", new Json.Obj().put("const", false))))
                        .add(new Json.Obj().put("required", new Json.Arr().add("forever"))
                                .put("properties", new Json.Obj().put("forever", new Json.Obj().put("const", true)))
                                .put("not", new Json.Obj().put("required", new Json.Arr().add("times")))));
    }

    /** The value's range depends on the call: a uid, a gid, a nice value or a capability mask. */
    private static Op readAllThreads(ScenarioReader r, Json.Obj o) {
        ThreadCall call = THREAD_CALL.read(r, o);
        if (!o.has("value")) {
            r.fields().error(o.loc(), "missing required field \"value\" (the uid, gid, nice value or capabilities"
                    + " to keep, as a number)");
            return null;
        }
        long min = call == null ? ThreadCall.SETPRIORITY.min() : call.min();
        long max = call == null ? ThreadCall.CAPSET.max() : call.max();
        Long value = r.fields().longValue(o, "value", min, max, null);
        return call == null || value == null ? null : new Op.AllThreadsSyscall(call, value);
    }

    private static Op readLoop(ScenarioReader r, Json.Obj o) {
        Boolean forever = r.fields().bool(o, "forever", false);
        boolean hasTimes = o.has("times");
        Long times = hasTimes ? r.fields().longValue(o, "times", 0, MAX_LOOP_TIMES, null) : null;
        boolean shapeOk = true;
        if (hasTimes && Boolean.TRUE.equals(forever)) {
            r.fields().error(o.get("times").loc(), "a loop has \"times\" or \"forever\": true, not both");
            shapeOk = false;
        } else if (!hasTimes && Boolean.FALSE.equals(forever)) {
            r.fields().error(o.loc(), "a loop needs \"times\": N or \"forever\": true");
            shapeOk = false;
        }
        if (!o.has("body")) {
            r.fields().error(o.loc(), "missing required field \"body\" (the statements to repeat)");
            return null;
        }
        List<Statement> body = r.body(o.get("body"), "the loop");
        if (!shapeOk || forever == null || (hasTimes && times == null)) {
            return null;
        }
        return new Op.Loop(forever ? Op.Loop.FOREVER : times, body);
    }
}
