package dev.curtain.gotrace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The real traces under {@code src/test/resources/gotrace} and what Go's own parser says of them. */
public final class TraceFixtures {
    /**
     * The fixtures, by file name without extension, each with what the parser of the Go release that wrote it says
     * of it (Go 1.24's trace has the Go 1.23 format).
     */
    public static final List<String> ALL = List.of("chan-go1.22", "chan-go1.23", "chan-go1.24", "chan-go1.25",
            "ticker-go1.22", "ticker-go1.23", "ticker-go1.24", "ticker-go1.25", "cpu-go1.22", "cpu-go1.23",
            "cpu-go1.24", "cpu-go1.25", "mixed-go1.22", "mixed-go1.23", "mixed-go1.24", "mixed-go1.25");

    private TraceFixtures() {
    }

    public static Path dir() {
        try {
            return Path.of(TraceFixtures.class.getResource("/gotrace").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path trace(String name) {
        return dir().resolve(name + ".trace");
    }

    /** The counts in {@code NAME.expected}. */
    public static Properties expected(String name) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir().resolve(name + ".expected"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static long expectedCount(String name, String key) {
        return Long.parseLong(expected(name).getProperty(key).trim());
    }

    /** Every event of a fixture, read to the end. */
    public static List<TraceEvent> events(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            GoTraceReader r = new GoTraceReader(in);
            List<TraceEvent> out = new ArrayList<>();
            for (TraceEvent e; (e = r.next()) != null; ) {
                out.add(e);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TraceFormatException e) {
            throw new AssertionError(file + ": " + e.getMessage(), e);
        }
    }
}
