package dev.curtain.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code key=value} pairs of one schedtrace line, in order. A word without {@code =} continues the previous
 * value (M lines print {@code preemptoff=} with a free-text reason that may contain spaces); a bracketed list,
 * {@code [0 0]} or {@code [ 0 0 ]}, is one value, under the key before it or under {@link #LIST} when it stands alone.
 * Unknown keys are kept but never required, so newer runtimes that print more fields still parse.
 */
final class Fields {
    /** The key of a bracketed list that follows no {@code key=} (the per-P run queue lengths of a summary line). */
    static final String LIST = "[]";

    private final List<String> keys = new ArrayList<>(12);
    private final List<String> values = new ArrayList<>(12);

    private Fields() {
    }

    /**
     * Words that continue the last value, gathered here and joined once: adding each to a string would copy the
     * whole value every time, and a megabyte of words without '=' took half a minute.
     */
    private StringBuilder continued;

    private void add(String key, String value) {
        endContinuation();
        keys.add(key);
        values.add(value);
    }

    private void endContinuation() {
        if (continued != null) {
            values.set(values.size() - 1, continued.toString());
            continued = null;
        }
    }

    /** Splits {@code line} from {@code from} into fields. */
    static Fields scan(String line, int from) throws BadLineException {
        Fields f = new Fields();
        int n = line.length();
        int i = from;
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '[') {
                int close = line.indexOf(']', i);
                if (close < 0) {
                    throw new BadLineException("unclosed '[' (the line is cut off?)");
                }
                f.add(LIST, line.substring(i + 1, close));
                i = close + 1;
                continue;
            }
            int end = i;
            while (end < n && line.charAt(end) != ' ' && line.charAt(end) != '\t') {
                end++;
            }
            // '=' within this word only: searching the rest of the line for each word made long lines quadratic.
            int eq = i;
            while (eq < end && line.charAt(eq) != '=') {
                eq++;
            }
            if (eq >= end) {
                if (f.values.isEmpty()) {
                    throw new BadLineException("expected key=value, found '" + line.substring(i, end) + "'");
                }
                if (f.continued == null) {
                    f.continued = new StringBuilder(f.values.get(f.values.size() - 1));
                }
                if (f.continued.length() > 0) {
                    f.continued.append(' ');
                }
                f.continued.append(line, i, end);
                i = end;
                continue;
            }
            String key = line.substring(i, eq);
            if (eq + 1 < n && line.charAt(eq + 1) == '[') {
                int close = line.indexOf(']', eq);
                if (close < 0) {
                    throw new BadLineException("unclosed '[' after " + key + "= (the line is cut off?)");
                }
                f.add(key, line.substring(eq + 2, close));
                i = close + 1;
                continue;
            }
            f.add(key, line.substring(eq + 1, end));
            i = end;
        }
        f.endContinuation();
        return f;
    }

    /** The value of {@code key}, or null when the line does not have it. */
    String get(String key) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).equals(key)) {
                return values.get(i);
            }
        }
        return null;
    }

    boolean has(String key) {
        return get(key) != null;
    }

    /** An integer field that must be there. */
    int requireInt(String key) throws BadLineException {
        String v = get(key);
        if (v == null) {
            throw new BadLineException("missing " + key + "=");
        }
        return toInt(key, v, parseLong(key, v));
    }

    /** An integer field, or {@code absent} when the line does not have it. */
    int optInt(String key, int absent) throws BadLineException {
        String v = get(key);
        return v == null ? absent : toInt(key, v, parseLong(key, v));
    }

    /** The value as an int, refusing what does not fit (4294967298 once read as 2). */
    static int toInt(String key, String text, long v) throws BadLineException {
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new BadLineException(key + "=" + text + " is too large");
        }
        return (int) v;
    }

    /** An id field: {@code -1} and {@code nil} both mean none (-1). */
    long requireId(String key) throws BadLineException {
        String v = get(key);
        if (v == null) {
            throw new BadLineException("missing " + key + "=");
        }
        return parseId(key, v);
    }

    long optId(String key) throws BadLineException {
        String v = get(key);
        return v == null ? -1 : parseId(key, v);
    }

    /** A flag printed as {@code true/false} (newer) or {@code 1/0} (older uint32 fields). */
    boolean optBool(String key) throws BadLineException {
        String v = get(key);
        if (v == null || v.equals("false") || v.equals("0")) {
            return false;
        }
        if (v.equals("true") || v.equals("1")) {
            return true;
        }
        throw new BadLineException(key + "=" + v + " is not a boolean");
    }

    static long parseId(String key, String v) throws BadLineException {
        if (v.equals("nil")) {
            return -1;
        }
        long id = parseLong(key, v);
        return id < 0 ? -1 : id;
    }

    static long parseLong(String key, String v) throws BadLineException {
        int n = v.length();
        if (n == 0) {
            throw new BadLineException(key + "= has no value");
        }
        int i = 0;
        boolean neg = false;
        if (v.charAt(0) == '-') {
            neg = true;
            i = 1;
            if (n == 1) {
                throw new BadLineException(key + "=- is not a number");
            }
        }
        long x = 0;
        for (; i < n; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new BadLineException(key + "=" + v + " is not a number");
            }
            x = x * 10 + (c - '0');
            if (x > 1_000_000_000_000_000L) {
                throw new BadLineException(key + "=" + v + " is too large");
            }
        }
        return neg ? -x : x;
    }

    /** The numbers of a bracketed list, with or without inner spaces. */
    static long[] parseList(String key, String inner) throws BadLineException {
        long[] out = new long[8];
        int count = 0;
        int n = inner.length();
        int i = 0;
        while (i < n) {
            while (i < n && inner.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            int end = i;
            while (end < n && inner.charAt(end) != ' ') {
                end++;
            }
            if (count == out.length) {
                out = java.util.Arrays.copyOf(out, count * 2);
            }
            out[count++] = parseLong(key, inner.substring(i, end));
            i = end;
        }
        return java.util.Arrays.copyOf(out, count);
    }
}
