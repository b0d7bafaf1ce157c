package dev.curtain.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.Outcome;
import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.Invariants;
import dev.curtain.engine.state.SchedState;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture, captured from real Go or written from the spec's examples, replays into a consistent recording. */
class RealLogReplayTest {

    static Stream<Path> logs() {
        return Fixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void everyEventKeepsTheInvariants(Path log) {
        ImportResult r = Fixtures.read(log);
        assertThat(r.isRefused()).as(String.valueOf(r.refusal())).isFalse();
        Recording rec = r.recording();
        SchedState s = new SchedState();
        for (Event e : rec.events()) {
            s.apply(e);
            assertThat(Invariants.violations(s)).as("after event %d %s", e.seq(), e).isEmpty();
        }
        assertThat(rec.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(r.keyframes()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void importingTwiceGivesTheSameLog(Path log) {
        List<Event> a = Fixtures.read(log).recording().events();
        List<Event> b = Fixtures.read(log).recording().events();
        assertThat(b).isEqualTo(a);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void threadsAndGoroutinesUseTheJsonContractsStates(Path log) {
        ImportResult r = Fixtures.read(log);
        assertThat(r.threads()).extracting(ImportedThread::state).isSubsetOf("running", "spinning", "idle", "syscall",
                "locked-idle", "system", "wedged", "exited");
        assertThat(r.goroutines()).extracting(ImportedGoroutine::state).isSubsetOf("running", "runnable", "syscall",
                "waiting", "dead");
        assertThat(r.threads()).filteredOn(ImportedThread::system).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void everyKeyframeIsReachedExactly(Path log) {
        ImportResult r = Fixtures.read(log);
        List<ImportWarning> approx = r.warnings().stream()
                .filter(w -> w.message().startsWith("shown approximately")).toList();
        assertThat(approx).isEmpty();
    }
}
