package dev.curtain.export;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finding the {@code ffmpeg} program that MP4 export pipes its frames into. */
public final class Ffmpeg {
    /** What to tell a user who has no ffmpeg: the Debian/Ubuntu package that provides it. */
    public static final String MISSING = "MP4 export needs ffmpeg on the PATH; on Debian or Ubuntu install the"
            + " package 'ffmpeg' (sudo apt-get install ffmpeg). GIF and PNG need nothing.";

    private Ffmpeg() {
    }

    /** The ffmpeg executable on the PATH, if any. */
    public static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "ffmpeg");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
