package dev.curtain.importer;

import dev.curtain.importer.TraceLine.GLine;
import dev.curtain.importer.TraceLine.Header;
import dev.curtain.importer.TraceLine.MLine;
import dev.curtain.importer.TraceLine.PLine;

/**
 * Classifies and reads one line of a log. Lines that are not schedtrace output (the program's own stdout and
 * stderr, which share the stream) give null; lines that start like schedtrace output but cannot be read throw
 * {@link BadLineException} so the reader can report them by line number.
 *
 * <p>Accepts every format docs/importer.md lists: Go 1.2 ({@code tick=}, {@code runqsize=n/cap}),
 * 1.5–1.13 ({@code -1}, {@code [0 0]}, no {@code timerslen=}), 1.14+ ({@code timerslen=}), the versions that print
 * {@code needspinning=} and {@code nil}, and 1.25+ ({@code [ 0 0 ] schedticks=[ … ]}); booleans as {@code 0/1} or
 * {@code false/true}; G status with the GC scan bit ({@code 4100}) and a parenthesised wait reason.
 */
final class LineParser {
    private static final String SCHED = "SCHED ";
    /**
     * Ids above this are not real M or P ids: a line that claims one is corrupt, not a huge runtime (the runtime
     * stops at 10,000 threads by default), and taking it at its word would create that many threads.
     */
    private static final long MAX_SMALL_ID = 100_000;
    /**
     * Threads one summary line may claim: the runtime stops at 10,000 unless the program raised the limit, and a
     * summary line's threads are drawn one by one (a million took 6 GB).
     */
    static final int MAX_THREADS = 10_000;
    /** More Ps than any machine a log comes from; each P costs a 256-slot ring in every snapshot. */
    private static final int MAX_GOMAXPROCS = 4096;

    private LineParser() {
    }

    /** The parsed line, or null when it is not schedtrace output. */
    static TraceLine parse(String line) throws BadLineException {
        int sched = headerStart(line);
        if (sched >= 0) {
            return header(line, sched);
        }
        int i = 0;
        int n = line.length();
        while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i + 2 >= n) {
            return null;
        }
        char kind = line.charAt(i);
        if (kind != 'P' && kind != 'M' && kind != 'G') {
            return null;
        }
        int digits = i + 1;
        int colon = digits;
        while (colon < n && Character.isDigit(line.charAt(colon))) {
            colon++;
        }
        if (colon == digits || colon >= n || line.charAt(colon) != ':' || line.indexOf('=', colon) < 0) {
            return null;
        }
        long id = Fields.parseLong(kind + "", line.substring(digits, colon));
        return switch (kind) {
            case 'P' -> pLine(line, colon + 1, id);
            case 'M' -> mLine(line, colon + 1, id);
            default -> gLine(line, colon + 1, id);
        };
    }

    /** Where {@code SCHED <digits>ms:} starts in the line, or -1. Program output may precede it on the same line. */
    static int headerStart(String line) {
        int at = line.indexOf(SCHED);
        while (at >= 0) {
            int i = at + SCHED.length();
            int d = i;
            while (d < line.length() && Character.isDigit(line.charAt(d))) {
                d++;
            }
            if (d > i && line.startsWith("ms:", d)) {
                return at;
            }
            at = line.indexOf(SCHED, at + 1);
        }
        return -1;
    }

    private static Header header(String line, int at) throws BadLineException {
        int msStart = at + SCHED.length();
        int msEnd = line.indexOf("ms:", msStart);
        long timeMs = Fields.parseLong("SCHED", line.substring(msStart, msEnd));
        Fields f = Fields.scan(line, msEnd + 3);
        int gomaxprocs = f.requireInt("gomaxprocs");
        if (gomaxprocs < 1 || gomaxprocs > MAX_GOMAXPROCS) {
            throw new BadLineException("gomaxprocs=" + gomaxprocs + " is out of range");
        }
        boolean detailed = f.has("gcwaiting") || f.has("stopwait") || f.has("nmidlelocked");
        int[] local = null;
        String list = f.get(Fields.LIST);
        if (list != null) {
            long[] lens = Fields.parseList("runqueue list", list);
            if (lens.length != gomaxprocs) {
                throw new BadLineException("per-P run queue list has " + lens.length + " entries, gomaxprocs="
                        + gomaxprocs + " (the line is cut off?)");
            }
            local = new int[lens.length];
            for (int i = 0; i < lens.length; i++) {
                local[i] = (int) nonNegative("runqueue list", lens[i]);
            }
        } else if (!detailed) {
            throw new BadLineException("a summary line without its per-P run queue list (the line is cut off?)");
        }
        long[] ticks = null;
        String tickList = f.get("schedticks");
        if (tickList != null) {
            ticks = Fields.parseList("schedticks", tickList);
        }
        int threads = (int) nonNegative("threads", f.requireInt("threads"));
        if (threads > MAX_THREADS) {
            throw new BadLineException("threads=" + threads + " is more than the " + MAX_THREADS
                    + " threads Curtain draws (the runtime's own default limit)");
        }
        return new Header(timeMs, gomaxprocs, (int) nonNegative("idleprocs", f.requireInt("idleprocs")), threads,
                (int) nonNegative("spinningthreads", f.optInt("spinningthreads", 0)), f.optInt("needspinning", -1),
                (int) nonNegative("idlethreads", f.requireInt("idlethreads")),
                (int) nonNegative("runqueue", f.requireInt("runqueue")), local, ticks, detailed);
    }

    /** A count the runtime prints from an unsigned or never-negative field: a minus sign means a corrupt line. */
    private static long nonNegative(String key, long v) throws BadLineException {
        if (v < 0) {
            throw new BadLineException(key + "=" + v + " is negative (a count cannot be)");
        }
        return v;
    }

    private static PLine pLine(String line, int from, long id) throws BadLineException {
        checkSmall("P", id);
        Fields f = Fields.scan(line, from);
        String tick = f.has("schedtick") ? "schedtick" : "tick";
        String runq = f.get("runqsize");
        if (runq == null) {
            throw new BadLineException("missing runqsize=");
        }
        int slash = runq.indexOf('/');
        int size = (int) Fields.parseLong("runqsize", slash >= 0 ? runq.substring(0, slash) : runq);
        long m = f.requireId("m");
        checkSmall("m", m);
        return new PLine((int) id, f.requireInt("status"), f.has(tick) ? Fields.parseLong(tick, f.get(tick)) : 0,
                (int) m, size);
    }

    private static MLine mLine(String line, int from, long id) throws BadLineException {
        checkSmall("M", id);
        Fields f = Fields.scan(line, from);
        long p = f.requireId("p");
        checkSmall("p", p);
        return new MLine((int) id, (int) p, f.requireId("curg"), f.optBool("spinning"), f.optBool("blocked"),
                f.optId("lockedg"));
    }

    private static GLine gLine(String line, int from, long goid) throws BadLineException {
        int st = line.indexOf("status=", from);
        if (st < 0) {
            throw new BadLineException("missing status=");
        }
        int i = st + "status=".length();
        int d = i;
        while (d < line.length() && Character.isDigit(line.charAt(d))) {
            d++;
        }
        if (d == i) {
            throw new BadLineException("status= has no number");
        }
        int status = (int) Fields.parseLong("status", line.substring(i, d));
        String reason = "";
        int rest = d;
        if (d < line.length() && line.charAt(d) == '(') {
            // Wait reasons nest parentheses: "force gc (idle)", "chan receive (nil chan)".
            int depth = 0;
            int j = d;
            for (; j < line.length(); j++) {
                char c = line.charAt(j);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            if (j >= line.length()) {
                throw new BadLineException("unclosed '(' after status (the line is cut off?)");
            }
            reason = line.substring(d + 1, j);
            rest = j + 1;
        }
        Fields f = Fields.scan(line, rest);
        long m = f.requireId("m");
        long lockedm = f.optId("lockedm");
        checkSmall("m", m);
        checkSmall("lockedm", lockedm);
        return new GLine(goid, status, reason, (int) m, (int) lockedm);
    }

    private static void checkSmall(String what, long id) throws BadLineException {
        if (id > MAX_SMALL_ID) {
            throw new BadLineException(what + "=" + id + " is not a plausible id");
        }
    }
}
