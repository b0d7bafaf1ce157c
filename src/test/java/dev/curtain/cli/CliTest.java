package dev.curtain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through {@link Main#run}: exit codes, what goes to stdout and what to stderr. */
class CliTest {
    static final String LESSON1 = "scenarios/01-hello-goroutine.json";

    /** One run of the command line, with what it printed. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void versionPrintsOneLineAndSucceeds() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Curtain ").endsWith("\n");
        assertThat(r.out().lines()).hasSize(1);
    }

    @Test
    void aFileWithNoCommandIsOpenedAsOpenWouldAndAMissingOneIsBadInput() {
        Run r = run("no-such-scenario.json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-scenario.json: no such file");
    }

    @Test
    void simulatePrintsAnEventLogNamingRuntimeFunctionsAndASummary() {
        Run r = run("simulate", LESSON1);
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("newproc", "entersyscall", "retake", "exitsyscall0", "stopm")
                .containsPattern("sysmon takes P0 from M0, whose G2 has been in write\\(\\) for [\\d.]+µs; M2 gets it \\(retake\\)")
                .contains("outcome: completed").contains("threads: 3 created");
    }

    @Test
    void simulateOverridesVersionGomaxprocsAndSeed() {
        Run r = run("simulate", LESSON1, "--go", "1.9", "--gomaxprocs", "2", "--seed", "7");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Go 1.9, GOMAXPROCS=2, seed 7");
    }

    @Test
    void simulateJsonIsOneObjectThatEndsWithANewline() {
        Run r = run("simulate", LESSON1, "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("{").endsWith("}\n");
    }

    @Test
    void validateAcceptsEveryLesson() throws IOException {
        String[] args;
        try (var s = Files.list(Path.of("scenarios"))) {
            args = s.map(Path::toString).sorted().toArray(String[]::new);
        }
        String[] all = new String[args.length + 1];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        Run r = run(all);
        assertThat(r.code()).isZero();
        assertThat(r.err()).as("no warnings on the shipped lessons").isEmpty();
        assertThat(r.out().lines()).hasSize(15).allMatch(l -> l.endsWith(": ok"));
    }

    @Test
    void validateReportsEveryErrorOfEveryFileAndExitsTwo(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"format\": 1,\n  \"title\": \"x\",\n  \"functions\": {\"main\": [\n"
                + "    {\"op\": \"go\", \"function\": \"nope\"},\n    {\"op\": \"sleep\", \"duration\": 5}\n  ]}\n}\n");
        Run r = run("validate", LESSON1, bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains(LESSON1 + ": ok");
        assertThat(r.err().lines()).containsExactly(
                bad + ":5:30: unknown function \"nope\" (at $.functions.main[0].function)",
                bad + ":6:33: \"duration\" is a duration written as a string like \"20us\", \"10ms\" or \"1s\", "
                        + "found an integer (at $.functions.main[1].duration)");
    }

    @Test
    void validateWarnsAboutLikelyMistakesButExitsZero(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("warn.json");
        Files.writeString(f, "{\"format\": 1, \"title\": \"w\",\n \"channels\": [{\"name\": \"unused\"}],\n"
                + " \"functions\": {\"main\": [{\"op\": \"sleep\", \"duration\": \"1ms\"}],\n"
                + "  \"orphan\": []},\n"
                + " \"cues\": [{\"id\": \"never\", \"when\": {\"event\": \"ThreadExited\"}, \"caption\": \"c\"}]}\n");
        Run r = run("validate", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ok (3 warnings)");
        assertThat(r.err().lines()).containsExactly(
                f + ":4:3: warning: function \"orphan\" is never started, called or deferred from main (at $.functions.orphan)",
                f + ":2:24: warning: channel \"unused\" is never sent to or received from (at $.channels[0].name)",
                f + ":5:18: warning: cue \"never\" matches no event on Go 1.14 with seed 1 (at $.cues[0].id)");
    }

    @Test
    void validateWarnsAboutAnOpOnASourceLineThatDoesNotHoldItsGo(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("drift.json");
        Files.writeString(f, "{\"format\": 1, \"title\": \"d\",\n"
                + " \"functions\": {\"main\": [\n"
                + "  {\"op\": \"sleep\", \"duration\": \"1ms\", \"line\": 2}]},\n"
                + " \"source\": [\"func main() {\", \"\\twork()\", \"\\ttime.Sleep(time.Millisecond)\", \"}\"]}\n");
        Run r = run("validate", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ok (1 warning)");
        assertThat(r.err().lines()).containsExactly(f + ":3:46: warning: op \"sleep\" is on source line 2 "
                + "(\"work()\"), which does not hold its Go (time.Sleep(…)); line 3 does (at $.functions.main[0].line)");
    }

    @Test
    void invalidInputExitsTwoWithOneMessage(@TempDir Path dir) {
        Run missing = run("simulate", dir.resolve("none.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().trim()).isEqualTo(dir.resolve("none.json") + ":1:1: no such file (at $)");

        Run badVersion = run("simulate", LESSON1, "--go", "2.0");
        assertThat(badVersion.code()).isEqualTo(2);
        assertThat(badVersion.err()).startsWith("--go: not a Go 1.x version: 2.0");

        Run badProcs = run("simulate", LESSON1, "--gomaxprocs", "0");
        assertThat(badProcs.code()).isEqualTo(2);

        Run unknownOption = run("simulate", LESSON1, "--frobnicate");
        assertThat(unknownOption.code()).isEqualTo(2);

        Run badRuns = run("explore", LESSON1, "--runs", "0");
        assertThat(badRuns.code()).isEqualTo(2);
        assertThat(badRuns.err()).contains("--runs must be between 1 and 10000");
    }

    @Test
    void exploreReportsFractionsOfRuns() {
        Run r = run("explore", "scenarios/09-locked-goroutine-exits.json", "--runs", "10", "--go", "1.9");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("10 runs (seeds 22..31)").contains("100%  completed")
                .contains("100%  netns=container").containsPattern("\\d+%  openSocket probe on a thread with netns=container");
    }

    @Test
    void exploreJsonListsTalliesWithFractions() {
        Run r = run("explore", "scenarios/12-priority-leak.json", "--runs", "4", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"runs\": 4", "\"threadsAtEnd\"", "\"what\": \"nice=10\"", "\"fraction\": 1.0000");
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("simulate", "validate", "explore", "bench");
    }
}
