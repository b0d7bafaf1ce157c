package dev.curtain.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.curtain.engine.Outcome;
import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.ProcessorRetaken;
import dev.curtain.engine.event.Event.SyscallEntered;
import dev.curtain.engine.state.SchedState;
import dev.curtain.gotrace.TraceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Real Go execution traces as recordings: real ids, every thread and goroutine Go's parser counts. */
class GoTraceImportTest {
    static final List<String> ALL = TraceFixtures.ALL;

    private static ImportResult read(Path p) throws IOException {
        return GoTraceImport.read(p, ProgressListener.NONE);
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void everyFixturePlaysToTheEndWithGosCounts(String name) throws IOException {
        ImportResult r = read(TraceFixtures.trace(name));
        assertFalse(r.isRefused(), () -> r.refusal());
        assertTrue(r.warnings().isEmpty(), () -> name + ": " + r.warnings());
        Recording rec = r.recording();
        assertEquals(Outcome.IMPORTED, rec.outcome());
        assertEquals(TraceFixtures.expectedCount(name, "threads"), r.threads().size(), name + " threads");
        assertEquals(TraceFixtures.expectedCount(name, "goroutines"), r.goroutines().size(), name + " goroutines");
        assertEquals(TraceFixtures.expectedCount(name, "gomaxprocs"), rec.finalState().gomaxprocs(), name);
        // The header's release: Go 1.24 writes the Go 1.23 format.
        String release = name.substring(name.length() - 4);
        assertEquals(release.equals("1.24") ? "1.23" : release, r.goVersion());
        assertEquals(TraceFixtures.expectedCount(name, "generations"), r.keyframes().size(), name + " generations");
        // Real goids: goroutine 1 is main, and the ids are the trace's, not renumbered.
        assertTrue(r.goroutines().stream().anyMatch(g -> g.g() == 1 && g.name().contains("main")));
        TreeSet<Long> ids = new TreeSet<>();
        r.goroutines().forEach(g -> ids.add(g.g()));
        assertEquals(r.goroutines().size(), ids.size(), "one entry per goid");
        // The engine's threads are the trace's threads, one box each.
        assertEquals(r.threads().size(), rec.finalState().threads().size());
    }

    @Test
    void blockingSyscallsShowTheirPRetakenAsTheTraceSays() throws IOException {
        Recording rec = read(TraceFixtures.trace("mixed-go1.23")).recording();
        long syscalls = rec.events().stream().filter(e -> e instanceof SyscallEntered).count();
        long retakes = rec.events().stream().filter(e -> e instanceof ProcessorRetaken).count();
        assertTrue(syscalls > 10, syscalls + " syscalls");
        assertTrue(retakes > 0, "the nanosleeps are long enough for sysmon to retake a P");
    }

    @Test
    void gomaxprocsChangesAreReplayed() throws IOException {
        Recording rec = read(TraceFixtures.trace("mixed-go1.22")).recording();
        TreeSet<Integer> seen = new TreeSet<>();
        for (Event e : rec.events()) {
            if (e instanceof Event.ProcessorsResized pr) {
                seen.add(pr.to());
            }
        }
        assertTrue(seen.contains(2) && seen.contains(4), "GOMAXPROCS 4 -> 2 -> 4: " + seen);
    }

    @Test
    void aBlockingStepCarriesTheStackTheTraceRecorded() throws IOException {
        ImportResult r = read(TraceFixtures.trace("chan-go1.23"));
        Recording rec = r.recording();
        String stack = "";
        for (int i = 0; i < rec.size() && !stack.contains("main.channels"); i++) {
            if (rec.event(i) instanceof Event.GoroutineParked) {
                stack = r.traceStacks().at(i);
            }
        }
        // The workers block receiving from the jobs channel, in main.channels' closure.
        assertTrue(stack.contains("main.channels") && stack.contains("main.go:"), stack);
        assertTrue(r.traceStacks().distinct() > 3);
        assertEquals("", r.traceStacks().at(0), "the runtime's start has no stack");
    }

    @Test
    void aCancelledImportStopsAndProgressOnlyGrows() {
        List<Double> seen = new java.util.ArrayList<>();
        ProgressListener cancelling = new ProgressListener() {
            @Override
            public void progress(double fraction) {
                seen.add(fraction);
            }

            @Override
            public boolean cancelled() {
                return seen.size() >= 3;
            }
        };
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> GoTraceImport.read(TraceFixtures.trace("mixed-go1.22"), cancelling));
        assertTrue(seen.get(2) > seen.get(1) && seen.get(2) < 1.0, seen.toString());
    }

    @Test
    void aGo119TraceIsRefusedWithTheSupportedVersions() throws IOException {
        ImportResult r = read(TraceFixtures.dir().resolve("chan-go1.19.trace"));
        assertTrue(r.isRefused());
        assertTrue(r.refusal().startsWith("chan-go1.19.trace: ") && r.refusal().contains("Go 1.22 to Go 1.25"),
                r.refusal());
    }

    @Test
    void aTruncatedTraceImportsWhatItHoldsWithAWarning(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(TraceFixtures.trace("ticker-go1.23"));
        Path cut = dir.resolve("cut.trace");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 3 / 4));
        ImportResult r = read(cut);
        assertFalse(r.isRefused(), () -> r.refusal());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).message().contains("breaks off"), r.warnings().toString());
        SchedState end = r.recording().finalState();
        assertEquals(Outcome.IMPORTED, end.outcome());
    }

    @Test
    void aTraceCutInsideItsFirstGenerationIsRefusedWithTheFileName(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(TraceFixtures.trace("chan-go1.23"));
        Path cut = dir.resolve("cut.trace");
        Files.write(cut, java.util.Arrays.copyOf(bytes, 200));
        ImportResult r = read(cut);
        assertTrue(r.isRefused());
        assertTrue(r.refusal().startsWith("cut.trace"), r.refusal());
    }

    @Test
    void detectionIsByContent(@TempDir Path dir) throws IOException {
        assertTrue(GoTraceImport.looksLikeGoTrace(TraceFixtures.trace("chan-go1.22")));
        assertTrue(GoTraceImport.looksLikeGoTrace(TraceFixtures.dir().resolve("chan-go1.19.trace")));
        Path log = dir.resolve("trace.out");
        Files.writeString(log, "SCHED 0ms: gomaxprocs=4 idleprocs=3 threads=5\n");
        assertFalse(GoTraceImport.looksLikeGoTrace(log));
    }
}
