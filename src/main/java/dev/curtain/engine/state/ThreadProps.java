package dev.curtain.engine.state;

import java.util.Objects;

/**
 * The Linux properties that belong to one thread rather than to the process (clone(2) with Go's flags shares
 * the address space, the fd table, cwd and signal handlers, but not these). Immutable: a change makes a new value,
 * so snapshots and events can share instances.
 *
 * @param uid effective user id (credentials are per thread at the kernel level, nptl(7))
 * @param gid effective group id
 * @param caps effective capability set as a bit mask (capabilities(7): "a per-thread attribute")
 * @param netns network namespace name ("host" for the process's own)
 * @param mntns mount namespace name
 * @param utsns UTS (hostname) namespace name
 * @param nice nice value (sched(7): "on Linux, the nice value is a per-thread attribute")
 * @param sigmask blocked signal mask
 * @param privateFs whether the thread did unshare(CLONE_FS) and so has its own cwd and root
 * @param cwd the thread's own working directory; meaningful only when {@code privateFs}
 */
public record ThreadProps(int uid, int gid, long caps, String netns, String mntns, String utsns, int nice,
                          long sigmask, boolean privateFs, String cwd) {

    /** All 41 capabilities of Linux 5.9+ (CAP_LAST_CAP = 40), as a root process starts with. */
    public static final long ALL_CAPS = 0x1ffffffffffL;
    /**
     * The signal mask of a thread that newosproc (os_linux.go) cloned with {@code sigprocmask(_SIG_SETMASK,
     * &sigset_all, &oset)} in force and that has not reached minit yet: every signal blocked but SIGKILL and SIGSTOP,
     * which the kernel never blocks (sigprocmask(2)). /proc's SigBlk shows it as fffffffffffbfeff (measured:
     * calibration thread-properties, threads that had not run yet).
     */
    public static final long ALL_SIGNALS_BLOCKED = 0xfffffffffffbfeffL;
    /** CAP_SETGID: needed to change the gid to an arbitrary value. */
    public static final int CAP_SETGID = 6;
    /** CAP_SETUID: needed to change the uid to an arbitrary value. */
    public static final int CAP_SETUID = 7;
    /** CAP_SYS_ADMIN: needed for setns and unshare of namespaces. */
    public static final int CAP_SYS_ADMIN = 21;
    /** CAP_SYS_NICE: needed to lower a nice value. */
    public static final int CAP_SYS_NICE = 23;

    public ThreadProps {
        Objects.requireNonNull(netns, "netns");
        Objects.requireNonNull(mntns, "mntns");
        Objects.requireNonNull(utsns, "utsns");
        Objects.requireNonNull(cwd, "cwd");
    }

    /** A root process in the host's namespaces, as most of the talk's examples start. */
    public static ThreadProps rootOnHost() {
        return new ThreadProps(0, 0, ALL_CAPS, "host", "host", "host", 0, 0L, false, "/");
    }

    public boolean hasCap(int cap) {
        return (caps & (1L << cap)) != 0;
    }

    public ThreadProps withUid(int v) { return new ThreadProps(v, gid, caps, netns, mntns, utsns, nice, sigmask, privateFs, cwd); }
    public ThreadProps withGid(int v) { return new ThreadProps(uid, v, caps, netns, mntns, utsns, nice, sigmask, privateFs, cwd); }
    public ThreadProps withCaps(long v) { return new ThreadProps(uid, gid, v, netns, mntns, utsns, nice, sigmask, privateFs, cwd); }
    public ThreadProps withNetns(String v) { return new ThreadProps(uid, gid, caps, v, mntns, utsns, nice, sigmask, privateFs, cwd); }
    public ThreadProps withMntns(String v) { return new ThreadProps(uid, gid, caps, netns, v, utsns, nice, sigmask, privateFs, cwd); }
    public ThreadProps withUtsns(String v) { return new ThreadProps(uid, gid, caps, netns, mntns, v, nice, sigmask, privateFs, cwd); }
    public ThreadProps withNice(int v) { return new ThreadProps(uid, gid, caps, netns, mntns, utsns, v, sigmask, privateFs, cwd); }
    public ThreadProps withSigmask(long v) { return new ThreadProps(uid, gid, caps, netns, mntns, utsns, nice, v, privateFs, cwd); }
    public ThreadProps withPrivateFs(boolean v, String ownCwd) { return new ThreadProps(uid, gid, caps, netns, mntns, utsns, nice, sigmask, v, ownCwd); }

    /** Capability set as the 16-digit hex string that /proc/PID/task/TID/status shows (CapEff). */
    public static String capsHex(long caps) {
        return String.format("%016x", caps);
    }

    /** Signal mask as the 16-digit hex string that /proc shows (SigBlk). */
    public static String maskHex(long mask) {
        return String.format("%016x", mask);
    }
}
