package dev.curtain.cli;

import dev.curtain.importer.GoTraceImport;
import dev.curtain.importer.ImportResult;
import dev.curtain.importer.ImportWarning;
import dev.curtain.importer.LogImport;
import dev.curtain.importer.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * A recording of a real run (a Go execution trace or a schedtrace log) for the commands: read, refused with the
 * importer's message, or returned with its warnings printed as {@code FILE:LINE: message} (a trace's warnings have
 * no line: {@code FILE: message}).
 */
final class ImportInput {
    private ImportInput() {
    }

    /** "a Go execution trace" or "a schedtrace log", for messages. */
    static String kind(Path file) {
        return GoTraceImport.looksLikeGoTrace(file) ? "a Go execution trace" : "a schedtrace log";
    }

    static ImportResult load(Path file, PrintWriter err) {
        return load(file, err, 1);
    }

    /** {@link #load(Path, PrintWriter)}, a Go trace from its generation {@code fromGeneration} (1: the start). */
    static ImportResult load(Path file, PrintWriter err, int fromGeneration) {
        ImportResult r;
        try {
            if (fromGeneration != 1 && !GoTraceImport.looksLikeGoTrace(file)) {
                throw new InvalidInputException(file + " is " + kind(file) + ": --from-generation applies to Go "
                        + "execution traces only");
            }
            if (fromGeneration < 1) {
                throw new InvalidInputException("--from-generation: must be 1 or more, not " + fromGeneration);
            }
            r = fromGeneration == 1 ? LogImport.read(file, ProgressListener.NONE)
                    : GoTraceImport.read(file, ProgressListener.NONE, fromGeneration);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage());
        }
        if (r.isRefused()) {
            throw new InvalidInputException(r.refusal());
        }
        for (ImportWarning w : r.warnings()) {
            err.println(w.line() > 0 ? file + ":" + w.line() + ": skipped: " + w.message() : file + ": " + w.message());
        }
        if (r.warningCount() > r.warnings().size()) {
            err.println(file + ": " + (r.warningCount() - r.warnings().size()) + " more lines skipped");
        }
        err.flush();
        return r;
    }
}
