package dev.curtain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code simulate --json} prints the object product.md fixes, field for field (more fields may be added). */
class JsonContractTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode simulate(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("simulate"));
        all.addAll(List.of(args));
        all.add("--json");
        CliTest.Run r = CliTest.run(all.toArray(String[]::new));
        assertThat(r.code()).isZero();
        return MAPPER.readTree(r.out());
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void topLevelThreadGoroutineObservationAndCounterFieldsAreTheContract() throws Exception {
        JsonNode d = simulate("scenarios/11-credentials-per-thread.json");
        assertThat(names(d)).contains("scenario", "go", "gomaxprocs", "seed", "outcome", "events", "timeNs",
                "threads", "goroutines", "observations", "counters");
        assertThat(d.get("scenario").asText()).isEqualTo("11. Credentials belong to threads");
        assertThat(d.get("go").asText()).isEqualTo("1.16");
        assertThat(d.get("gomaxprocs").isInt()).isTrue();
        assertThat(d.get("seed").isNumber()).isTrue();
        assertThat(d.get("outcome").asText()).isIn("completed", "deadlock", "thread-exhaustion", "event-limit",
                "time-limit", "imported", "crashed");
        assertThat(d.get("events").asInt()).isPositive();
        assertThat(d.get("timeNs").isNumber()).isTrue();

        JsonNode m0 = d.get("threads").get(0);
        assertThat(names(m0)).contains("m", "alive", "system", "state", "clonedFrom", "props", "diverged");
        assertThat(m0.get("clonedFrom").isNull()).isTrue();
        assertThat(names(m0.get("props"))).containsExactly("uid", "gid", "caps", "netns", "mntns", "utsns", "nice",
                "sigmask", "privateFs");
        assertThat(m0.get("props").get("caps").asText()).matches("[0-9a-f]{16}");
        assertThat(m0.get("props").get("sigmask").asText()).matches("[0-9a-f]{16}");
        assertThat(m0.get("diverged").isArray()).isTrue();
        assertThat(d.get("threads").get(1).get("clonedFrom").asInt()).isZero();
        assertThat(d.get("threads")).anySatisfy(t -> assertThat(t.get("diverged").toString()).contains("uid"));

        JsonNode g1 = d.get("goroutines").get(0);
        assertThat(names(g1)).containsExactly("g", "name", "state", "lockedTo");
        assertThat(g1.get("g").asInt()).isEqualTo(1);
        assertThat(g1.get("name").asText()).isEqualTo("main");
        assertThat(g1.get("state").asText()).isEqualTo("dead");

        JsonNode ob = d.get("observations").get(0);
        assertThat(names(ob)).containsExactly("g", "m", "what", "detail", "uid", "netns");
        assertThat(ob.get("what").asText()).isEqualTo("createFile");
        assertThat(ob.get("detail").asText()).isEqualTo("/srv/report.txt");

        assertThat(names(d.get("counters"))).containsExactly("threadsCreated", "threadsExited", "maxLiveThreads",
                "handoffs", "steals", "preemptions");
    }

    @Test
    void lockedGoroutinesNameTheirThread() throws Exception {
        JsonNode d = simulate("scenarios/10-main-thread-command-loop.json", "--go", "1.10");
        assertThat(d.get("goroutines").get(0).get("lockedTo").asInt()).isZero();
        assertThat(d.get("goroutines").get(1).get("lockedTo").isNull()).isTrue();
    }

    @Test
    void everyLessonPrintsValidJsonOnEveryVersionItNames() throws Exception {
        for (String lesson : dev.curtain.scenario.Lessons.ALL) {
            var s = dev.curtain.scenario.ScenarioFiles.loadResource(lesson).orThrow();
            List<String> versions = new ArrayList<>(List.of(s.options().version().toString()));
            s.compare().forEach(v -> versions.add(v.toString()));
            for (String v : versions) {
                JsonNode d = simulate("scenarios/" + lesson, "--go", v);
                assertThat(d.get("go").asText()).isEqualTo(v);
                assertThat(d.get("outcome").asText()).as(lesson + " on " + v).isIn("completed", "time-limit");
            }
        }
    }
}
