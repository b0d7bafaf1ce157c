package dev.curtain.gotrace;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** The file as a stream of bytes and unsigned varints, with its position for progress and error messages. */
final class ByteSource {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private long consumed;

    ByteSource(InputStream in) {
        this.in = in;
    }

    /** Bytes read so far. */
    long position() {
        return consumed + pos;
    }

    private boolean fill() throws IOException {
        consumed += len;
        pos = 0;
        len = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        len = n;
        return true;
    }

    /** The next byte, or -1 at the end of the file. */
    int read() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    int readByte() throws IOException {
        int b = read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    /** An unsigned LEB128 varint as Go's encoding/binary writes it; wraps above 2^63 as Go's int64 casts do. */
    long readUvarint() throws IOException, TraceFormatException {
        long x = 0;
        int shift = 0;
        for (int i = 0; i < 10; i++) {
            int b = readByte();
            if (b < 0x80) {
                if (i == 9 && b > 1) {
                    break;
                }
                return x | ((long) b << shift);
            }
            x |= (long) (b & 0x7f) << shift;
            shift += 7;
        }
        throw new TraceFormatException("varint overflows 64 bits", position());
    }

    void readFully(byte[] dst) throws IOException {
        int off = 0;
        while (off < dst.length) {
            if (pos == len && !fill()) {
                throw new EOFException();
            }
            int n = Math.min(dst.length - off, len - pos);
            System.arraycopy(buf, pos, dst, off, n);
            pos += n;
            off += n;
        }
    }
}
