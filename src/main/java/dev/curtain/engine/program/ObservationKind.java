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
    THREAD_ID("gettid");

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
