package dev.curtain.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Loading and saving scenario files (format version 1): the API the app and the command line use.
 *
 * <p>Loading never throws for bad content: every problem comes back in the {@link LoadResult} as
 * {@code FILE:LINE:COL: message}. A file can only describe a program; nothing in it is executed, and it cannot make
 * Curtain read another file or reach the network. Saving is atomic: the new text goes to a temporary file in the
 * same directory and is then moved over the old one, so a failure leaves the previous file as it was.
 */
public final class ScenarioFiles {
    /** The classpath folder the built-in lessons are copied to. */
    public static final String RESOURCE_DIR = "scenarios/";

    private ScenarioFiles() {
    }

    /** Reads and validates a scenario file. */
    public static LoadResult load(Path file) {
        String name = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                return failure(name, Files.exists(file) ? "not a regular file" : "no such file");
            }
            long size = Files.size(file);
            if (size > FormatV1.MAX_FILE_BYTES) {
                return failure(name, "the file is " + size + " bytes; scenarios are at most "
                        + FormatV1.MAX_FILE_BYTES + " bytes");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // Read at most one byte past the cap, in case the file grew since it was measured.
                bytes = in.readNBytes((int) FormatV1.MAX_FILE_BYTES + 1);
            }
            return parse(bytes, name);
        } catch (NoSuchFileException e) {
            return failure(name, "no such file");
        } catch (IOException e) {
            return failure(name, "cannot read the file: " + e.getMessage());
        }
    }

    /** Reads a built-in lesson from the classpath, for example {@code "01-hello-goroutine.json"}. */
    public static LoadResult loadResource(String name) {
        String path = name.startsWith(RESOURCE_DIR) ? name : RESOURCE_DIR + name;
        try (InputStream in = ScenarioFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return failure(path, "no built-in scenario named " + name);
            }
            return parse(in.readNBytes((int) FormatV1.MAX_FILE_BYTES + 1), path);
        } catch (IOException e) {
            return failure(path, "cannot read the built-in scenario: " + e.getMessage());
        }
    }

    /** The built-in default the app opens with: lesson 1. */
    public static LoadResult loadDefault() {
        return loadResource(Lessons.DEFAULT);
    }

    /** Where the JSON Schema of format version 1 lives on the classpath (for editors; the reader is stricter). */
    public static final String SCHEMA_RESOURCE = "dev/curtain/scenario/scenario-v1.schema.json";

    /** The JSON Schema of format version 1, as shipped in the jar. */
    public static String schema() {
        try (InputStream in = ScenarioFiles.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the schema is missing from the build: " + SCHEMA_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Validates scenario text; {@code fileName} is what error messages call it. */
    public static LoadResult parse(byte[] document, String fileName) {
        if (document.length > FormatV1.MAX_FILE_BYTES) {
            return failure(fileName, "the file is larger than " + FormatV1.MAX_FILE_BYTES
                    + " bytes, the most a scenario may be");
        }
        Json root;
        try {
            root = Json.parse(document, FormatV1.MAX_DEPTH);
        } catch (Json.SyntaxError e) {
            return LoadResult.failed(List.of(new ScenarioError(fileName, e.line(), e.column(), e.path(),
                    e.getMessage())), fileName);
        }
        return new ScenarioReader(fileName).read(root);
    }

    /** Validates scenario text given as a string. */
    public static LoadResult parse(String document, String fileName) {
        return parse(document.getBytes(StandardCharsets.UTF_8), fileName);
    }

    /** The scenario as format-1 JSON text, two-space indented. */
    public static String toJson(Scenario scenario) {
        return Json.write(ScenarioWriter.write(scenario), true);
    }

    /**
     * Writes the scenario atomically. The text is checked to read back as an equal scenario before anything
     * touches the disk, so a model the format cannot hold is refused rather than saved wrong.
     *
     * @throws IllegalArgumentException if the format cannot represent the scenario exactly
     * @throws IOException if writing fails; the previous file is then unchanged
     */
    public static void save(Scenario scenario, Path file) throws IOException {
        String text = toJson(scenario);
        LoadResult back = parse(text, file.toString());
        if (!back.ok() || !back.scenario().equals(scenario)) {
            throw new IllegalArgumentException("this scenario cannot be saved in format version 1"
                    + (back.ok() ? "" : ": " + back.errors().get(0).message()));
        }
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static LoadResult failure(String file, String message) {
        return LoadResult.failed(List.of(new ScenarioError(file, 1, 1, "$", message)), file);
    }
}
