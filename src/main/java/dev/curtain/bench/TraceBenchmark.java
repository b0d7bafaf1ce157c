package dev.curtain.bench;

import dev.curtain.gotrace.EventText;
import dev.curtain.gotrace.GoTraceReader;
import dev.curtain.gotrace.TraceEvent;
import dev.curtain.gotrace.TraceFormatException;
import dev.curtain.importer.GoTraceImport;
import dev.curtain.importer.ImportResult;
import dev.curtain.importer.ProgressListener;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Measures the Go execution-trace reader on a real trace: the events in Go's order (what Go's own parser does,
 * the baseline {@code src/test/go/trace/tracecount} measures on the same file), then the whole import into a
 * recording. Run it alone in its JVM so the peak heap is the reader's:
 * {@code java -Xmx256m -cp target/classes dev.curtain.bench.TraceBenchmark big.trace}.
 */
public final class TraceBenchmark {
    private TraceBenchmark() {
    }

    /** One read: events, distinct threads and goroutines, time and peak heap. */
    public record Result(double megabytes, long events, int threads, int goroutines, double seconds,
                         long peakHeapBytes) {
        public double megabytesPerSecond() {
            return megabytes / seconds;
        }
    }

    public static Result read(Path trace) throws IOException, TraceFormatException {
        resetPeaks();
        long t0 = System.nanoTime();
        long n = 0;
        Set<Long> threads = new HashSet<>();
        Set<Long> goroutines = new HashSet<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(trace), 1 << 16)) {
            GoTraceReader r = new GoTraceReader(in);
            for (TraceEvent e; (e = r.next()) != null; n++) {
                if (e.thread() != -1) {
                    threads.add(e.thread());
                }
                // Counted as the Go baseline counts them: the goroutines of state transitions.
                if (EventText.goTransition(e) != null) {
                    goroutines.add(EventText.transitionGoroutine(e));
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return new Result(Files.size(trace) / 1e6, n, threads.size(), goroutines.size(), s, peak());
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    public static void main(String[] args) throws IOException, TraceFormatException {
        Path trace = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int i = 0; i < rounds; i++) {
            Result r = read(trace);
            System.out.printf(java.util.Locale.ROOT, "read %d: %.0f MB, %d events, %d threads, %d goroutines in "
                            + "%.2f s: %.1f MB/s, %.0f events/s, peak heap %.0f MB%n", i + 1, r.megabytes(),
                    r.events(), r.threads(), r.goroutines(), r.seconds(), r.megabytesPerSecond(),
                    r.events() / r.seconds(), r.peakHeapBytes() / 1e6);
        }
        if (args.length > 2 && args[2].equals("import")) {
            resetPeaks();
            long t0 = System.nanoTime();
            ImportResult r = GoTraceImport.read(trace, ProgressListener.NONE);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "import: %d recorded steps, %d threads, %d goroutines in %.2f s,"
                            + " peak heap %.0f MB; %s%n", r.recording().size(), r.threads().size(),
                    r.goroutines().size(), s, peak() / 1e6, r.warnings());
        }
    }
}
