package dev.curtain.export;

import java.io.IOException;

/** Where exported frames go, one by one, as BGRA bytes in row order. */
public interface FrameSink extends AutoCloseable {
    void accept(byte[] bgra) throws IOException;

    /** All frames were given: complete the file. */
    void finish() throws IOException;

    /** Releases what is still open; after a failure or a cancel, without completing the file. */
    @Override
    void close();
}
