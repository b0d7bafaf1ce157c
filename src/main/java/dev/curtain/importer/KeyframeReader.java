package dev.curtain.importer;

import dev.curtain.importer.TraceLine.GLine;
import dev.curtain.importer.TraceLine.Header;
import dev.curtain.importer.TraceLine.MLine;
import dev.curtain.importer.TraceLine.PLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams a log into {@link Keyframe}s, one block at a time, so a 100 MB log never sits in memory. Program output
 * between (or inside) blocks is ignored; unreadable trace lines go to the warning sink with their line numbers and
 * are skipped. A detailed block missing P or M lines is dropped with a warning (it would tell where some Ps and Ms
 * are and not others); a last block cut inside its G lines is kept as {@link Keyframe#partial()}.
 */
final class KeyframeReader {
    private final LineSource source;
    private final Consumer<ImportWarning> warnings;
    private Header header;
    private long headerLine;
    private final List<PLine> ps = new ArrayList<>();
    private final List<MLine> ms = new ArrayList<>();
    private final List<GLine> gs = new ArrayList<>();
    private boolean lastLineBad;
    private boolean orphanWarned;
    private long traceLines;
    private String headerText;
    private String pText;

    KeyframeReader(LineSource source, Consumer<ImportWarning> warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    /** How many lines so far were schedtrace output (headers, P, M and G lines). */
    long traceLines() {
        return traceLines;
    }

    /** The next complete keyframe, or null at the end of the log. */
    Keyframe next() throws IOException {
        while (true) {
            String text = source.next();
            if (text == null) {
                return finish(true);
            }
            long n = source.lineNumber();
            TraceLine parsed;
            try {
                parsed = LineParser.parse(text);
            } catch (BadLineException e) {
                lastLineBad = true;
                String why = source.lastLineComplete() ? e.getMessage() : "cut off at the end of the file";
                warnings.accept(new ImportWarning(n, why + ": " + abbreviate(text)));
                if (LineParser.headerStart(text) >= 0) {
                    // The P, M and G lines that follow belong to a block without a header: skip them all rather
                    // than mix them into the previous block.
                    Keyframe done = finish(false);
                    orphanWarned = true;
                    if (done != null) {
                        return done;
                    }
                }
                continue;
            }
            if (parsed == null) {
                continue;
            }
            if (!source.lastLineComplete() && !(parsed instanceof Header)) {
                // The last line parsed, but a number in it may be cut short ("runqsize=1" of "runqsize=12"). A
                // header that parses is whole where it matters: its run queue list, or the fields after runqueue=.
                lastLineBad = true;
                warnings.accept(new ImportWarning(n, "cut off at the end of the file: " + abbreviate(text)));
                continue;
            }
            lastLineBad = false;
            traceLines++;
            if (headerText == null && parsed instanceof Header) {
                headerText = text;
            } else if (pText == null && parsed instanceof PLine) {
                pText = text;
            }
            if (parsed instanceof Header h) {
                Keyframe done = finish(false);
                header = h;
                headerLine = n;
                orphanWarned = false;
                if (done != null) {
                    return done;
                }
                continue;
            }
            if (header == null || !header.detailed()) {
                if (!orphanWarned) {
                    warnings.accept(new ImportWarning(n, "P/M/G line outside a detailed SCHED block: skipped"));
                    orphanWarned = true;
                }
                continue;
            }
            if (parsed instanceof PLine p) {
                ps.add(p);
            } else if (parsed instanceof MLine m) {
                ms.add(m);
            } else if (parsed instanceof GLine g) {
                gs.add(g);
            }
        }
    }

    /**
     * The Go version the log's format points to, as an engine profile ("1.25", "1.22", "1.14", "1.10", "1.5"):
     * fields appear in known releases (docs/importer.md), so the first block tells roughly which runtime wrote it.
     */
    String versionHint() {
        String h = headerText == null ? "" : headerText;
        String p = pText == null ? "" : pText;
        if (h.contains("schedticks=")) {
            return "1.25";
        }
        if (h.contains("needspinning=") || p.contains("m=nil") || h.contains("gcwaiting=false")
                || h.contains("gcwaiting=true")) {
            return "1.22";
        }
        if (p.contains("timerslen=")) {
            return "1.14";
        }
        if (p.contains(" tick=")) {
            return "1.5";
        }
        return pText == null ? "1.14" : "1.10";
    }

    private Keyframe finish(boolean atEnd) {
        if (header == null) {
            return null;
        }
        Header h = header;
        header = null;
        try {
            if (!h.detailed()) {
                return new Keyframe(headerLine, h, List.of(), List.of(), List.of(), false);
            }
            boolean[] seen = new boolean[h.gomaxprocs()];
            int distinct = 0;
            for (PLine p : ps) {
                if (p.id() < seen.length && !seen[p.id()]) {
                    seen[p.id()] = true;
                    distinct++;
                }
            }
            if (distinct < h.gomaxprocs() || ms.isEmpty()) {
                String where = atEnd ? "the last block" : "block";
                warnings.accept(new ImportWarning(headerLine, where + " has " + distinct + " of "
                        + h.gomaxprocs() + " P lines and " + ms.size() + " M lines"
                        + (atEnd ? " (the log is cut off)" : "") + ": dropped"));
                return null;
            }
            boolean partial = atEnd && lastLineBad;
            if (partial) {
                warnings.accept(new ImportWarning(headerLine, "the last block is cut off in its G lines: "
                        + "goroutines it does not list keep their previous state"));
            }
            return new Keyframe(headerLine, h, ps, ms, gs, partial);
        } finally {
            ps.clear();
            ms.clear();
            gs.clear();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
