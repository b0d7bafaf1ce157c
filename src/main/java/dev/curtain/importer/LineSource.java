package dev.curtain.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a log line by line from a byte stream, counting bytes for the progress bar and noticing whether the last
 * line ended with a newline (a log copied from a crashed or killed process is often cut mid-line). Lines are
 * decoded as ISO-8859-1: schedtrace output is ASCII, and the program's own output, whatever its encoding, is only
 * skipped. Over-long lines are cut at {@link #MAX_LINE} so a binary file cannot exhaust memory.
 */
final class LineSource {
    static final int MAX_LINE = 4 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long bytesRead;
    private long lineNumber;
    private boolean lastLineHadNewline = true;
    private byte[] line = new byte[256];

    LineSource(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end. */
    String next() throws IOException {
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    lastLineHadNewline = false;
                    break;
                }
                bytesRead += limit;
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            int chunk = pos - start;
            if (len + chunk > line.length && len < MAX_LINE) {
                line = Arrays.copyOf(line, Math.min(MAX_LINE, Math.max(line.length * 2, len + chunk)));
            }
            int keep = Math.min(chunk, line.length - len);
            System.arraycopy(buf, start, line, len, keep);
            len += keep;
            if (pos < limit) {
                pos++;
                lastLineHadNewline = true;
                break;
            }
        }
        lineNumber++;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        return new String(line, 0, len, StandardCharsets.ISO_8859_1);
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    long lineNumber() {
        return lineNumber;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** False when the stream ended in the middle of the last line returned. */
    boolean lastLineComplete() {
        return lastLineHadNewline;
    }
}
