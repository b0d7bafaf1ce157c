package dev.curtain.app;

import dev.curtain.importer.GoTraceImport;
import dev.curtain.importer.ImportResult;
import dev.curtain.importer.LogImport;
import dev.curtain.importer.ProgressListener;
import dev.curtain.scenario.Scenario;
import dev.curtain.view.model.ImportedRun;
import java.nio.file.Path;
import javafx.concurrent.Task;

/**
 * Opening a GODEBUG=schedtrace log or a Go execution trace in the window: the import runs in a background task
 * with progress and cancel (a 100 MB log takes seconds), and the result is shown as a recording with one timeline
 * marker per block (per generation for a trace).
 */
public final class LogOpening {
    private LogOpening() {
    }

    /** The import as a cancellable task reporting its progress. */
    static Task<ImportResult> task(Path file) {
        return task(file, 1);
    }

    /** The import of a Go trace from its generation {@code fromGeneration} (1: the start, or a schedtrace log). */
    static Task<ImportResult> task(Path file, int fromGeneration) {
        return new Task<>() {
            @Override
            protected ImportResult call() throws Exception {
                updateMessage("Reading " + file.getFileName() + " …");
                ProgressListener listener = new ProgressListener() {
                    @Override
                    public void progress(double fraction) {
                        updateProgress(fraction, 1);
                    }

                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }
                };
                return fromGeneration > 1 ? GoTraceImport.read(file, listener, fromGeneration)
                        : LogImport.read(file, listener);
            }
        };
    }

    /** What the window shows about an import: its name, its GOMAXPROCS, a marker per block; no program to re-run. */
    public static Scenario describe(Path file, ImportResult r) {
        return ImportedRun.describe(file, r);
    }

    /** Where to start: after the burst that sets up the first block (or the trace's first statuses). */
    public static int openingIndex(ImportResult r) {
        return r.openingIndex();
    }
}
