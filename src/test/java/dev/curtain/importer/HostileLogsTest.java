package dev.curtain.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs made to break the importer, each once found to exhaust memory, take quadratic time, read a number wrong or
 * report an internal fault as bad input: each now ends in a result with warnings that say what was left out.
 */
class HostileLogsTest {
    private static final String LINE = "SCHED %dms: gomaxprocs=%d idleprocs=0 threads=%d spinningthreads=0 "
            + "idlethreads=0 runqueue=%d [%s]\n";

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path p = dir.resolve("x.log");
        Files.writeString(p, text, StandardCharsets.ISO_8859_1);
        return p;
    }

    private static String queues(int procs, int each) {
        return String.join(" ", IntStream.range(0, procs).mapToObj(i -> String.valueOf(each)).toList());
    }

    @Test
    void aMillionThreadsOnOneLineIsAWarningNotAMillionThreads() throws IOException {
        Path p = write(String.format(LINE, 0, 2, 1_000_000, 0, "0 0") + String.format(LINE, 10, 2, 4, 0, "0 0"));
        ImportResult r = SchedtraceImport.read(p, null);
        assertThat(r.isRefused()).isFalse();
        assertThat(r.warnings()).extracting(ImportWarning::message).anySatisfy(m -> assertThat(m)
                .startsWith("threads=1000000 is more than the 10000 threads Curtain draws"));
        assertThat(r.recording().finalState().threads()).hasSizeLessThan(10);
    }

    @Test
    void aGomaxprocsBeyondIntIsTooLargeNotReadAsTwo() throws IOException {
        Path p = write(String.format(LINE, 0, 2, 4, 0, "0 0").replace("gomaxprocs=2", "gomaxprocs=4294967298")
                + String.format(LINE, 10, 1, 4, 0, "0"));
        ImportResult r = SchedtraceImport.read(p, null);
        assertThat(r.warnings()).extracting(ImportWarning::message)
                .anySatisfy(m -> assertThat(m).startsWith("gomaxprocs=4294967298 is too large"));
        assertThat(r.keyframes()).singleElement().satisfies(k -> assertThat(k.gomaxprocs()).isEqualTo(1));
    }

    @Test
    void negativeCountsAreWarnedAndTheLineSkipped() throws IOException {
        String good = String.format(LINE, 0, 2, 4, 0, "0 0");
        Path p = write(good + good.replace("SCHED 0ms", "SCHED 10ms").replace("idleprocs=0", "idleprocs=-1")
                + good.replace("SCHED 0ms", "SCHED 20ms").replace("threads=4", "threads=-4")
                + good.replace("SCHED 0ms", "SCHED 30ms").replace("runqueue=0", "runqueue=-3")
                + good.replace("SCHED 0ms", "SCHED 40ms").replace("[0 0]", "[0 -2]"));
        ImportResult r = SchedtraceImport.read(p, null);
        assertThat(r.warnings()).extracting(ImportWarning::message).containsExactly(
                "idleprocs=-1 is negative (a count cannot be): " + good.replace("SCHED 0ms", "SCHED 10ms")
                        .replace("idleprocs=0", "idleprocs=-1").strip(),
                "threads=-4 is negative (a count cannot be): " + good.replace("SCHED 0ms", "SCHED 20ms")
                        .replace("threads=4", "threads=-4").strip(),
                "runqueue=-3 is negative (a count cannot be): " + good.replace("SCHED 0ms", "SCHED 30ms")
                        .replace("runqueue=0", "runqueue=-3").strip(),
                "runqueue list=-2 is negative (a count cannot be): " + good.replace("SCHED 0ms", "SCHED 40ms")
                        .replace("[0 0]", "[0 -2]").strip());
        assertThat(r.keyframes()).hasSize(1);
    }

    @Test
    void aNulInTheProgramsOutputBeforeTheFirstBlockStillMakesItALog() throws IOException {
        Path p = write("starting\0up\n" + String.format(LINE, 0, 1, 3, 0, "0"));
        assertThat(SchedtraceImport.looksLikeSchedtrace(p)).isTrue();
        assertThat(SchedtraceImport.read(p, null).isRefused()).isFalse();
    }

    @Test
    void aMegabyteOfWordsWithoutEqualsSignsIsReadInOnePass() throws IOException {
        // Each word continues the previous value: joined once now, where it was copied word by word (29 s).
        Path p = write(String.format(LINE, 0, 2, 4, 0, "0 0").strip() + " x=" + " w".repeat(500_000) + "\n");
        ImportResult r = SchedtraceImport.read(p, null);
        assertThat(r.isRefused()).isFalse();
        assertThat(r.keyframes()).hasSize(1);
    }

    @Test
    void aRepeatedSummaryLogKeepsItsThreadTableAsSmallAsItsBusiestLine() throws IOException, URISyntaxException {
        // Each copy starts at 6 threads and rises to 7: new ids every copy made each line cost the whole history.
        String once = Files.readString(Fixtures.log("go113-summary-handwritten.log"), StandardCharsets.ISO_8859_1);
        Path p = write(once.repeat(300));
        ImportResult r = SchedtraceImport.read(p, null);
        assertThat(r.isRefused()).isFalse();
        assertThat(r.keyframes()).hasSize(300 * (int) once.lines().count());
        int most = r.keyframes().stream().mapToInt(KeyframeMark::threads).max().orElseThrow();
        assertThat(r.recording().finalState().threads()).hasSizeLessThanOrEqualTo(most + 1);
    }

    @Test
    void linesAlternatingBetweenHugeAndEmptyQueuesStayWithinTheirPlaceholderBudget() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(String.format(LINE, i * 10, 4096, 4100, 0, queues(4096, i % 2 == 0 ? 256 : 0)));
        }
        ImportResult r = SchedtraceImport.read(write(sb.toString()), null);
        assertThat(r.isRefused()).isFalse();
        assertThat(r.keyframes()).hasSize(16);
        // At most 16,384 placeholders come and go per line (the keyframes keep the printed lengths): 6.35 million
        // events for four such lines before, in 6 GB.
        assertThat(r.recording().size()).isLessThan(16 * 3 * SummaryLayout.MAX_LOCAL_PLACEHOLDERS + 100_000);
        assertThat(r.lastKeyframe().header().localRunq()[4095]).isEqualTo(0);
    }

    @Test
    void duplicatePLinesAreAWarningNotAnInternalFault() throws IOException {
        String log = Files.readString(Fixtures.log("channels-p2-detail.log"), StandardCharsets.ISO_8859_1);
        String first = log.lines().filter(l -> l.startsWith("  P1:")).findFirst().orElseThrow();
        String twice = log.replaceFirst("(?m)^  P0:.*$", "$0\n" + first.replace("P1:", "P0:").replace("m=0", "m=3"));
        ImportResult r = SchedtraceImport.read(write(twice), null);
        assertThat(r.isRefused()).isFalse();
        assertThat(r.warnings()).extracting(ImportWarning::message)
                .contains("P0 is printed twice in one block: the first line is used")
                .noneSatisfy(m -> assertThat(m).contains("Exception").contains("(at "));
    }

    @Test
    void blocksThePlannerCannotReachAreLeftOutWithAPlainWarning() throws IOException, URISyntaxException {
        Path p = Path.of(getClass().getResource("/hostile/unreachable-blocks.log").toURI());
        ImportResult r = SchedtraceImport.read(p, null);
        assertThat(r.isRefused()).isFalse();
        assertThat(r.warnings()).extracting(ImportWarning::message).filteredOn(m -> m.contains("contradicts"))
                .hasSize(SchedtraceImport.MAX_PASSES - 1)
                .allSatisfy(m -> assertThat(m).startsWith("this SCHED block contradicts itself and is not shown (")
                        .doesNotContain("(at ").doesNotContain("Exception"))
                .last().satisfies(m -> assertThat(m).endsWith("; the import stops here"));
        // What was imported replays from any snapshot: no half-applied block is left in it.
        r.recording().stateAt(r.recording().size() / 2);
        r.recording().stateAt(r.recording().size());
    }
}
