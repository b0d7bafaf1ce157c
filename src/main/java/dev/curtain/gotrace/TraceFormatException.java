package dev.curtain.gotrace;

/** A trace that cannot be read on: not a Go trace, an unsupported version, or broken bytes at {@link #offset()}. */
public final class TraceFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long offset;

    public TraceFormatException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /** The byte offset in the file where reading failed, or -1 when no single place is to blame. */
    public long offset() {
        return offset;
    }
}
