package dev.curtain.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** validate's warning for an op whose {@code line} does not hold its Go, and the lessons that must not earn it. */
class OpLineWarningsTest {

    /** A small file with the given bodies for main and worker; its source is fixed. */
    private static String scenario(String mainBody, String workerBody) {
        return "{\n"
                + "  \"format\": 1,\n"
                + "  \"title\": \"t\",\n"
                + "  \"channels\": [{\"name\": \"done\"}],\n"
                + "  \"functions\": {\n"
                + "    \"main\": [\n" + mainBody + "\n    ],\n"
                + "    \"worker\": [\n" + workerBody + "\n    ]\n"
                + "  },\n"
                + "  \"source\": [\n"
                + "    \"package main\",\n"
                + "    \"\",\n"
                + "    \"func worker() {\",\n"
                + "    \"\\truntime.LockOSThread() // go worker() is not here: this is a comment\",\n"
                + "    \"\\tenter() // a helper: which call it makes cannot be seen\",\n"
                + "    \"\\tdone <- true\",\n"
                + "    \"}\",\n"
                + "    \"\",\n"
                + "    \"func main() {\",\n"
                + "    \"\\tgo worker()\",\n"
                + "    \"\\ttime.Sleep(time.Millisecond)\",\n"
                + "    \"\\t<-done\",\n"
                + "    \"}\"\n"
                + "  ]\n"
                + "}\n";
    }

    private static final String GOOD_MAIN = String.join(",\n",
            "      {\"op\": \"go\", \"function\": \"worker\", \"line\": 10}",
            "      {\"op\": \"sleep\", \"duration\": \"1ms\", \"line\": 11}",
            "      {\"op\": \"receive\", \"channel\": \"done\", \"line\": 12}");
    private static final String GOOD_WORKER = String.join(",\n",
            "      {\"op\": \"lockOSThread\", \"line\": 4}",
            "      {\"op\": \"setns\", \"namespace\": \"net\", \"target\": \"c\", \"line\": 5}",
            "      {\"op\": \"send\", \"channel\": \"done\", \"line\": 6}");

    private static List<String> warnings(String document) {
        LoadResult r = ScenarioFiles.parse(document, "drift.json");
        assertThat(r.errors()).isEmpty();
        return ScenarioWarnings.check(r).stream().map(ScenarioError::format).toList();
    }

    @Test
    void opsOnTheLinesThatHoldTheirGoGiveNoWarning() {
        assertThat(warnings(scenario(GOOD_MAIN, GOOD_WORKER))).isEmpty();
    }

    @Test
    void aGoStatementOneLineOffIsWarnedAboutAtItsLineField() {
        String drifted = GOOD_MAIN.replace("\"worker\", \"line\": 10", "\"worker\", \"line\": 9");
        assertThat(warnings(scenario(drifted, GOOD_WORKER))).containsExactly(
                "drift.json:7:50: warning: op \"go\" is on source line 9 (\"func main() {\"), which does not hold its "
                        + "Go (go worker()); line 10 does (at $.functions.main[0].line)");
    }

    @Test
    void everyKindOfDriftInTheFileIsReportedInFileOrder() {
        String main = GOOD_MAIN.replace("\"1ms\", \"line\": 11", "\"1ms\", \"line\": 12")
                .replace("\"done\", \"line\": 12", "\"done\", \"line\": 13");
        String worker = GOOD_WORKER.replace("\"lockOSThread\", \"line\": 4", "\"lockOSThread\", \"line\": 3")
                .replace("\"done\", \"line\": 6", "\"done\", \"line\": 7");
        assertThat(warnings(scenario(main, worker))).containsExactly(
                "drift.json:8:50: warning: op \"sleep\" is on source line 12 (\"<-done\"), which does not hold its Go "
                        + "(time.Sleep(…)); line 11 does (at $.functions.main[1].line)",
                "drift.json:9:52: warning: op \"receive\" is on source line 13 (\"}\"), which does not hold its Go "
                        + "(<-done); line 12 does (at $.functions.main[2].line)",
                "drift.json:12:38: warning: op \"lockOSThread\" is on source line 3 (\"func worker() {\"), which does "
                        + "not hold its Go (runtime.LockOSThread()); line 4 does (at $.functions.worker[0].line)",
                "drift.json:14:49: warning: op \"send\" is on source line 7 (\"}\"), which does not hold its Go "
                        + "(done <- …); line 6 does (at $.functions.worker[2].line)");
    }

    @Test
    void anOpWhoseGoTheSourceNeverWritesIsNotJudged() {
        // the setns is hidden in enter(): line 6 might be where the helper does it, nothing says otherwise
        String worker = GOOD_WORKER.replace("\"target\": \"c\", \"line\": 5", "\"target\": \"c\", \"line\": 6");
        assertThat(warnings(scenario(GOOD_MAIN, worker))).isEmpty();
    }

    @Test
    void aCommentThatMentionsTheGoDoesNotHoldIt() {
        // line 4's comment says "go worker()", but only line 10 holds it
        String drifted = GOOD_MAIN.replace("\"worker\", \"line\": 10", "\"worker\", \"line\": 4");
        assertThat(warnings(scenario(drifted, GOOD_WORKER))).singleElement().asString()
                .contains("source line 4").contains("line 10 does");
    }

    @Test
    void aCallIsHeldByTheCallNotByTheDeclaration() {
        OpLineWarnings.Expected call = OpLineWarnings.expected(new dev.curtain.engine.program.Op.Call("ns.Do"));
        assertThat(call.heldBy("\tcontainer.Do(f)", "\tcontainer.do(f)")).isTrue();
        assertThat(call.heldBy("func (n *NS) Do(f func() error) error {", "")).isFalse();
        assertThat(call.heldBy("func Do() {", "")).isFalse();
    }

    @Test
    void commentsEndAtTwoSlashesOutsideStringsOnly() {
        assertThat(OpLineWarnings.withoutLineComment("\tgo f() // go g()")).isEqualTo("\tgo f() ");
        assertThat(OpLineWarnings.withoutLineComment("\thttp.Get(\"http://x\") // <-done"))
                .isEqualTo("\thttp.Get(\"http://x\") ");
        assertThat(OpLineWarnings.withoutLineComment("\ts := `//` + \"\\\"//\"")).isEqualTo("\ts := `//` + \"\\\"//\"");
    }

    @Test
    void everyShippedLessonValidatesWithoutAnyWarning() {
        for (String name : Lessons.ALL) {
            LoadResult r = ScenarioFiles.loadResource(name);
            assertThat(r.errors()).as(name).isEmpty();
            assertThat(ScenarioWarnings.check(r)).as(name).isEmpty();
            assertThat(r.positions().lines()).as(name + ": its ops give lines to check").isNotEmpty();
        }
    }
}
