package dev.curtain.gotrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The reader against Go's own parser, on real traces from Go 1.22 to 1.25 (see the fixtures' README). */
class GoTraceReaderTest {
    static final List<String> ALL = TraceFixtures.ALL;

    @ParameterizedTest
    @ValueSource(strings = {"chan-go1.22", "chan-go1.23", "chan-go1.24", "chan-go1.25", "ticker-go1.22",
        "ticker-go1.23", "ticker-go1.24", "ticker-go1.25", "cpu-go1.22", "cpu-go1.23", "cpu-go1.24"})
    void everyEventMatchesGoLineForLine(String name) throws IOException {
        List<String> go = Files.readAllLines(TraceFixtures.dir().resolve(name + ".events"));
        List<TraceEvent> ours = TraceFixtures.events(TraceFixtures.trace(name));
        for (int i = 0; i < Math.min(go.size(), ours.size()); i++) {
            assertEquals(go.get(i), EventText.firstLine(ours.get(i)), name + ": event " + i);
        }
        assertEquals(go.size(), ours.size(), name + ": events");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void theWholeOrderHashesAsGosDoes(String name) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (TraceEvent e : TraceFixtures.events(TraceFixtures.trace(name))) {
            sha.update((EventText.firstLine(e) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(TraceFixtures.expected(name).getProperty("sha256"), HexFormat.of().formatHex(sha.digest()),
                name);
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void countsMatchGosParser(String name) {
        List<TraceEvent> events = TraceFixtures.events(TraceFixtures.trace(name));
        TreeSet<Long> threads = new TreeSet<>();
        TreeSet<Long> goroutines = new TreeSet<>();
        TreeSet<Long> procs = new TreeSet<>();
        long gens = 0;
        long syncs = 0;
        long gomaxprocs = -1;
        for (TraceEvent e : events) {
            if (e.thread() != -1) {
                threads.add(e.thread());
            }
            if (e.goroutine() != -1) {
                goroutines.add(e.goroutine());
            }
            if (EventText.goTransition(e) != null) {
                goroutines.add(EventText.transitionGoroutine(e));
            }
            switch (e.type()) {
                case EventType.SYNC -> {
                    syncs++;
                    gens += e.endsGeneration() ? 1 : 0;
                }
                case EventType.PROCS_CHANGE -> gomaxprocs = e.arg(0);
                case EventType.PROC_START, EventType.PROC_STEAL, EventType.PROC_STATUS -> procs.add(e.arg(0));
                case EventType.PROC_STOP -> procs.add(e.proc());
                default -> {
                }
            }
        }
        assertEquals(TraceFixtures.expectedCount(name, "events"), events.size(), name + " events");
        assertEquals(TraceFixtures.expectedCount(name, "generations"), gens, name + " generations");
        String goSyncs = TraceFixtures.expected(name).getProperty("syncs");
        assertEquals(goSyncs == null ? gens : Long.parseLong(goSyncs.trim()), syncs, name + " syncs");
        assertEquals(TraceFixtures.expectedCount(name, "threads"), threads.size(), name + " threads");
        assertEquals(TraceFixtures.expectedCount(name, "goroutines"), goroutines.size(), name + " goroutines");
        assertEquals(TraceFixtures.expectedCount(name, "procs"), procs.size(), name + " Ps");
        assertEquals(TraceFixtures.expectedCount(name, "gomaxprocs"), gomaxprocs, name + " GOMAXPROCS");
    }

    @Test
    void aGo119TraceIsRefusedNamingTheSupportedVersions() throws IOException {
        try (InputStream in = Files.newInputStream(TraceFixtures.dir().resolve("chan-go1.19.trace"))) {
            TraceFormatException e = assertThrows(TraceFormatException.class, () -> new GoTraceReader(in));
            assertTrue(e.getMessage().contains("Go 1.19") && e.getMessage().contains("Go 1.22 to Go 1.25"),
                    e.getMessage());
        }
    }

    @Test
    void aHeaderSayingGo124IsRefusedAsGosParserRefusesIt() {
        // Go 1.24 writes "go 1.23 trace"; Go's parser (1.24 and 1.25) knows no version 24.
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> new GoTraceReader(
                new ByteArrayInputStream("go 1.24 trace\0\0\0".getBytes(StandardCharsets.ISO_8859_1))));
        assertTrue(e.getMessage().contains("Go 1.24") && e.getMessage().contains("Go 1.23 format"), e.getMessage());
    }

    @Test
    void aGo126HeaderIsRefusedNamingTheSupportedVersions() {
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> new GoTraceReader(
                new ByteArrayInputStream("go 1.26 trace\0\0\0".getBytes(StandardCharsets.ISO_8859_1))));
        assertTrue(e.getMessage().contains("Go 1.26") && e.getMessage().contains("Go 1.22 to Go 1.25"),
                e.getMessage());
    }

    @Test
    void theVersionIsTheHeaders() throws IOException, TraceFormatException {
        assertEquals("1.23", reader("chan-go1.24").goVersion(), "Go 1.24 writes the Go 1.23 format");
        assertEquals("1.25", reader("chan-go1.25").goVersion());
    }

    /** A Go 1.25 trace of one generation that has only its sync batch: [type 50, frequency, clock snapshot]. */
    private static byte[] syncOnlyTrace(boolean withSnapshot) {
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        data.write(EventType.SYNC_BATCH);
        data.write(EventType.FREQUENCY);
        data.writeBytes(new byte[] {(byte) 0x80, (byte) 0x94, (byte) 0xeb, (byte) 0xdc, 0x03}); // 1e9 ticks/s
        if (withSnapshot) {
            data.write(EventType.CLOCK_SNAPSHOT);
            data.writeBytes(new byte[] {5, 7, 100, 0}); // 5 ticks after the batch; mono 7; wall 100 s, 0 ns
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("go 1.25 trace\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {EventType.EVENT_BATCH, 1, 3, 10, (byte) data.size()}); // gen 1, thread 3, time 10
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }

    @Test
    void aGo125SyncBatchGivesTheClockSnapshotOnTheGenerationsOpeningSync()
            throws IOException, TraceFormatException {
        GoTraceReader r = new GoTraceReader(new ByteArrayInputStream(syncOnlyTrace(true)));
        TraceEvent open = r.next();
        assertEquals(EventType.SYNC, open.type());
        assertTrue(!open.endsGeneration(), "the first Sync opens the trace");
        assertEquals(List.of(15L, 7L, 100L, 0L), java.util.Arrays.stream(open.clockSnapshot()).boxed().toList());
        assertEquals("M=-1 P=-1 G=-1 Sync Time=10 N=1 Trace=15 Mono=7 Wall=1970-01-01T00:01:40Z",
                EventText.firstLine(open));
        TraceEvent end = r.next();
        assertTrue(end.endsGeneration() && end.clockSnapshot() == null, "one more Sync ends the trace");
        assertEquals("M=-1 P=-1 G=-1 Sync Time=11 N=2", EventText.firstLine(end));
        assertEquals(null, r.next());
        assertEquals(1, r.generations());
    }

    @Test
    void aGo125GenerationWithoutAClockSnapshotIsBrokenAfterASyncAsInGo() throws IOException, TraceFormatException {
        GoTraceReader r = new GoTraceReader(new ByteArrayInputStream(syncOnlyTrace(false)));
        assertEquals(EventType.SYNC, r.next().type(), "Go 1.25's parser gives a Sync before the error");
        TraceFormatException e = assertThrows(TraceFormatException.class, r::next);
        assertTrue(e.getMessage().contains("no clock snapshot"), e.getMessage());
    }

    private static GoTraceReader reader(String name) throws IOException, TraceFormatException {
        return new GoTraceReader(new ByteArrayInputStream(Files.readAllBytes(TraceFixtures.trace(name))));
    }

    @Test
    void aFileThatIsNotATraceIsRefused() {
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> new GoTraceReader(new ByteArrayInputStream("SCHED 0ms: gomaxprocs=4".getBytes())));
        assertTrue(e.getMessage().contains("not a Go execution trace"), e.getMessage());
    }

    @Test
    void aTruncatedTraceYieldsItsCompleteGenerationsThenSaysWhereItBreaks() throws IOException, TraceFormatException {
        Path full = TraceFixtures.trace("ticker-go1.23");
        byte[] bytes = Files.readAllBytes(full);
        long fullCount = TraceFixtures.events(full).size();
        int cut = bytes.length * 3 / 4;
        GoTraceReader r = new GoTraceReader(new ByteArrayInputStream(java.util.Arrays.copyOf(bytes, cut)));
        int n = 0;
        int syncs = 0;
        TraceFormatException broke = null;
        try {
            for (TraceEvent e; (e = r.next()) != null; n++) {
                if (e.type() == EventType.SYNC) {
                    syncs++;
                }
            }
        } catch (TraceFormatException e) {
            broke = e;
        }
        assertTrue(broke != null, "a cut trace must say so");
        assertTrue(syncs >= 1 && n > 0 && n < fullCount, n + " events, " + syncs + " generations");
    }

    @Test
    void headerVersionReadsTheMinorRelease() {
        assertEquals(22, GoTraceReader.headerVersion("go 1.22 trace\0\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(19, GoTraceReader.headerVersion("go 1.19 trace\0\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(-1, GoTraceReader.headerVersion("go 1.x trace".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(-1, GoTraceReader.headerVersion("{\"version\":1}".getBytes(StandardCharsets.ISO_8859_1)));
    }
}
