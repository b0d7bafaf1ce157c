package dev.curtain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a save is made safe: permissions, read-only files, links, backups, leftovers of killed saves. */
class SavingTest {
    @TempDir
    Path dir;

    private final Scenario lesson = ScenarioFiles.loadDefault().orThrow();

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aSavedFileKeepsItsModeAndANewOneIsReadableByAll() throws IOException {
        Path f = dir.resolve("mode.json");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-r--"));
        ScenarioFiles.save(lesson, f);
        assertThat(mode(f)).isEqualTo("rw-rw-r--");
        Path fresh = dir.resolve("fresh.json");
        ScenarioFiles.save(lesson, fresh);
        assertThat(mode(fresh)).isEqualTo("rw-r--r--");
    }

    @Test
    void aReadOnlyFileIsReportedAndLeftAloneUnlessOverwritingIsAllowed() throws IOException {
        Path f = dir.resolve("ro.json");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        assertThatThrownBy(() -> ScenarioFiles.save(lesson, f)).isInstanceOf(ScenarioFiles.ReadOnlyFileException.class)
                .hasMessage(f + " is read-only");
        assertThat(Files.readString(f)).isEqualTo("old");
        ScenarioFiles.save(lesson, f, false, true);
        assertThat(ScenarioFiles.load(f).scenario()).isEqualTo(lesson);
        assertThat(mode(f)).isEqualTo("r--r--r--");
        assertThat(names()).containsExactly("ro.json");
    }

    @Test
    void savingThroughASymbolicLinkWritesItsTargetAndKeepsTheLink() throws IOException {
        Files.createDirectory(dir.resolve("real"));
        Path real = dir.resolve("real").resolve("lesson.json");
        Files.writeString(real, "old");
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, Path.of("real", "lesson.json"));
        ScenarioFiles.save(lesson, link, true, false);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real", "lesson.json"));
        assertThat(ScenarioFiles.load(real).scenario()).isEqualTo(lesson);
        assertThat(Files.readString(dir.resolve("real").resolve("lesson.json.bak"))).isEqualTo("old");
    }

    @Test
    void theBackupHoldsThePreviousTextAndAFailedBackupChangesNothing() throws IOException {
        Path f = dir.resolve("b.json");
        Files.writeString(f, "first");
        ScenarioFiles.save(lesson, f, true, false);
        assertThat(Files.readString(dir.resolve("b.json.bak"))).isEqualTo("first");
        byte[] saved = Files.readAllBytes(f);

        Path other = dir.resolve("c.json");
        Files.writeString(other, "keep me");
        Files.createDirectories(dir.resolve("c.json.bak").resolve("in-the-way"));
        assertThatThrownBy(() -> ScenarioFiles.save(lesson, other, true, false)).isInstanceOf(IOException.class);
        assertThat(Files.readString(other)).isEqualTo("keep me");
        assertThat(Files.readAllBytes(f)).isEqualTo(saved);
        assertThat(names()).containsExactly("b.json", "b.json.bak", "c.json", "c.json.bak");
    }

    @Test
    void temporariesLeftByAKilledSaveAreRemovedAndOthersAreNot() throws IOException {
        Path f = dir.resolve("k.json");
        Path stale = dir.resolve(".k.json.123456789.tmp");
        Path staleBak = dir.resolve(".k.json.bak.42.tmp");
        Path young = dir.resolve(".k.json.987.tmp");
        Path notOurs = dir.resolve(".k.json.notes.tmp");
        for (Path p : List.of(stale, staleBak, young, notOurs)) {
            Files.writeString(p, "half a save");
        }
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        for (Path p : List.of(stale, staleBak, notOurs)) {
            Files.setLastModifiedTime(p, old);
        }
        ScenarioFiles.save(lesson, f);
        assertThat(names()).containsExactly(".k.json.987.tmp", ".k.json.notes.tmp", "k.json");
    }

    @Test
    void aReadOnlyFolderGivesAMessageThatSaysSo() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root writes anywhere: the case cannot be made then, and the skip says why.
            Assumptions.assumeFalse(Files.isWritable(locked), "running as root: a read-only folder is writable");
            assertThatThrownBy(() -> ScenarioFiles.save(lesson, locked.resolve("x.json")))
                    .isInstanceOf(IOException.class).hasMessageContaining("cannot be written to (permission denied)");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void everyLessonLoadsSavesAndLoadsToTheSameScenarioAndTheSameBytes() throws IOException {
        for (String name : Lessons.ALL) {
            Scenario s = ScenarioFiles.loadResource(name).orThrow();
            Path f = dir.resolve(name);
            ScenarioFiles.save(s, f);
            byte[] first = Files.readAllBytes(f);
            Scenario back = ScenarioFiles.load(f).orThrow();
            assertThat(back).as(name).isEqualTo(s);
            ScenarioFiles.save(back, f);
            assertThat(Files.readAllBytes(f)).as(name).isEqualTo(first);
        }
    }
}
