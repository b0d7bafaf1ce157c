package dev.curtain.importer;

/**
 * One goroutine at the end of an import, in the terms of the {@code simulate --json} contract.
 *
 * @param g the real goid, or for a placeholder (summary logs) its engine id
 * @param state {@code running, runnable, syscall, waiting, dead}
 * @param waitReason as the runtime printed it, "" if none
 * @param lockedTo the M it is locked to, or -1
 * @param placeholder whether it stands for a queue length of a summary log rather than a real goroutine
 */
public record ImportedGoroutine(long g, String name, String state, String waitReason, int lockedTo,
                                boolean placeholder) {
}
