package dev.curtain.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * When sysmon takes the P of dirty-spread's syscall.Setpriority, by the call's length, in the committed real runs
 * (calibration/probes/dirty-spread-exit, 900 runs on Go 1.22 and 1.23) and in the case's simulated seeds
 * (docs/engine.md, "CPU contention"). A short call is over before sysmon's tick can come; a call of hundreds of
 * microseconds is one whose nice-5 thread waited for a CPU on its way back (prio_changed_fair reschedules it), and
 * sysmon, which runs before a niced thread, takes the P meanwhile.
 */
class SetpriorityRetakeTest {
    private static final Path RESULTS = Path.of("calibration", "results");

    /** Calls by length: under 10 µs, and 150 µs or more; how many of each sysmon took the P of. */
    record Split(int shortCalls, int shortTaken, int longCalls, int longTaken, int calls) {
        Split add(double us, boolean taken) {
            boolean isShort = us < 10;
            boolean isLong = us >= 150;
            return new Split(shortCalls + (isShort ? 1 : 0), shortTaken + (isShort && taken ? 1 : 0),
                    longCalls + (isLong ? 1 : 0), longTaken + (isLong && taken ? 1 : 0), calls + 1);
        }
    }

    @Test
    void realRunsLoseThePOnlyInLongCalls() throws IOException {
        Split real = realSplit();
        assertThat(real.calls()).isEqualTo(900);
        // 0 of 807 calls under 10 µs; 11 of the 15 of 150 µs or more
        assertThat(real.shortCalls()).isGreaterThan(700);
        assertThat(real.shortTaken()).isLessThanOrEqualTo(real.shortCalls() / 100);
        assertThat(real.longCalls()).isBetween(5, 45);
        assertThat(real.longTaken() * 3).isGreaterThanOrEqualTo(real.longCalls() * 2);
    }

    @Test
    void simulatedRunsLoseThePMostlyInLongCallsToo() {
        Scenario sc = ScenarioFiles.load(Path.of("calibration", "dirty-spread", "scenario.json")).orThrow();
        Split sim = new Split(0, 0, 0, 0, 0);
        for (long seed = 1; seed <= 1000; seed++) {
            Recording rec = Simulator.run(sc.program(), sc.options().withVersion(GoVersion.parse("1.22"))
                    .withSeed(seed));
            SetpriorityCall call = SetpriorityCall.in(rec);
            sim = sim.add(call.micros(), call.retake() != null);
        }
        // seeds 1-1000: 26 of 858 calls under 10 µs, 34 of the 37 of 150 µs or more
        assertThat(sim.shortTaken() * 20).as("short calls whose P sysmon took").isLessThanOrEqualTo(sim.shortCalls());
        assertThat(sim.longCalls()).as("calls whose thread waited for a CPU").isBetween(10, 100);
        assertThat(sim.longTaken() * 3).as("long calls whose P sysmon took")
                .isGreaterThanOrEqualTo(sim.longCalls() * 2);
    }

    /**
     * The real split: the caller's P is the one its thread held before the call; a call it came back from with its
     * P's syscalltick moved on by exactly one (exitsyscall's fast path) kept the P, any other count means retake
     * moved it (retake adds one, and so does the exitsyscall that takes an idle P).
     */
    private static Split realSplit() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Split out = new Split(0, 0, 0, 0, 0);
        List<Path> files;
        try (Stream<Path> s = Files.list(RESULTS)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("dirty-spread-exit.")).sorted().toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode run = json.readTree(line);
                JsonNode before = snapshot(run, "beforeCall");
                JsonNode after = snapshot(run, "afterCall");
                int p = callersP(before);
                int moved = tick(after, p) - tick(before, p);
                out = out.add(run.get("callUs").asDouble(), moved != 1);
            }
        }
        return out;
    }

    private static JsonNode snapshot(JsonNode run, String at) {
        for (JsonNode s : run.get("snapshots")) {
            if (s.get("at").asText().equals(at)) {
                return s;
            }
        }
        throw new IllegalStateException("no " + at + " snapshot");
    }

    private static int callersP(JsonNode snap) {
        int thread = snap.get("thread").asInt();
        for (JsonNode m : snap.get("ms")) {
            if (m.get("thread").asInt() == thread && m.get("p").asInt() >= 0) {
                return m.get("p").asInt();
            }
        }
        throw new IllegalStateException("the caller holds no P");
    }

    private static int tick(JsonNode snap, int p) {
        for (JsonNode pp : snap.get("ps")) {
            if (pp.get("p").asInt() == p) {
                return pp.get("syscalltick").asInt();
            }
        }
        throw new IllegalStateException("no P" + p);
    }
}
