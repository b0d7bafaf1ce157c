package dev.curtain.engine.program;

/**
 * The per-thread system calls a program can run on every thread at once with {@code syscall.AllThreadsSyscall},
 * and the value each takes.
 */
public enum ThreadCall {
    /** setuid(2) (SYS_SETUID): the value is the uid. */
    SETUID(0, Integer.MAX_VALUE),
    /** setgid(2) (SYS_SETGID): the value is the gid. */
    SETGID(0, Integer.MAX_VALUE),
    /** setpriority(PRIO_PROCESS, 0, nice): the value is the nice value. */
    SETPRIORITY(-20, 19),
    /** capset(2): the value is the capabilities to keep, as a bit mask. */
    CAPSET(0, (1L << 41) - 1);

    private final long min;
    private final long max;

    ThreadCall(long min, long max) {
        this.min = min;
        this.max = max;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** Throws if {@code value} is not one this call takes. */
    public void check(long value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name().toLowerCase(java.util.Locale.ROOT) + " takes " + min + " to "
                    + max + ", not " + value);
        }
    }
}
