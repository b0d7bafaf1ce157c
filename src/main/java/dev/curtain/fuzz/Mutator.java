package dev.curtain.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes a mutant of a seed input: a few byte-level and line-level changes of the kinds that broke the readers before
 * (numbers at their limits, stray NULs, wide and invalid UTF-8, repeated and dropped lines, splices of two inputs).
 */
final class Mutator {
    /** Values that sit on a limit somewhere: int and long edges, a count far too large, a negative count. */
    private static final String[] NUMBERS = {"0", "-1", "1", "2147483647", "2147483648", "-2147483648",
            "4294967298", "9223372036854775807", "1e309", "1000000", "4096", "4097", "1e3", "0.5", "-0",
            "9".repeat(1200)};
    private static final String[] WORDS = {"\"\\ud800\"", "\"0x10p0ms\"", "\"10dms\"", "\" 5 ms \"", "null", "true",
            "[]", "{}", "\"\"", "\"forever\"", "\"main\""};
    private static final byte[][] BYTES = {{0}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xff}, {(byte) 0xfe, (byte) 0xff}, {'\n'}, {'\r'}, {'\t'}, {'='}, {'['}, {']'}, {'"'}, {'\\'}};

    private final SplittableRandom r;

    Mutator(SplittableRandom r) {
        this.r = r;
    }

    /** One to four mutations of {@code seed}; {@code other} may be spliced in. */
    byte[] mutate(byte[] seed, List<byte[]> others) {
        byte[] b = seed;
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b = once(b, others);
        }
        return b;
    }

    private byte[] once(byte[] b, List<byte[]> others) {
        if (b.length == 0) {
            return BYTES[r.nextInt(BYTES.length)];
        }
        int at = r.nextInt(b.length);
        return switch (r.nextInt(11)) {
            case 0 -> replace(b, at, 1, new byte[] {(byte) r.nextInt(256)});
            case 1 -> replace(b, at, 0, BYTES[r.nextInt(BYTES.length)]);
            case 2 -> replace(b, at, Math.min(b.length - at, 1 + r.nextInt(64)), new byte[0]);
            case 3 -> {
                int len = Math.min(b.length - at, 1 + r.nextInt(256));
                byte[] piece = java.util.Arrays.copyOfRange(b, at, at + len);
                yield replace(b, at, 0, piece);
            }
            case 4 -> number(b);
            case 5 -> replace(b, at, 0, WORDS[r.nextInt(WORDS.length)].getBytes(StandardCharsets.UTF_8));
            case 6 -> lines(b, true);
            case 7 -> lines(b, false);
            case 8 -> {
                byte[] o = others.get(r.nextInt(others.size()));
                int from = o.length == 0 ? 0 : r.nextInt(o.length);
                int len = Math.min(o.length - from, r.nextInt(512));
                yield replace(b, at, r.nextInt(Math.min(b.length - at, 512) + 1),
                        java.util.Arrays.copyOfRange(o, from, from + len));
            }
            case 9 -> java.util.Arrays.copyOf(b, at);
            default -> {
                // Bit flips, a handful.
                byte[] c = b.clone();
                for (int k = 0; k < 1 + r.nextInt(8); k++) {
                    int p = r.nextInt(c.length);
                    c[p] ^= (byte) (1 << r.nextInt(8));
                }
                yield c;
            }
        };
    }

    /** A run of digits replaced by a value on a limit. */
    private byte[] number(byte[] b) {
        int start = r.nextInt(b.length);
        for (int k = 0; k < b.length; k++) {
            int i = (start + k) % b.length;
            if (b[i] >= '0' && b[i] <= '9') {
                int end = i;
                while (end < b.length && b[end] >= '0' && b[end] <= '9') {
                    end++;
                }
                while (i > 0 && b[i - 1] >= '0' && b[i - 1] <= '9') {
                    i--;
                }
                return replace(b, i, end - i, NUMBERS[r.nextInt(NUMBERS.length)].getBytes(StandardCharsets.US_ASCII));
            }
        }
        return b;
    }

    /** A line repeated (up to many times) or dropped. */
    private byte[] lines(byte[] b, boolean repeat) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        String[] ls = s.split("\n", -1);
        int i = r.nextInt(ls.length);
        StringBuilder out = new StringBuilder(s.length() + 64);
        for (int k = 0; k < ls.length; k++) {
            if (k == i && !repeat) {
                continue;
            }
            int times = k == i ? 1 + (r.nextInt(8) == 0 ? r.nextInt(200) : 1) : 1;
            for (int t = 0; t < times; t++) {
                out.append(ls[k]);
                if (k < ls.length - 1 || t < times - 1) {
                    out.append('\n');
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] replace(byte[] b, int at, int len, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + with.length);
        out.write(b, 0, at);
        out.write(with, 0, with.length);
        out.write(b, at + len, b.length - at - len);
        return out.toByteArray();
    }
}
