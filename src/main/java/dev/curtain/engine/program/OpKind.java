package dev.curtain.engine.program;

/** The kind of an {@link Op}, so the interpreter can switch on it (Java 17 has no pattern switch). */
public enum OpKind {
    COMPUTE, GO, CALL, SYSCALL, RAW_SYSCALL, NET_WAIT, SLEEP, SEND, RECEIVE, GOSCHED,
    LOCK_OS_THREAD, UNLOCK_OS_THREAD, SETNS, UNSHARE, SET_PRIORITY, SET_UID, SET_GID, CAPSET, SIGPROCMASK,
    CHDIR, DEFER, PANIC, RECOVER, RETURN, EXIT, OBSERVE, LOOP, SET_GOMAXPROCS, SET_MAX_THREADS
}
