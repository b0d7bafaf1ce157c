package dev.curtain.gotrace;

/** One frame of a stack in the trace: the function, its file and line, and the program counter. */
public record StackFrame(long pc, String function, String file, long line) {
}
