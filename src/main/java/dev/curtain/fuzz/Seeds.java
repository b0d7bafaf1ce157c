package dev.curtain.fuzz;

import dev.curtain.scenario.Lessons;
import dev.curtain.scenario.ScenarioFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The fuzzer's seed inputs: the shipped lessons (from the classpath) and the logs in a folder. */
public final class Seeds {
    private Seeds() {
    }

    /** The fifteen lessons as their files' bytes. */
    public static List<Fuzzer.Seed> lessons() {
        List<Fuzzer.Seed> out = new ArrayList<>();
        for (String name : Lessons.ALL) {
            try (InputStream in = Seeds.class.getClassLoader().getResourceAsStream(ScenarioFiles.RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new IllegalStateException("lesson missing from the build: " + name);
                }
                out.add(new Fuzzer.Seed(name, in.readAllBytes(), false));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Every {@code *.log} in {@code dir}, in name order (none if the folder does not exist). */
    public static List<Fuzzer.Seed> logs(Path dir) throws IOException {
        List<Fuzzer.Seed> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                out.add(new Fuzzer.Seed(p.getFileName().toString(), Files.readAllBytes(p), true));
            }
        }
        return out;
    }
}
