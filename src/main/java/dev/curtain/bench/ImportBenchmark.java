package dev.curtain.bench;

import dev.curtain.importer.ImportResult;
import dev.curtain.importer.ProgressListener;
import dev.curtain.importer.SchedtraceImport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the schedtrace importer on a generated log ({@link SyntheticSchedtrace}): MB/s, events, and the peak heap
 * the import needed. Run it alone in its JVM so the peak is the import's:
 * {@code java -Xmx2g -cp target/classes dev.curtain.bench.ImportBenchmark [MB] [procs] [detailed|summary]}.
 */
public final class ImportBenchmark {
    private ImportBenchmark() {
    }

    /** What one import measured. */
    public record Result(double megabytes, double seconds, int keyframes, int events, long peakHeapBytes,
                         long retainedBytes) {
        public double megabytesPerSecond() {
            return megabytes / seconds;
        }
    }

    public static Result run(Path log) throws IOException {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        ImportResult r = SchedtraceImport.read(log, ProgressListener.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.isRefused()) {
            throw new IllegalStateException(r.refusal());
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        // What the imported recording keeps once the garbage of reading is gone: what playing it costs.
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Result(Files.size(log) / 1e6, seconds, r.keyframes().size(), r.recording().size(), peak,
                retained);
    }

    public static void main(String[] args) throws IOException {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int procs = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        boolean detailed = args.length <= 2 || !args[2].equals("summary");
        Path log = Files.createTempFile("curtain-import-bench", ".log");
        try {
            int blocks = SyntheticSchedtrace.write(log, mb * 1_000_000L, procs, detailed, 1);
            Result res = run(log);
            System.out.printf("import %s log: %.0f MB, %d Ps, %d blocks -> %d keyframes, %d events in %.2f s: "
                            + "%.1f MB/s, peak heap %.0f MB, retained %.0f MB%n", detailed ? "detailed" : "summary",
                    res.megabytes(), procs, blocks, res.keyframes(), res.events(), res.seconds(),
                    res.megabytesPerSecond(), res.peakHeapBytes() / 1e6, res.retainedBytes() / 1e6);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
