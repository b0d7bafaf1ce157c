package dev.curtain.importer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one door for recordings of real runs, told apart by content (never by file name): a Go execution trace
 * starts with {@code "go 1.N trace"}, a schedtrace log has a {@code SCHED} line near its start. The app, the CLI
 * and the benchmark call this rather than either importer.
 */
public final class LogImport {
    private LogImport() {
    }

    /** Whether the file is a recording of a real run this package imports (rather than, say, a scenario). */
    public static boolean looksLikeImport(Path file) {
        return GoTraceImport.looksLikeGoTrace(file) || SchedtraceImport.looksLikeSchedtrace(file);
    }

    /** Reads a Go execution trace or a schedtrace log, whichever the file is; see the two importers. */
    public static ImportResult read(Path file, ProgressListener listener) throws IOException {
        return GoTraceImport.looksLikeGoTrace(file) ? GoTraceImport.read(file, listener)
                : SchedtraceImport.read(file, listener);
    }
}
