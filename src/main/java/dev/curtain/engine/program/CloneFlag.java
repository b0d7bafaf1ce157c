package dev.curtain.engine.program;

/** The unshare(2) flags the engine models. */
public enum CloneFlag {
    /** CLONE_NEWNET: a new network namespace for the calling thread. */
    NEWNET,
    /** CLONE_NEWNS: a new mount namespace (needs a private fs first, as for setns). */
    NEWNS,
    /** CLONE_NEWUTS: a new hostname namespace. */
    NEWUTS,
    /** CLONE_NEWUSER: refused with EINVAL in any multithreaded process, so always in a running Go program. */
    NEWUSER,
    /** CLONE_FS: the thread gets its own cwd and root, so chdir no longer reaches it (or from it). */
    FS
}
