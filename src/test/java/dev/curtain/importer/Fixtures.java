package dev.curtain.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The captured and hand-written logs under {@code src/test/resources/schedtrace}. */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/schedtrace").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path log(String name) {
        return dir().resolve(name);
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportResult read(Path p) {
        try {
            return SchedtraceImport.read(p, ProgressListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportResult read(String name) {
        return read(log(name));
    }
}
