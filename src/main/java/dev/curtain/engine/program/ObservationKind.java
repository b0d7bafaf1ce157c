package dev.curtain.engine.program;

/**
 * Things a goroutine does whose result depends on the thread it runs on, recorded with that thread's properties
 * so a lesson can show what a user of the program would see.
 */
public enum ObservationKind {
    /** Creates a file: its owner is the thread's uid/gid, its path resolves against the thread's cwd. */
    CREATE_FILE("createFile"),
    /** Opens a socket: it lives in the thread's network namespace. */
    OPEN_SOCKET("openSocket"),
    /** Reads the hostname: it comes from the thread's UTS namespace. */
    READ_HOSTNAME("readHostname"),
    /** Prints a line (fmt.Println: a write(2) on stdout). */
    PRINT("print"),
    /** Asks for its thread id (gettid). */
    THREAD_ID("gettid"),
    /** getuid(2): the thread's user id. */
    READ_UID("getuid"),
    /** getgid(2): the thread's group id. */
    READ_GID("getgid"),
    /** getpriority(PRIO_PROCESS, 0): the thread's nice value. */
    READ_NICE("getpriority"),
    /** capget(2) on itself: the thread's effective capabilities. */
    READ_CAPS("capget"),
    /** rt_sigprocmask(SIG_BLOCK, NULL, &old): the thread's blocked signals. */
    READ_SIGMASK("sigmask"),
    /** Reads /proc/self/mountinfo: the mounts of the thread's mount namespace. */
    READ_MOUNTS("readMounts");

    private final String key;

    ObservationKind(String key) {
        this.key = key;
    }

    /** The name used in files and JSON. */
    public String key() {
        return key;
    }

    public static ObservationKind fromKey(String key) {
        for (ObservationKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown observation: " + key);
    }
}
