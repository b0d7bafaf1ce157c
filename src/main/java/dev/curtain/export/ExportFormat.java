package dev.curtain.export;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What an export writes, chosen by the output file's extension. */
public enum ExportFormat {
    PNG("png"), GIF("gif"), MP4("mp4"), TRACE("json");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() { return extension; }

    /** The format for {@code out}'s extension, if it names one. */
    public static Optional<ExportFormat> of(Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (name.endsWith("." + f.extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
