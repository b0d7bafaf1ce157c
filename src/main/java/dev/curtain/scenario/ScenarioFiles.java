package dev.curtain.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Loading and saving scenario files (format version 1): the API the app and the command line use.
 *
 * <p>Loading never throws for bad content: every problem comes back in the {@link LoadResult} as
 * {@code FILE:LINE:COL: message}. A file can only describe a program; nothing in it is executed, and it cannot make
 * Curtain read another file or reach the network. Saving is atomic: the new text goes to a temporary file in the
 * same directory and is then moved over the old one, so a failure leaves the previous file as it was (the steps are
 * listed at {@link #save(Scenario, Path, boolean, boolean)}).
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
     * Writes the scenario atomically, with no backup; see {@link #save(Scenario, Path, boolean, boolean)}.
     *
     * @throws IllegalArgumentException if the format cannot represent the scenario exactly
     * @throws IOException if writing fails; the previous file is then unchanged
     */
    public static void save(Scenario scenario, Path file) throws IOException {
        save(scenario, file, false, false);
    }

    /** The file to save over is read-only: the caller asks the user, then saves again with permission. */
    public static final class ReadOnlyFileException extends IOException {
        private final Path file;

        ReadOnlyFileException(Path file) {
            super(file + " is read-only");
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }

    /** A temporary file of ours left by a save that never finished (the process was killed), by name. */
    private static final String TEMPORARY = "\\.%s\\.(bak\\.)?[0-9]+\\.tmp";
    /** Temporaries older than this are a dead save's; a younger one may be another window saving right now. */
    private static final long STALE_MILLIS = 60_000;
    /** Links followed at most (the kernel's own limit for a path lookup). */
    private static final int MAX_LINKS = 40;

    /**
     * Writes the scenario so that no failure, crash or power cut can lose both the old text and the new one:
     * <ol>
     *   <li>the text is checked to read back as an equal scenario before anything touches the disk, so a model
     *       the format cannot hold is refused rather than saved wrong;</li>
     *   <li>a symbolic link is followed: the file it points to is written and the link stays a link;</li>
     *   <li>the new text goes to a temporary file beside the target, is flushed to the disk ({@code fsync}) and given
     *       the old file's permissions (and owner, when the saver may set it);</li>
     *   <li>with {@code keepBackup}, the old file is copied to {@code FILE.bak} the same way (a temporary, then a
     *       move), only once the new text is safely written: a full disk never costs the previous backup;</li>
     *   <li>the temporary file is moved over the target in one step, and the folder is flushed so the move itself
     *       survives a power cut;</li>
     *   <li>temporaries that a killed save left behind (our own name pattern, over a minute old) are removed.</li>
     * </ol>
     *
     * @param overwriteReadOnly write over a read-only file; without it such a file gives
     *        {@link ReadOnlyFileException} and is left alone
     * @throws IllegalArgumentException if the format cannot represent the scenario exactly
     * @throws IOException if writing fails (a message that names the folder when it cannot be written); the
     *         previous file and its backup are then unchanged
     */
    public static void save(Scenario scenario, Path file, boolean keepBackup, boolean overwriteReadOnly)
            throws IOException {
        String text = toJson(scenario);
        LoadResult back = parse(text, file.toString());
        if (!back.ok() || !back.scenario().equals(scenario)) {
            throw new IllegalArgumentException("this scenario cannot be saved in format version 1"
                    + (back.ok() ? "" : ": " + back.errors().get(0).message()));
        }
        Path target = followLinks(file.toAbsolutePath());
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot save " + target.getFileName() + ": " + dir + " is not a folder");
        }
        boolean exists = Files.exists(target);
        if (exists && !Files.isRegularFile(target)) {
            throw new IOException("cannot save over " + target + ": it is not a regular file");
        }
        if (exists && !overwriteReadOnly && readOnly(target)) {
            throw new ReadOnlyFileException(target);
        }
        removeStaleTemporaries(dir, target.getFileName().toString());
        Path tmp = null;
        Path bakTmp = null;
        try {
            tmp = temporary(dir, target.getFileName() + ".");
            writeDurably(tmp, text.getBytes(StandardCharsets.UTF_8));
            copyAttributes(exists ? target : null, tmp);
            if (keepBackup && exists) {
                bakTmp = temporary(dir, target.getFileName() + ".bak.");
                Files.copy(target, bakTmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                try (FileChannel ch = FileChannel.open(bakTmp, StandardOpenOption.READ)) {
                    ch.force(true);
                }
                moveOver(bakTmp, target.resolveSibling(target.getFileName() + ".bak"));
            }
            moveOver(tmp, target);
            syncFolder(dir);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
            if (bakTmp != null) {
                Files.deleteIfExists(bakTmp);
            }
        }
    }

    private static Path temporary(Path dir, String prefix) throws IOException {
        try {
            return Files.createTempFile(dir, "." + prefix, ".tmp");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(dir.toString(), null, "the folder " + dir + " cannot be written to "
                    + "(permission denied): save the scenario somewhere else");
        } catch (FileSystemException e) {
            String why = e.getReason() == null ? e.getMessage() : e.getReason();
            throw new IOException("cannot write in the folder " + dir + ": " + why, e);
        }
    }

    private static void writeDurably(Path tmp, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    private static void moveOver(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The path a chain of symbolic links ends at (the link's own folder resolves a relative one). */
    private static Path followLinks(Path p) throws IOException {
        Path at = p;
        for (int i = 0; Files.isSymbolicLink(at); i++) {
            if (i == MAX_LINKS) {
                throw new IOException("cannot save " + p + ": too many symbolic links");
            }
            Path to = Files.readSymbolicLink(at);
            at = at.resolveSibling(to).normalize();
        }
        return at;
    }

    /** No write permission for the file's owner (root may write anyway, which is why the mode decides here). */
    private static boolean readOnly(Path f) throws IOException {
        try {
            return !Files.getPosixFilePermissions(f).contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException e) {
            return !Files.isWritable(f);
        }
    }

    /** The old file's permissions and owner for the new one; a new file gets rw-r--r-- (a temporary is rw-------). */
    private static void copyAttributes(Path old, Path tmp) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, old == null ? PosixFilePermissions.fromString("rw-r--r--")
                    : Files.getPosixFilePermissions(old));
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (old == null) {
            return;
        }
        PosixFileAttributes a = Files.readAttributes(old, PosixFileAttributes.class);
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        try {
            if (!view.readAttributes().owner().equals(a.owner())) {
                view.setOwner(a.owner());
            }
            if (!view.readAttributes().group().equals(a.group())) {
                view.setGroup(a.group());
            }
        } catch (IOException e) {
            // Only root may give a file away; anyone else's save is then owned by them, as any editor's would be.
        }
    }

    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some systems cannot open a folder for syncing; the file itself is already on the disk.
        }
    }

    private static void removeStaleTemporaries(Path dir, String name) {
        java.util.regex.Pattern ours = java.util.regex.Pattern.compile(String.format(TEMPORARY,
                java.util.regex.Pattern.quote(name)));
        long cutoff = System.currentTimeMillis() - STALE_MILLIS;
        try (java.nio.file.DirectoryStream<Path> in = Files.newDirectoryStream(dir, "." + globSafe(name) + ".*.tmp")) {
            for (Path p : in) {
                if (ours.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(p).toMillis() < cutoff) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Tidying is a courtesy: a folder that cannot be listed must not stop the save.
        }
    }

    /** The name with glob characters replaced by '?', so the glob only narrows what the pattern then checks. */
    private static String globSafe(String name) {
        return name.replaceAll("[*?\\[\\]{}\\\\]", "?");
    }

    private static LoadResult failure(String file, String message) {
        return LoadResult.failed(List.of(new ScenarioError(file, 1, 1, "$", message)), file);
    }
}
