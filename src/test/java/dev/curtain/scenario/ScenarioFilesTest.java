package dev.curtain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curtain.engine.program.Ops;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.state.ThreadProps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, saving and the built-in lessons through the public API the app uses. */
class ScenarioFilesTest {

    @Test
    void everyLessonRoundTripsLoadSaveLoadToAnEqualScenario(@TempDir Path dir) throws IOException {
        for (String name : Lessons.ALL) {
            LoadResult first = ScenarioFiles.loadResource(name);
            assertThat(first.errors()).as(name).isEmpty();
            Path saved = dir.resolve(name);
            ScenarioFiles.save(first.scenario(), saved);
            LoadResult again = ScenarioFiles.load(saved);
            assertThat(again.errors()).as(name).isEmpty();
            assertThat(again.scenario()).as(name).isEqualTo(first.scenario());
            // Saving what was loaded from a saved file gives the same bytes: the writer is stable.
            assertThat(ScenarioFiles.toJson(again.scenario())).isEqualTo(Files.readString(saved));
        }
    }

    @Test
    void theLessonListMatchesTheScenariosFolder() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            List<String> onDisk = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .collect(Collectors.toList());
            assertThat(onDisk).containsExactlyElementsOf(Lessons.ALL);
        }
    }

    @Test
    void theDefaultIsLessonOne() {
        LoadResult d = ScenarioFiles.loadDefault();
        assertThat(d.ok()).isTrue();
        assertThat(d.scenario().title()).startsWith("1.");
        assertThat(Lessons.DEFAULT).isEqualTo("01-hello-goroutine.json");
    }

    @Test
    void everyLessonHasSourceCuesAndLinesThatPointIntoIt() {
        for (String name : Lessons.ALL) {
            Scenario s = ScenarioFiles.loadResource(name).orThrow();
            assertThat(s.cues()).as(name).isNotEmpty();
            assertThat(s.source()).as(name).contains("func main()");
            assertThat(s.description()).as(name).isNotBlank();
        }
    }

    @Test
    void savingReplacesTheFileAtomicallyAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
        Scenario s = ScenarioFiles.loadDefault().orThrow();
        Path target = dir.resolve("mine.json");
        Files.writeString(target, "old content");
        ScenarioFiles.save(s.withCues(List.of()), target);
        assertThat(ScenarioFiles.load(target).scenario().cues()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("mine.json");
        }
    }

    @Test
    void onAFullDiskTheFileAndItsBackupAreKeptAndNothingIsLeftBehind() throws IOException {
        Scenario s = ScenarioFiles.loadDefault().orThrow();
        byte[] big = ScenarioFiles.toJson(s).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // a disk with room for the file and its backup as they are, and for little more
        long room = 4L * big.length;
        try (java.nio.file.FileSystem disk = com.google.common.jimfs.Jimfs.newFileSystem(
                com.google.common.jimfs.Configuration.unix().toBuilder().setBlockSize(512).setMaxSize(room)
                        .build())) {
            Path dir = disk.getPath("/talks");
            Files.createDirectories(dir);
            Path target = dir.resolve("lesson.json");
            Path bak = dir.resolve("lesson.json.bak");
            Files.writeString(target, "previous version");
            Files.writeString(bak, "older version");
            // fill the disk until the new text cannot be written in full
            Path filler = dir.resolve("filler");
            byte[] block = new byte[512];
            try (java.io.OutputStream out = Files.newOutputStream(filler)) {
                for (long n = 0; n < room; n += block.length) {
                    out.write(block);
                }
            } catch (IOException full) {
                // the disk is full now
            }
            // as the app saves: with a backup
            assertThatThrownBy(() -> ScenarioFiles.save(s, target, true, false)).isInstanceOf(IOException.class);
            assertThat(Files.readString(target)).isEqualTo("previous version");
            assertThat(Files.readString(bak)).as("the backup is replaced only once the new text is on disk")
                    .isEqualTo("older version");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("lesson.json",
                        "lesson.json.bak", "filler");
            }
            // room again: the save goes through, and the backup is the previous version
            Files.delete(filler);
            ScenarioFiles.save(s, target, true, false);
            assertThat(Files.readAllBytes(target)).isEqualTo(big);
            assertThat(Files.readString(bak)).isEqualTo("previous version");
        }
    }

    @Test
    void aFailedSaveKeepsThePreviousFile(@TempDir Path dir) throws IOException {
        Scenario s = ScenarioFiles.loadDefault().orThrow();
        Path target = dir.resolve("keep.json");
        Files.writeString(target, "previous");
        // A "folder" that is a regular file: no temporary file can be made in it, whoever runs the test (root too).
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "x");
        assertThatThrownBy(() -> ScenarioFiles.save(s, notAFolder.resolve("keep.json"))).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a folder");
        assertThat(Files.readString(notAFolder)).isEqualTo("x");
        // A target that is a non-empty directory cannot be replaced: the move fails, nothing is left behind.
        Path asDir = dir.resolve("dir.json");
        Files.createDirectory(asDir);
        Files.writeString(asDir.resolve("inside"), "x");
        assertThatThrownBy(() -> ScenarioFiles.save(s, asDir)).isInstanceOf(IOException.class);
        assertThat(Files.readString(asDir.resolve("inside"))).isEqualTo("x");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("keep.json",
                    "plain-file", "dir.json");
        }
        assertThat(Files.readString(target)).isEqualTo("previous");
    }

    @Test
    void aScenarioTheFormatCannotHoldIsRefusedBeforeTouchingTheDisk(@TempDir Path dir) {
        Scenario s = ScenarioFiles.loadDefault().orThrow();
        Program odd = new Program(List.of(Ops.fn("main", Ops.exit(1000))), List.of(), ThreadProps.rootOnHost());
        Path target = dir.resolve("odd.json");
        assertThatThrownBy(() -> ScenarioFiles.save(new Scenario(s.title(), "", "", s.options(), odd, "", List.of(),
                List.of(), ViewHints.NONE), target)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code");
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void sourceMayBeOneStringAndComesBackAsLines() {
        String doc = "{\"format\":1,\"title\":\"t\",\"source\":\"package main\\nfunc main() {}\","
                + "\"functions\":{\"main\":[{\"op\":\"gosched\",\"line\":2}]}}";
        Scenario s = ScenarioFiles.parse(doc, "s.json").orThrow();
        assertThat(s.source()).isEqualTo("package main\nfunc main() {}");
        assertThat(ScenarioFiles.toJson(s)).contains("\"source\": [\n    \"package main\",\n    \"func main() {}\"\n  ]");
    }

    @Test
    void defaultsAreFilledInAndWrittenBackOnlyWhenTheyDiffer() {
        Scenario s = ScenarioFiles.parse("{\"format\":1,\"title\":\"t\",\"functions\":{\"main\":[]}}", "d.json")
                .orThrow();
        assertThat(s.options().version().toString()).isEqualTo("1.14");
        assertThat(s.options().gomaxprocs()).isEqualTo(4);
        assertThat(s.options().seed()).isEqualTo(1);
        assertThat(s.program().baseline()).isEqualTo(ThreadProps.rootOnHost());
        String json = ScenarioFiles.toJson(s);
        assertThat(json).doesNotContain("process").doesNotContain("limits").doesNotContain("cues");
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(200);
    }

    @Test
    void positionsPointAtTheCuesFunctionsAndChannelsInTheFile() {
        LoadResult r = ScenarioFiles.loadResource("02-gomaxprocs-bounds-ps-not-ms.json");
        assertThat(r.positions().functions()).containsKeys("main", "sleeper", "blocker");
        assertThat(r.positions().channels().get("done").line()).isEqualTo(9);
        assertThat(r.positions().cues().get("sleepers").path()).isEqualTo("$.cues[0].id");
    }
}
