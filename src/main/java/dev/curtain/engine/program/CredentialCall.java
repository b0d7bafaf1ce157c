package dev.curtain.engine.program;

/** How a program changes its credentials: the distinction is the whole of lessons 11 and 13. */
public enum CredentialCall {
    /** {@code syscall.RawSyscall(SYS_SETUID, …)}: the kernel changes only the calling thread. */
    RAW_THREAD,
    /**
     * {@code syscall.Setuid}: EOPNOTSUPP up to Go 1.15; from 1.16 every thread through AllThreadsSyscall
     * (or glibc's broadcast with cgo).
     */
    SYSCALL_PACKAGE
}
