package dev.curtain.engine.event;

/** Where a goroutine can be. Each live G is in exactly one of these at every event. */
public enum PlaceKind {
    /** Not created yet. */
    NONE,
    /** A P's runnext slot (id = P). */
    RUNNEXT,
    /** A P's local run queue ring (id = P). */
    LOCAL_QUEUE,
    /** The global run queue. */
    GLOBAL_QUEUE,
    /** Running on an M (id = M). */
    RUNNING,
    /** In a system call on an M (id = M). */
    SYSCALL,
    /** Parked (channel, sleep, IO wait, …); the G's wait reason says on what; id = channel index or -1. */
    WAITING,
    /** Finished. */
    DEAD
}
