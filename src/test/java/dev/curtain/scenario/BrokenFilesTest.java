package dev.curtain.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Deliberately broken files (src/test/resources/broken), each next to a {@code .expected} file listing exactly the
 * {@code FILE:LINE:COL: message (at $.path)} lines it must produce, all of them, in order.
 */
class BrokenFilesTest {

    @TestFactory
    Stream<DynamicTest> everyBrokenFileGetsExactlyItsExpectedErrors() throws IOException, URISyntaxException {
        URL dir = getClass().getClassLoader().getResource("broken");
        assertThat(dir).isNotNull();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(dir.toURI()))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String name = "broken/" + f.getFileName();
            LoadResult r = ScenarioFiles.parse(Files.readAllBytes(f), name);
            Path expectedFile = f.resolveSibling(f.getFileName().toString().replace(".json", ".expected"));
            List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);
            assertThat(r.ok()).isFalse();
            assertThat(r.errors().stream().map(ScenarioError::format)).containsExactlyElementsOf(expected);
            for (ScenarioError e : r.errors()) {
                assertThat(e.line()).isPositive();
                assertThat(e.column()).isPositive();
                assertThat(e.jsonPath()).startsWith("$");
            }
        }));
    }

    @Test
    void aFileLargerThanTheCapIsRefusedBeforeParsing(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        byte[] bytes = new byte[(int) FormatV1.MAX_FILE_BYTES + 10];
        java.util.Arrays.fill(bytes, (byte) ' ');
        Files.write(big, bytes);
        LoadResult r = ScenarioFiles.load(big);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.format()).startsWith(big + ":1:1: the file is " + bytes.length + " bytes");
        });
    }

    @Test
    void tooManyStatementsIsOneErrorAtTheFirstStatementOverTheLimit() {
        StringBuilder sb = new StringBuilder("{\"format\": 1, \"title\": \"t\", \"functions\": {\"main\": [\n");
        for (int i = 0; i <= FormatV1.MAX_STATEMENTS; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"op\": \"gosched\"}");
        }
        sb.append("\n]}}\n");
        LoadResult r = ScenarioFiles.parse(sb.toString(), "many.json");
        assertThat(r.errors()).extracting(ScenarioError::format).containsExactly(
                "many.json:" + (FormatV1.MAX_STATEMENTS + 2) + ":1: too many statements: at most "
                        + FormatV1.MAX_STATEMENTS + " in a file (at $.functions.main[" + FormatV1.MAX_STATEMENTS + "])");
    }

    @Test
    void aMissingFileIsAnErrorNotAnException(@org.junit.jupiter.api.io.TempDir Path dir) {
        LoadResult r = ScenarioFiles.load(dir.resolve("nope.json"));
        assertThat(r.errors()).extracting(ScenarioError::format)
                .containsExactly(dir.resolve("nope.json") + ":1:1: no such file (at $)");
        LoadResult d = ScenarioFiles.load(dir);
        assertThat(d.errors()).extracting(ScenarioError::message).containsExactly("not a regular file");
    }

    @Test
    void invalidUtf8AndBinaryGarbageAreErrors() {
        byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '{'};
        LoadResult r = ScenarioFiles.parse(garbage, "garbage.json");
        assertThat(r.ok()).isFalse();
        assertThat(r.errors().get(0).format()).startsWith("garbage.json:");
    }

    @Test
    void aResourceThatDoesNotExistIsAnError() throws IOException {
        LoadResult r = ScenarioFiles.loadResource("99-nothing.json");
        assertThat(r.errors()).extracting(ScenarioError::message)
                .containsExactly("no built-in scenario named 99-nothing.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("broken/empty.json")) {
            assertThat(in).isNotNull();
        }
    }
}
