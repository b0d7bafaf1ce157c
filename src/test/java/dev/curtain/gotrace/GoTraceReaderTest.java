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

/** The reader against Go's own parser, on real traces from Go 1.22 and 1.23 (see the fixtures' README). */
class GoTraceReaderTest {
    static final List<String> ALL = TraceFixtures.ALL;

    @ParameterizedTest
    @ValueSource(strings = {"chan-go1.22", "chan-go1.23", "ticker-go1.22", "ticker-go1.23", "cpu-go1.22",
        "cpu-go1.23"})
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
                case EventType.SYNC -> gens++;
                case EventType.PROCS_CHANGE -> gomaxprocs = e.arg(0);
                case EventType.PROC_START, EventType.PROC_STEAL, EventType.PROC_STATUS -> procs.add(e.arg(0));
                case EventType.PROC_STOP -> procs.add(e.proc());
                default -> {
                }
            }
        }
        assertEquals(TraceFixtures.expectedCount(name, "events"), events.size(), name + " events");
        assertEquals(TraceFixtures.expectedCount(name, "generations"), gens, name + " generations");
        assertEquals(TraceFixtures.expectedCount(name, "threads"), threads.size(), name + " threads");
        assertEquals(TraceFixtures.expectedCount(name, "goroutines"), goroutines.size(), name + " goroutines");
        assertEquals(TraceFixtures.expectedCount(name, "procs"), procs.size(), name + " Ps");
        assertEquals(TraceFixtures.expectedCount(name, "gomaxprocs"), gomaxprocs, name + " GOMAXPROCS");
    }

    @Test
    void aGo119TraceIsRefusedNamingTheSupportedVersions() throws IOException {
        try (InputStream in = Files.newInputStream(TraceFixtures.dir().resolve("chan-go1.19.trace"))) {
            TraceFormatException e = assertThrows(TraceFormatException.class, () -> new GoTraceReader(in));
            assertTrue(e.getMessage().contains("Go 1.19") && e.getMessage().contains("Go 1.22 and Go 1.23"),
                    e.getMessage());
        }
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
