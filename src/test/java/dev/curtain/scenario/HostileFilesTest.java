package dev.curtain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files made to break the reader, each once found to crash it, hang it or slip through: every one gets the format's
 * own error at its own place, never an exception or a silently changed value.
 */
class HostileFilesTest {
    private static final String SMALL = "{\"format\":1,\"title\":\"t\",\"functions\":{\"main\":[]}}";

    private static LoadResult parse(byte[] bytes) {
        return ScenarioFiles.parse(bytes, "f.json");
    }

    private static String only(LoadResult r) {
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).hasSize(1);
        return r.errors().get(0).format();
    }

    @Test
    void ucs4InAnUnusualByteOrderIsRefusedAsNotUtf8() {
        byte[] odd = {0x00, 0x7b, 0x00, 0x00, 0x00, 0x7d, 0x00, 0x00};
        assertThat(only(parse(odd))).isEqualTo(
                "f.json:1:1: the file is not UTF-8 text (it looks like UTF-32 or UCS-4); save it as UTF-8 (at $)");
    }

    @Test
    void utf32AboveTheLastCodePointIsRefusedAsNotUtf8() {
        byte[] bad = {0, 0, 0, '{', 0, 0, 0, '"', 0, 0x11, 0, 0, 0, 0, 0, '"', 0, 0, 0, '}'};
        assertThat(only(parse(bad))).contains("the file is not UTF-8 text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
    void wideEncodingsAreRefusedWithTheirName(String charset) {
        byte[] bytes = SMALL.getBytes(Charset.forName(charset));
        assertThat(only(parse(bytes))).contains("the file is not UTF-8 text (it looks like UTF-");
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        b.writeBytes(SMALL.getBytes(StandardCharsets.UTF_8));
        assertThat(parse(b.toByteArray()).ok()).isTrue();
    }

    @Test
    void anOverlongUtf8FormIsNotReadAsASlash() {
        byte[] bytes = "{\"format\":1,\"title\":\"a__b\",\"functions\":{\"main\":[]}}".getBytes(StandardCharsets.UTF_8);
        bytes[22] = (byte) 0xc0;
        bytes[23] = (byte) 0xaf;
        assertThat(only(parse(bytes))).isEqualTo(
                "f.json:1:23: the file is not valid UTF-8 (bytes C0 here); save it as UTF-8 (at $)");
    }

    @Test
    void aSurrogateEncodedInUtf8IsRefusedOnItsLine() {
        byte[] bytes = "{\"format\":1,\n\"title\":\"a___b\",\"functions\":{\"main\":[]}}".getBytes(StandardCharsets.UTF_8);
        bytes[23] = (byte) 0xed;
        bytes[24] = (byte) 0xa0;
        bytes[25] = (byte) 0x80;
        assertThat(only(parse(bytes))).startsWith("f.json:2:11: the file is not valid UTF-8 (bytes ED A0 80 here)");
    }

    @Test
    void anEscapedLoneSurrogateIsRefusedBecauseItCouldNeverBeSaved() {
        String text = "{\"format\":1,\"title\":\"a\\ud800b\",\"functions\":{\"main\":[]}}";
        assertThat(only(ScenarioFiles.parse(text, "f.json"))).isEqualTo("f.json:1:21: a string holds a lone "
                + "surrogate (\\ud800), half of a character, which no text file can hold (at $.title)");
        String key = "{\"format\":1,\"title\":\"t\",\"functions\":{\"main\":[]},\"\\udc00\":1}";
        assertThat(only(ScenarioFiles.parse(key, "f.json"))).contains("lone surrogate (\\udc00)");
    }

    @Test
    void anEscapedSurrogatePairIsOneCharacterAndReadsFine() {
        String text = "{\"format\":1,\"title\":\"a\\ud83d\\ude00b\",\"functions\":{\"main\":[]}}";
        LoadResult r = ScenarioFiles.parse(text, "f.json");
        assertThat(r.ok()).isTrue();
        assertThat(r.scenario().title()).isEqualTo("a\uD83D\uDE00b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x10p0ms", "10dms", "10fms", "-0ns", " 5 ms ", "5 ms", "1e3ms", ".5ms", "5.ms", "+5ms",
            "NaNms", "Infinityms", "5MS", "5"})
    void durationsInJavaNumberSyntaxAreNotDurations(String d) {
        String text = "{\"format\":1,\"title\":\"t\",\"functions\":{\"main\":[{\"op\":\"compute\",\"duration\":\"" + d
                + "\"}]}}";
        assertThat(only(ScenarioFiles.parse(text, "f.json"))).isEqualTo("f.json:1:73: not a duration (write it like "
                + "20us, 10ms or 1s): " + d + " (at $.functions.main[0].duration)");
    }

    @Test
    void aNumberOfThousandsOfDigitsIsReportedAtItsOwnLineAndPath() {
        String text = "{\"format\":1,\"title\":\"t\",\n\"go\":\"1.14\",\n  \"gomaxprocs\": " + "9".repeat(5000)
                + ",\"functions\":{\"main\":[]}}";
        assertThat(only(ScenarioFiles.parse(text, "f.json"))).isEqualTo(
                "f.json:3:17: a number of 5000 characters (numbers have at most 1000) (at $.gomaxprocs)");
        String inArray = "{\"format\":1,\"title\":\"t\",\"compare\":[\"1.9\", " + "1".repeat(1001)
                + "],\"functions\":{\"main\":[]}}";
        assertThat(only(ScenarioFiles.parse(inArray, "f.json"))).endsWith("(at $.compare[1])");
    }

    @Test
    void aComparisonWithAVersionThatCannotHaveThatManyPsIsAnErrorNotACrash() {
        String text = "{\"format\":1,\"title\":\"t\",\"go\":\"1.14\",\"gomaxprocs\":2000,\"compare\":[\"1.9\"],"
                + "\"functions\":{\"main\":[]}}";
        assertThat(only(ScenarioFiles.parse(text, "f.json"))).isEqualTo("f.json:1:66: Go 1.9 allows GOMAXPROCS up to "
                + "1024, and \"gomaxprocs\" is 2000: it cannot be compared at this size (at $.compare[0])");
    }

    @Test
    void didYouMeanOverLongNamesStaysCheap() {
        // 999 functions of 1,000 letters and a call to an unknown one: this took 38 s, and 1.2 MB never finished.
        Json.Obj fs = new Json.Obj();
        for (int i = 0; i < 999; i++) {
            fs.put("f" + "x".repeat(996) + String.format("%03d", i), new Json.Arr());
        }
        fs.put("main", new Json.Arr().add(new Json.Obj().put("op", "call").put("function", "y".repeat(1000))));
        String text = Json.write(new Json.Obj().put("format", 1).put("title", "t").put("functions", fs), false);
        LoadResult r = ScenarioFiles.parse(text, "f.json");
        assertThat(only(r)).contains("unknown function \"yyyy").doesNotContain("did you mean");
    }

    @Test
    void didYouMeanStillHelpsWithShortNames() {
        String text = "{\"format\":1,\"title\":\"t\",\"functions\":{\"main\":[{\"op\":\"call\",\"function\":\"wroker\"}],"
                + "\"worker\":[]}}";
        assertThat(only(ScenarioFiles.parse(text, "f.json"))).contains("(did you mean \"worker\"?)");
    }

    @Test
    void aNamedPipeGivenAsTheFileIsRefusedWithoutBlocking(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.json");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not installed: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo could not make a pipe here");
        // Opening a pipe with no writer blocks forever: the checks must not open it at all.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThat(dev.curtain.importer.SchedtraceImport.looksLikeSchedtrace(fifo)).isFalse();
            assertThat(dev.curtain.importer.GoTraceImport.looksLikeGoTrace(fifo)).isFalse();
            assertThat(dev.curtain.importer.LogImport.looksLikeImport(fifo)).isFalse();
            // and the command a user runs on it: told apart by content, which a pipe must not be asked for
            assertThat(dev.curtain.cli.Main.run(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                    new java.io.PrintWriter(java.io.Writer.nullWriter()), "simulate", fifo.toString())).isEqualTo(2);
            assertThat(dev.curtain.importer.SchedtraceImport.read(fifo, null).refusal())
                    .contains("is not a regular file");
            assertThat(ScenarioFiles.load(fifo).errors()).extracting(ScenarioError::message)
                    .containsExactly("not a regular file");
        });
    }
}
