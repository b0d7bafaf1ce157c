package dev.curtain.importer;

/**
 * Hears how far an import has got, and may stop it. Called on the importing thread, a few hundred times per file
 * at most, so an implementation may forward to a progress bar directly (a JavaFX {@code Task}'s
 * {@code updateProgress} and {@code isCancelled} fit as they are).
 */
public interface ProgressListener {
    /** A listener that ignores progress and never cancels. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void progress(double fraction) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** The fraction of the file read so far, from 0 to 1. */
    void progress(double fraction);

    /**
     * True to stop the import: {@link SchedtraceImport#read} then throws
     * {@link java.util.concurrent.CancellationException}.
     */
    boolean cancelled();
}
