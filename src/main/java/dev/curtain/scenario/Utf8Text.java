package dev.curtain.scenario;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Scenario files are UTF-8 (as RFC 8259 asks of JSON exchanged between systems), decoded strictly before the JSON
 * parser sees them. Left to itself the parser guesses UTF-16 or UTF-32 from the first bytes, and fails with an
 * internal exception on byte orders it does not know; and a lenient decoder would read an overlong form such as
 * {@code C0 AF} as "/", a character the file never spelled. A leading UTF-8 byte order mark is skipped.
 */
final class Utf8Text {
    private Utf8Text() {
    }

    static String decode(byte[] bytes) throws Json.SyntaxError {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            start = 3;
        }
        String wide = wideEncoding(bytes);
        if (wide != null) {
            throw new Json.SyntaxError("the file is not UTF-8 text (it looks like " + wide
                    + "); save it as UTF-8", 1, 1, "$");
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            throw notUtf8(bytes, start, in.position(), r.length());
        }
        r = d.flush(out);
        if (r.isError()) {
            throw notUtf8(bytes, start, in.position(), r.length());
        }
        out.flip();
        return out.toString();
    }

    /** "UTF-16" or "UTF-32" when the first bytes hold a NUL or a wide byte order mark, else null. */
    private static String wideEncoding(byte[] b) {
        if (b.length >= 2 && ((b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff
                || (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe)) {
            return b.length >= 4 && b[2] == 0 && b[3] == 0 ? "UTF-32" : "UTF-16";
        }
        int n = Math.min(4, b.length);
        int nuls = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                nuls++;
            }
        }
        if (nuls == 0) {
            return null;
        }
        return nuls >= 2 && n == 4 && (b[0] == 0 && b[1] == 0 || b[2] == 0 && b[3] == 0 || b[0] == 0 && b[3] == 0)
                ? "UTF-32 or UCS-4" : "UTF-16";
    }

    /** Where the bad bytes are, as a line and a column counted in characters, and which bytes they are. */
    private static Json.SyntaxError notUtf8(byte[] bytes, int start, int at, int length) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        for (int i = lineStart; i < at; i++) {
            if ((bytes[i] & 0xc0) != 0x80) {
                column++;
            }
        }
        StringBuilder hex = new StringBuilder();
        for (int i = at; i < Math.min(bytes.length, at + Math.max(1, length)); i++) {
            hex.append(hex.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X", bytes[i] & 0xff));
        }
        return new Json.SyntaxError("the file is not valid UTF-8 (bytes " + hex + " here); save it as UTF-8",
                line, column, "$");
    }
}
