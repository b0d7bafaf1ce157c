package dev.curtain.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file by writing a hidden sibling first and moving it over the target only once complete, so a failed or
 * cancelled write never leaves half a file nor destroys the one it would have replaced.
 */
final class AtomicFile {
    /** What writes the content, to the path it is given. */
    interface Content {
        void writeTo(Path part) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code out} through a sibling named after it and ending in {@code suffix}. */
    static void write(Path out, String suffix, Content content) throws IOException {
        Path part = out.toAbsolutePath().getParent().resolve("." + out.getFileName() + ".part" + suffix);
        try {
            content.writeTo(part);
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
