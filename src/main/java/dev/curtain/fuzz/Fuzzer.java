package dev.curtain.fuzz;

import dev.curtain.engine.Recording;
import dev.curtain.importer.ImportResult;
import dev.curtain.importer.ImportWarning;
import dev.curtain.importer.ProgressListener;
import dev.curtain.importer.SchedtraceImport;
import dev.curtain.scenario.LoadResult;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Feeds mutants of seed inputs to the scenario reader (then saves and reloads what it accepts) and to the schedtrace
 * importer, and records every input that ends any other way than "the format's own error or a valid result": an
 * exception, a save that does not read back equal, a recording that cannot be replayed, or an input that took longer
 * than the hang bound. The wall clock only measures; which inputs are tried depends on the seed alone.
 */
public final class Fuzzer {
    /** An input that broke the rule, with what happened. */
    public record Finding(String kind, String target, String seed, byte[] input, String message) {
    }

    /** What a run tried and found. */
    public record Totals(long inputs, long scenarioInputs, long logInputs, long accepted, long unreachableBlocks,
                         List<Finding> findings, long slowestMillis, long peakHeapBytes) {
        public long crashes() {
            return findings.stream().filter(f -> !f.kind().equals("hang")).count();
        }

        public long hangs() {
            return findings.stream().filter(f -> f.kind().equals("hang")).count();
        }
    }

    /** A seed input: a shipped lesson or a committed log, by name. */
    public record Seed(String name, byte[] bytes, boolean log) {
    }

    private final List<Seed> seeds;
    private final List<byte[]> all = new ArrayList<>();
    private final SplittableRandom random;
    private final Mutator mutator;
    private final Path scratch;
    private final long hangMillis;

    /**
     * @param scratch a folder for the logs the importer reads and the saves (the importer reads files)
     * @param hangMillis an input taking longer than this counts as a hang
     */
    public Fuzzer(List<Seed> seeds, long seed, Path scratch, long hangMillis) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seed inputs");
        }
        this.seeds = List.copyOf(seeds);
        seeds.forEach(s -> all.add(s.bytes()));
        this.random = new SplittableRandom(seed);
        this.mutator = new Mutator(random);
        this.scratch = scratch;
        this.hangMillis = hangMillis;
    }

    /** Tries inputs until {@code maxInputs} are done or {@code clock} passes {@code deadlineNanos}. */
    public Totals run(long maxInputs, LongSupplier clock, long deadlineNanos) throws IOException {
        List<Finding> findings = new ArrayList<>();
        long inputs = 0;
        long scenarios = 0;
        long logs = 0;
        long accepted = 0;
        long unreachable = 0;
        long slowest = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        Path log = scratch.resolve("fuzz-input.log");
        Path saved = scratch.resolve("fuzz-saved.json");
        while (inputs < maxInputs && clock.getAsLong() < deadlineNanos) {
            Seed seed = seeds.get(random.nextInt(seeds.size()));
            byte[] input = mutator.mutate(seed.bytes(), all);
            inputs++;
            long t0 = System.nanoTime();
            String target = seed.log() ? "schedtrace importer" : "scenario reader";
            try {
                if (seed.log()) {
                    logs++;
                    Files.write(log, input);
                    ImportResult r = SchedtraceImport.read(log, ProgressListener.NONE);
                    if (!r.isRefused()) {
                        accepted++;
                        Recording rec = r.recording();
                        // Every recording replays: a seek folds from a snapshot, so a bad event would throw here.
                        rec.stateAt(rec.size() / 2);
                        rec.stateAt(rec.size());
                        for (ImportWarning w : r.warnings()) {
                            if (w.message().contains("contradicts itself")) {
                                unreachable++;
                            }
                            if (w.message().contains("Exception") || w.message().contains("(at ")) {
                                findings.add(new Finding("internal message", target, seed.name(), input,
                                        w.message()));
                            }
                        }
                    } else if (r.refusal().contains("Exception")) {
                        findings.add(new Finding("internal message", target, seed.name(), input, r.refusal()));
                    }
                } else {
                    scenarios++;
                    LoadResult r = ScenarioFiles.parse(input, "fuzz.json");
                    if (r.ok()) {
                        accepted++;
                        target = "save round-trip";
                        Scenario s = r.scenario();
                        LoadResult back = ScenarioFiles.parse(ScenarioFiles.toJson(s), "fuzz.json");
                        if (!back.ok() || !back.scenario().equals(s)) {
                            findings.add(new Finding("round-trip", target, seed.name(), input,
                                    back.ok() ? "reads back different" : back.errors().get(0).format()));
                        } else if (inputs % 16 == 0) {
                            ScenarioFiles.save(s, saved);
                            LoadResult disk = ScenarioFiles.load(saved);
                            if (!disk.ok() || !disk.scenario().equals(s)) {
                                findings.add(new Finding("round-trip", target, seed.name(), input,
                                        "the saved file reads back different"));
                            }
                        }
                    } else if (r.errors().isEmpty()) {
                        findings.add(new Finding("no error", target, seed.name(), input, "refused without an error"));
                    }
                }
            } catch (IOException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                // save() refuses a scenario the format cannot hold: that must never happen for one it read.
                findings.add(new Finding("crash", target, seed.name(), input, trace(e)));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                findings.add(new Finding("crash", target, seed.name(), input, trace(e)));
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            slowest = Math.max(slowest, ms);
            if (ms > hangMillis) {
                findings.add(new Finding("hang", target, seed.name(), input, "took " + ms + " ms"));
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Files.deleteIfExists(log);
        Files.deleteIfExists(saved);
        return new Totals(inputs, scenarios, logs, accepted, unreachable, findings, slowest, peak);
    }

    private static String trace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
