package dev.curtain.importer;

/**
 * One thread at the end of an import, in the terms of the {@code simulate --json} contract.
 *
 * @param state {@code running, spinning, idle, syscall, locked-idle, system, exited}
 * @param p the P it holds, or -1
 * @param curg the real goid it runs, or -1
 * @param lockedg the real goid locked to it, or -1
 */
public record ImportedThread(int m, boolean alive, boolean system, String state, int p, long curg, long lockedg) {
}
