package dev.curtain.gotrace;

/**
 * The event types of the Go 1.22 trace format (Go 1.23 added coroutine switches, a goroutine created blocked, a
 * goroutine status with a stack, and experimental batches; a Go 1.22 trace never has them; Go 1.24 added nothing;
 * Go 1.25 added the sync batch with its clock snapshot), with what the reader needs of each: its name, how many
 * varint arguments follow the type byte, and which arguments are string or stack ids. Numbers are the wire values.
 */
public final class EventType {
    public static final int NONE = 0;
    public static final int EVENT_BATCH = 1;
    public static final int STACKS = 2;
    public static final int STACK = 3;
    public static final int STRINGS = 4;
    public static final int STRING = 5;
    public static final int CPU_SAMPLES = 6;
    public static final int CPU_SAMPLE = 7;
    public static final int FREQUENCY = 8;
    public static final int PROCS_CHANGE = 9;
    public static final int PROC_START = 10;
    public static final int PROC_STOP = 11;
    public static final int PROC_STEAL = 12;
    public static final int PROC_STATUS = 13;
    public static final int GO_CREATE = 14;
    public static final int GO_CREATE_SYSCALL = 15;
    public static final int GO_START = 16;
    public static final int GO_DESTROY = 17;
    public static final int GO_DESTROY_SYSCALL = 18;
    public static final int GO_STOP = 19;
    public static final int GO_BLOCK = 20;
    public static final int GO_UNBLOCK = 21;
    public static final int GO_SYSCALL_BEGIN = 22;
    public static final int GO_SYSCALL_END = 23;
    public static final int GO_SYSCALL_END_BLOCKED = 24;
    public static final int GO_STATUS = 25;
    public static final int STW_BEGIN = 26;
    public static final int STW_END = 27;
    public static final int GC_ACTIVE = 28;
    public static final int GC_BEGIN = 29;
    public static final int GC_END = 30;
    public static final int GC_SWEEP_ACTIVE = 31;
    public static final int GC_SWEEP_BEGIN = 32;
    public static final int GC_SWEEP_END = 33;
    public static final int GC_MARK_ASSIST_ACTIVE = 34;
    public static final int GC_MARK_ASSIST_BEGIN = 35;
    public static final int GC_MARK_ASSIST_END = 36;
    public static final int HEAP_ALLOC = 37;
    public static final int HEAP_GOAL = 38;
    public static final int GO_LABEL = 39;
    public static final int USER_TASK_BEGIN = 40;
    public static final int USER_TASK_END = 41;
    public static final int USER_REGION_BEGIN = 42;
    public static final int USER_REGION_END = 43;
    public static final int USER_LOG = 44;
    public static final int GO_SWITCH = 45;
    public static final int GO_SWITCH_DESTROY = 46;
    public static final int GO_CREATE_BLOCKED = 47;
    public static final int GO_STATUS_STACK = 48;
    public static final int EXPERIMENTAL_BATCH = 49;
    /**
     * Go 1.25: the first byte of a generation's sync batch, which holds its {@link #FREQUENCY} and its
     * {@link #CLOCK_SNAPSHOT} (before 1.25 the batch was a lone frequency event). Never inside a thread's batch.
     */
    public static final int SYNC_BATCH = 50;
    /** Go 1.25, in the sync batch only: the trace clock, the monotonic clock and the wall clock read together. */
    public static final int CLOCK_SNAPSHOT = 51;
    /** Go 1.25 reserves it for the runtime's own use; it must never appear in a trace. */
    public static final int END_OF_GENERATION = 52;
    /** Experimental allocation events (Go 1.23, GOEXPERIMENT=allocfreetrace): 128..136. */
    public static final int FIRST_EXPERIMENTAL = 128;
    public static final int LAST_EXPERIMENTAL = 136;
    /**
     * Not on the wire: the reader's marker between generations, where Go's parser puts one: at the end of each
     * generation for a Go 1.22 or 1.23 trace (Go 1.24 writes the 1.23 format); at the start of each and once at the
     * end for a Go 1.25 trace, as Go 1.25's parser does ({@link TraceEvent#endsGeneration()} tells them apart).
     */
    public static final int SYNC = 255;

    private static final String[] NAMES = new String[256];
    /** Arguments after the type byte, the timestamp delta included; -1 for types that are not timed events. */
    private static final int[] ARGS = new int[256];
    /** The argument index (after dt, from 0) of the event's own stack, or -1. */
    private static final int[] STACK_ARG = new int[256];

    static {
        java.util.Arrays.fill(ARGS, -1);
        java.util.Arrays.fill(STACK_ARG, -1);
        timed(PROCS_CHANGE, "ProcsChange", 3, 1);
        timed(PROC_START, "ProcStart", 3, -1);
        timed(PROC_STOP, "ProcStop", 1, -1);
        timed(PROC_STEAL, "ProcSteal", 4, -1);
        timed(PROC_STATUS, "ProcStatus", 3, -1);
        timed(GO_CREATE, "GoCreate", 4, 2);
        timed(GO_CREATE_SYSCALL, "GoCreateSyscall", 2, -1);
        timed(GO_START, "GoStart", 3, -1);
        timed(GO_DESTROY, "GoDestroy", 1, -1);
        timed(GO_DESTROY_SYSCALL, "GoDestroySyscall", 1, -1);
        timed(GO_STOP, "GoStop", 3, 1);
        timed(GO_BLOCK, "GoBlock", 3, 1);
        timed(GO_UNBLOCK, "GoUnblock", 4, 2);
        timed(GO_SYSCALL_BEGIN, "GoSyscallBegin", 3, 1);
        timed(GO_SYSCALL_END, "GoSyscallEnd", 1, -1);
        timed(GO_SYSCALL_END_BLOCKED, "GoSyscallEndBlocked", 1, -1);
        timed(GO_STATUS, "GoStatus", 4, -1);
        timed(STW_BEGIN, "STWBegin", 3, 1);
        timed(STW_END, "STWEnd", 1, -1);
        timed(GC_ACTIVE, "GCActive", 2, -1);
        timed(GC_BEGIN, "GCBegin", 3, 1);
        timed(GC_END, "GCEnd", 2, -1);
        timed(GC_SWEEP_ACTIVE, "GCSweepActive", 2, -1);
        timed(GC_SWEEP_BEGIN, "GCSweepBegin", 2, 0);
        timed(GC_SWEEP_END, "GCSweepEnd", 3, -1);
        timed(GC_MARK_ASSIST_ACTIVE, "GCMarkAssistActive", 2, -1);
        timed(GC_MARK_ASSIST_BEGIN, "GCMarkAssistBegin", 2, 0);
        timed(GC_MARK_ASSIST_END, "GCMarkAssistEnd", 1, -1);
        timed(HEAP_ALLOC, "HeapAlloc", 2, -1);
        timed(HEAP_GOAL, "HeapGoal", 2, -1);
        timed(GO_LABEL, "GoLabel", 2, -1);
        timed(USER_TASK_BEGIN, "UserTaskBegin", 5, 3);
        timed(USER_TASK_END, "UserTaskEnd", 3, 1);
        timed(USER_REGION_BEGIN, "UserRegionBegin", 4, 2);
        timed(USER_REGION_END, "UserRegionEnd", 4, 2);
        timed(USER_LOG, "UserLog", 5, 3);
        timed(GO_SWITCH, "GoSwitch", 3, -1);
        timed(GO_SWITCH_DESTROY, "GoSwitchDestroy", 3, -1);
        timed(GO_CREATE_BLOCKED, "GoCreateBlocked", 4, 2);
        timed(GO_STATUS_STACK, "GoStatusStack", 5, 3);
        timed(128, "Span", 4, -1);
        timed(129, "SpanAlloc", 4, -1);
        timed(130, "SpanFree", 2, -1);
        timed(131, "HeapObject", 3, -1);
        timed(132, "HeapObjectAlloc", 3, -1);
        timed(133, "HeapObjectFree", 2, -1);
        timed(134, "GoroutineStack", 3, -1);
        timed(135, "GoroutineStackAlloc", 3, -1);
        timed(136, "GoroutineStackFree", 2, -1);
        NAMES[EVENT_BATCH] = "EventBatch";
        NAMES[STACKS] = "Stacks";
        NAMES[STACK] = "Stack";
        NAMES[STRINGS] = "Strings";
        NAMES[STRING] = "String";
        NAMES[CPU_SAMPLES] = "CPUSamples";
        NAMES[CPU_SAMPLE] = "CPUSample";
        NAMES[FREQUENCY] = "Frequency";
        NAMES[EXPERIMENTAL_BATCH] = "ExperimentalBatch";
        NAMES[SYNC_BATCH] = "Sync";
        NAMES[CLOCK_SNAPSHOT] = "ClockSnapshot";
        NAMES[END_OF_GENERATION] = "EndOfGeneration";
        NAMES[SYNC] = "Sync";
    }

    private EventType() {
    }

    private static void timed(int type, String name, int args, int stackArg) {
        NAMES[type] = name;
        ARGS[type] = args;
        STACK_ARG[type] = stackArg;
    }

    /** The Go name of the type ("GoBlock"), or "Invalid(n)". */
    public static String name(int type) {
        String n = type >= 0 && type < NAMES.length ? NAMES[type] : null;
        return n == null ? "Invalid(" + type + ")" : n;
    }

    /** Whether the type is an event inside a thread's batch (it has a timestamp delta). */
    static boolean isTimed(int type) {
        return type >= 0 && type < ARGS.length && ARGS[type] > 0;
    }

    /** The varint arguments after the type byte, the timestamp delta included. */
    static int argCount(int type) {
        return ARGS[type];
    }

    /** Which argument (counting from 0 after the timestamp) is the event's own stack id, or -1. */
    public static int stackArg(int type) {
        return type >= 0 && type < STACK_ARG.length ? STACK_ARG[type] : -1;
    }
}
