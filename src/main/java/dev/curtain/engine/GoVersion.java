package dev.curtain.engine;

import java.util.List;

/**
 * A Go release the engine imitates (docs/runtime-model.md, "Go versions"). The four profiles are the releases where
 * the scheduler's visible behaviour changed (1.9, 1.10, 1.14, 1.26); a version in between behaves like its profile
 * except for the few features named here with the release that brought them (for example syscall.Setuid in 1.16).
 */
public record GoVersion(int minor) implements Comparable<GoVersion> {

    public static final GoVersion GO_1_9 = new GoVersion(9);
    public static final GoVersion GO_1_10 = new GoVersion(10);
    public static final GoVersion GO_1_14 = new GoVersion(14);
    public static final GoVersion GO_1_16 = new GoVersion(16);
    public static final GoVersion GO_1_26 = new GoVersion(26);

    /** The profiles the toolbar offers. */
    public static final List<GoVersion> PROFILES = List.of(GO_1_9, GO_1_10, GO_1_14, GO_1_26);

    public GoVersion {
        if (minor < 5 || minor > 26) {
            throw new IllegalArgumentException("Go 1." + minor + " is outside 1.5..1.26");
        }
    }

    /** Parses "1.10", "1.14.3" or "go1.9". */
    public static GoVersion parse(String text) {
        String t = text.trim();
        if (t.startsWith("go")) {
            t = t.substring(2);
        }
        String[] parts = t.split("\\.");
        if (parts.length < 2 || !parts[0].equals("1")) {
            throw new IllegalArgumentException("not a Go 1.x version: " + text);
        }
        try {
            return new GoVersion(Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Go 1.x version: " + text);
        }
    }

    /** The profile this version behaves like: 1.9, 1.10, 1.14 or 1.26. */
    public GoVersion profile() {
        if (minor <= 9) {
            return GO_1_9;
        }
        if (minor <= 13) {
            return GO_1_10;
        }
        if (minor <= 25) {
            return GO_1_14;
        }
        return GO_1_26;
    }

    /** 1.10: LockOSThread calls nest (lockedExt counter) instead of setting one bit. */
    public boolean nestedLocks() {
        return minor >= 10;
    }

    /** 1.10: a goroutine that exits locked takes its thread with it (m0 is wedged instead). */
    public boolean lockedExitKillsThread() {
        return minor >= 10;
    }

    /** 1.10: a locked thread asks the template thread to create new threads instead of cloning itself. */
    public boolean templateThread() {
        return minor >= 10;
    }

    /**
     * 1.10.0 to 1.11.x (#28979, fixed in 1.12): goexit0 cleared lockedExt before mexit handed the P off,
     * so a replacement thread could be cloned from the dying, tainted thread.
     */
    public boolean dyingLockedThreadMayClone() {
        return minor == 10 || minor == 11;
    }

    /** 1.14: sysmon preempts a goroutine running for 10 ms with a signal, even in a loop without calls. */
    public boolean asyncPreemption() {
        return minor >= 14;
    }

    /** 1.14: timers live on each P and run in the scheduler; before, a timerproc goroutine ran them. */
    public boolean perPTimers() {
        return minor >= 14;
    }

    /** syscall.AllThreadsSyscall exists (Go 1.16+). */
    public boolean allThreadsSyscall() {
        return minor >= 16;
    }

    /** 1.16: syscall.Setuid and friends work on Linux and change every thread (AllThreadsSyscall). */
    public boolean setuidAllThreads() {
        return minor >= 16;
    }

    /** Up to 1.25 a P whose goroutine is in a syscall has status _Psyscall; 1.26 keeps it _Prunning. */
    public boolean pSyscallStatus() {
        return minor <= 25;
    }

    /** 1.10 removed the 1024 cap on GOMAXPROCS. */
    public int maxGomaxprocs() {
        return minor <= 9 ? 1024 : Integer.MAX_VALUE;
    }

    @Override
    public int compareTo(GoVersion o) {
        return Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return "1." + minor;
    }
}
