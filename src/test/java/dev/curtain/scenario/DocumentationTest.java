package dev.curtain.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.Outcome;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/scenario-format.md is the only thing a newcomer reads, so its examples must be valid, and every name it
 * documents must be one the reader accepts (and the other way round).
 */
class DocumentationTest {
    private static final Path DOC = Path.of("docs/scenario-format.md");

    private static String doc() throws IOException {
        return Files.readString(DOC);
    }

    @Test
    void theCompleteExampleIsAValidScenarioWithoutWarnings() throws IOException {
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc());
        List<String> scenarios = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).contains("\"format\": 1")) {
                scenarios.add(m.group(1));
            }
        }
        assertThat(scenarios).isNotEmpty();
        for (String s : scenarios) {
            LoadResult r = ScenarioFiles.parse(s, "doc-example.json");
            assertThat(r.errors()).isEmpty();
            assertThat(ScenarioWarnings.check(r)).isEmpty();
        }
    }

    @Test
    void theCueExampleIsAValidCue() throws IOException {
        Matcher m = Pattern.compile("```json\\n(\\{\"id\": .*?)```", Pattern.DOTALL).matcher(doc());
        assertThat(m.find()).isTrue();
        String wrapped = "{\"format\": 1, \"title\": \"t\", \"functions\": {\"main\": []}, \"cues\": [" + m.group(1) + "]}";
        assertThat(ScenarioFiles.parse(wrapped, "cue.json").errors()).isEmpty();
    }

    @Test
    void everyOperationFieldEventAndChoiceIsDocumented() throws IOException {
        String d = doc();
        for (OpFormat op : OpFormats.ALL) {
            assertThat(d).as(op.key()).contains("| `" + op.key() + "` |");
            for (String field : op.fieldKeys()) {
                assertThat(d).as(op.key() + "." + field).contains("`" + field + "`");
            }
        }
        for (String f : FormatV1.TOP_LEVEL) {
            assertThat(d).as(f).contains("| `" + f + "` |");
        }
        for (String f : FormatV1.PROCESS) {
            assertThat(d).as(f).contains("`" + f + "`");
        }
        for (String f : FormatV1.LIMITS) {
            assertThat(d).as(f).contains("| `" + f + "` |");
        }
        for (String e : FormatV1.eventNames()) {
            assertThat(d).as(e).contains("`" + e + "`");
        }
        for (List<String> choices : List.of(FileKeys.NAMESPACE.keys(), FileKeys.CLONE_FLAG.keys(),
                FileKeys.VIA.keys(), FileKeys.SIG_HOW.keys(), FileKeys.OBSERVATION.keys(), FormatV1.THEMES,
                FormatV1.PANELS)) {
            for (String c : choices) {
                assertThat(d).as(c).contains("`" + c + "`");
            }
        }
        assertThat(d).contains(String.valueOf(FormatV1.MAX_DEPTH)).contains("2 MB").contains("20,000 statements");
    }

    @Test
    void theLessonWrittenFromTheDocAloneRunsToItsPoint() {
        LoadResult r = ScenarioFiles.load(Path.of("docs/examples/thread-exhaustion.json"));
        assertThat(r.errors()).isEmpty();
        assertThat(ScenarioWarnings.check(r)).isEmpty();
        Scenario s = r.scenario();
        Recording rec = Simulator.run(s.program(), s.options());
        assertThat(rec.outcome()).isEqualTo(Outcome.THREAD_EXHAUSTION);
        assertThat(rec.finalState().outcomeMessage()).contains("program exceeds 10-thread limit");
    }
}
