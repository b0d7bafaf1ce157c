package dev.curtain.engine.program;

/** The {@code how} argument of sigprocmask(2). */
public enum SigHow {
    BLOCK, UNBLOCK, SETMASK
}
