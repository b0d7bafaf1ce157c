package dev.curtain.engine.program;

/** How a goroutine reads a pipe: what decides whether its thread is held while it waits. */
public enum PipeMode {
    /**
     * An {@code os.Pipe} file: os sets pipes non-blocking and registers them with the runtime poller (since Go 1.9),
     * so a read with nothing to read parks the goroutine ("IO wait") and frees the thread.
     */
    POLLER,
    /** {@code syscall.Read} on a blocking pipe descriptor: the thread blocks in read(2), the goroutine with it. */
    BLOCKING
}
