package dev.curtain.gotrace;

/**
 * Describes an event the way Go's parser prints one ({@code go tool trace -d=1}, the first line of
 * {@code Event.String()}): the same kinds, resources, names and state changes. The tests compare these lines with
 * Go's; the event log can show them as they are.
 */
public final class EventText {
    private static final String[] GO_STATES = {"Undetermined", "NotExist", "Runnable", "Running", "Waiting",
        "Syscall"};
    private static final String[] PROC_STATES = {"Undetermined", "NotExist", "Running", "Idle"};
    private static final long NO_TASK = -1;

    private EventText() {
    }

    /** Go's kind of an event: StateTransition, Metric, RangeBegin, Sync … */
    public static String kind(int type) {
        return switch (type) {
            case EventType.SYNC -> "Sync";
            case EventType.CPU_SAMPLE -> "StackSample";
            case EventType.PROCS_CHANGE, EventType.HEAP_ALLOC, EventType.HEAP_GOAL -> "Metric";
            case EventType.GO_LABEL -> "Label";
            case EventType.STW_BEGIN, EventType.GC_BEGIN, EventType.GC_SWEEP_BEGIN, EventType.GC_MARK_ASSIST_BEGIN ->
                "RangeBegin";
            case EventType.GC_ACTIVE, EventType.GC_SWEEP_ACTIVE, EventType.GC_MARK_ASSIST_ACTIVE -> "RangeActive";
            case EventType.STW_END, EventType.GC_END, EventType.GC_SWEEP_END, EventType.GC_MARK_ASSIST_END ->
                "RangeEnd";
            case EventType.USER_TASK_BEGIN -> "TaskBegin";
            case EventType.USER_TASK_END -> "TaskEnd";
            case EventType.USER_REGION_BEGIN -> "RegionBegin";
            case EventType.USER_REGION_END -> "RegionEnd";
            case EventType.USER_LOG -> "Log";
            default -> type >= EventType.FIRST_EXPERIMENTAL ? "Experimental" : "StateTransition";
        };
    }

    /** The state a goroutine goes from and to in a state-transition event, as Go's names ("Running", "Waiting"). */
    public static String[] goTransition(TraceEvent e) {
        return switch (e.type) {
            case EventType.GO_CREATE -> new String[] {"NotExist", "Runnable"};
            case EventType.GO_CREATE_BLOCKED -> new String[] {"NotExist", "Waiting"};
            case EventType.GO_CREATE_SYSCALL -> new String[] {"NotExist", "Syscall"};
            case EventType.GO_START -> new String[] {"Runnable", "Running"};
            case EventType.GO_DESTROY -> new String[] {"Running", "NotExist"};
            case EventType.GO_DESTROY_SYSCALL -> new String[] {"Syscall", "NotExist"};
            case EventType.GO_STOP -> new String[] {"Running", "Runnable"};
            case EventType.GO_BLOCK -> new String[] {"Running", "Waiting"};
            case EventType.GO_UNBLOCK, EventType.GO_SWITCH, EventType.GO_SWITCH_DESTROY ->
                new String[] {"Waiting", "Runnable"};
            case EventType.GO_SYSCALL_BEGIN -> new String[] {"Running", "Syscall"};
            case EventType.GO_SYSCALL_END -> new String[] {"Syscall", "Running"};
            case EventType.GO_SYSCALL_END_BLOCKED -> new String[] {"Syscall", "Runnable"};
            case EventType.GO_STATUS, EventType.GO_STATUS_STACK ->
                new String[] {GO_STATES[(int) e.oldState], GO_STATES[goState(e.args[2])]};
            default -> null;
        };
    }

    /** The goroutine a goroutine transition is about (its own id for events that name another goroutine). */
    public static long transitionGoroutine(TraceEvent e) {
        return switch (e.type) {
            case EventType.GO_CREATE, EventType.GO_CREATE_BLOCKED, EventType.GO_CREATE_SYSCALL, EventType.GO_START,
                 EventType.GO_UNBLOCK, EventType.GO_SWITCH, EventType.GO_SWITCH_DESTROY, EventType.GO_STATUS,
                 EventType.GO_STATUS_STACK -> e.args[0];
            default -> e.g;
        };
    }

    private static int goState(long wire) {
        return switch ((int) wire) {
            case Ordering.G_RUNNABLE -> 2;
            case Ordering.G_RUNNING -> 3;
            case Ordering.G_WAITING -> 4;
            case Ordering.G_SYSCALL -> 5;
            default -> 0;
        };
    }

    public static String firstLine(TraceEvent e) {
        StringBuilder sb = new StringBuilder(96);
        sb.append("M=").append(e.m).append(" P=").append(e.p).append(" G=").append(e.g).append(' ')
                .append(kind(e.type)).append(" Time=").append(e.time);
        switch (kind(e.type)) {
            case "Metric" -> sb.append(" Name=").append(quote(metricName(e.type))).append(" Value=")
                    .append(uint64(e, e.args[0]));
            case "Label" -> sb.append(" Label=").append(quote(e.string(e.args[0]))).append(" Resource=Goroutine(")
                    .append(e.g).append(')');
            case "RangeBegin", "RangeActive", "RangeEnd" -> {
                sb.append(" Name=").append(quote(rangeName(e))).append(" Scope=").append(rangeScope(e));
                if (e.type == EventType.GC_SWEEP_END) {
                    sb.append(" Attributes=[\"bytes swept\"=").append(uint64(e, e.args[0]))
                            .append(" \"bytes reclaimed\"=").append(uint64(e, e.args[1])).append("]");
                } else if (kind(e.type).equals("RangeEnd")) {
                    sb.append(" Attributes=[]");
                }
            }
            case "TaskBegin" -> sb.append(" ID=").append(e.args[0]).append(" Parent=")
                    .append(Long.toUnsignedString(e.args[1])).append(" Type=").append(quote(e.string(e.args[2])));
            case "TaskEnd" -> sb.append(" ID=").append(e.args[0]).append(" Parent=")
                    .append(Long.toUnsignedString(e.args[2] == 0 ? NO_TASK : e.args[2])).append(" Type=")
                    .append(quote(e.extraString));
            case "RegionBegin", "RegionEnd" -> sb.append(" Task=").append(e.args[0]).append(" Type=")
                    .append(quote(e.string(e.args[1])));
            case "Log" -> sb.append(" Task=").append(e.args[0]).append(" Category=")
                    .append(quote(e.string(e.args[1]))).append(" Message=").append(quote(e.string(e.args[2])));
            case "StateTransition" -> transition(e, sb);
            case "Sync" -> sync(e, sb);
            default -> {
            }
        }
        return sb.toString();
    }

    /** Go 1.25's parser prints a value as {@code Value{Uint64(4)}}; earlier ones as {@code Uint64(4)}. */
    private static String uint64(TraceEvent e, long v) {
        String u = "Uint64(" + Long.toUnsignedString(v) + ")";
        return e.tables.minor >= 25 ? "Value{" + u + "}" : u;
    }

    /**
     * Go 1.25's parser numbers its Syncs and prints the clock snapshot of one that opens a generation, the wall
     * clock in RFC 3339 to the second. Go formats it in the local time zone; this uses UTC, the zone of the
     * machine the fixtures were captured on, so the text does not depend on where it runs.
     */
    private static void sync(TraceEvent e, StringBuilder sb) {
        if (e.tables.minor < 25) {
            return;
        }
        sb.append(" N=").append(e.args[0]);
        if (e.clockSnapshot != null) {
            long[] c = e.clockSnapshot;
            sb.append(" Trace=").append(c[0]).append(" Mono=").append(Long.toUnsignedString(c[1])).append(" Wall=")
                    .append(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            java.time.Instant.ofEpochSecond(c[2], c[3]).truncatedTo(java.time.temporal.ChronoUnit
                                    .SECONDS).atOffset(java.time.ZoneOffset.UTC)));
        }
    }

    private static void transition(TraceEvent e, StringBuilder sb) {
        String[] go = goTransition(e);
        if (go != null) {
            String reason = e.type == EventType.GO_STOP || e.type == EventType.GO_BLOCK ? e.string(e.args[0]) : "";
            long id = transitionGoroutine(e);
            sb.append(" Resource=Goroutine(").append(id).append(") Reason=").append(quote(reason)).append(" GoID=")
                    .append(id).append(' ').append(go[0]).append("->").append(go[1]);
            return;
        }
        long pid;
        String from;
        String to;
        switch (e.type) {
            case EventType.PROC_START -> {
                pid = e.args[0];
                from = "Idle";
                to = "Running";
            }
            case EventType.PROC_STOP -> {
                pid = e.p;
                from = "Running";
                to = "Idle";
            }
            case EventType.PROC_STEAL -> {
                pid = e.args[0];
                from = e.oldState == Ordering.P_SYSCALL_ABANDONED ? "Idle" : "Running";
                to = "Idle";
            }
            default -> {
                pid = e.args[0];
                from = PROC_STATES[(int) e.oldState];
                to = PROC_STATES[(int) Ordering.procState((int) e.args[1])];
            }
        }
        sb.append(" Resource=Proc(").append(pid).append(") Reason=\"\" ProcID=").append(pid).append(' ')
                .append(from).append("->").append(to);
    }

    private static String metricName(int type) {
        return switch (type) {
            case EventType.PROCS_CHANGE -> "/sched/gomaxprocs:threads";
            case EventType.HEAP_ALLOC -> "/memory/classes/heap/objects:bytes";
            default -> "/gc/heap/goal:bytes";
        };
    }

    private static String rangeName(TraceEvent e) {
        return switch (e.type) {
            case EventType.STW_BEGIN, EventType.STW_END -> "stop-the-world (" + e.string(e.args[0]) + ")";
            case EventType.GC_BEGIN, EventType.GC_ACTIVE, EventType.GC_END -> "GC concurrent mark phase";
            case EventType.GC_SWEEP_BEGIN, EventType.GC_SWEEP_ACTIVE, EventType.GC_SWEEP_END ->
                "GC incremental sweep";
            default -> "GC mark assist";
        };
    }

    private static String rangeScope(TraceEvent e) {
        return switch (e.type) {
            case EventType.GC_BEGIN, EventType.GC_ACTIVE, EventType.GC_END -> "None";
            // Go's parser takes the context's P here, even for GCSweepActive, which names one.
            case EventType.GC_SWEEP_BEGIN, EventType.GC_SWEEP_ACTIVE, EventType.GC_SWEEP_END -> "Proc(" + e.p + ")";
            case EventType.GC_MARK_ASSIST_ACTIVE -> "Goroutine(" + e.args[0] + ")";
            default -> "Goroutine(" + e.g + ")";
        };
    }

    /** Go's %q for the plain strings a trace holds. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
