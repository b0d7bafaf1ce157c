package dev.curtain.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.SchedState;
import dev.curtain.gotrace.TraceFixtures;
import dev.curtain.importer.ImportFacts.Reason;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A trace too long for one recording opens at a later generation: the state there is the trace's (the same as
 * when it is played from the start), reached in one burst of inferred steps, with the trace's own ids.
 */
class LaterGenerationTest {
    private static final String TICKER = "ticker-go1.23";

    private static Map<Long, GStatus> byGoid(ImportResult r) {
        SchedState end = r.recording().finalState();
        Map<Long, GStatus> out = new TreeMap<>();
        for (int g = 1; g < end.goroutines().size(); g++) {
            out.put(r.facts().goid(g), end.goroutines().status(g));
        }
        return out;
    }

    /** Go 1.25's parser puts a Sync at the start of each generation rather than at the end: the same parts. */
    @ParameterizedTest
    @ValueSource(strings = {"ticker-go1.23", "ticker-go1.25"})
    void theSecondGenerationOpensWithTheStateTheWholeTraceReachesThere(String ticker) throws IOException {
        ImportResult whole = GoTraceImport.read(TraceFixtures.trace(ticker), ProgressListener.NONE);
        ImportResult later = GoTraceImport.read(TraceFixtures.trace(ticker), ProgressListener.NONE, 2);
        assertThat(later.isRefused()).as(later.refusal()).isFalse();
        assertThat(whole.generationCount()).isEqualTo(TraceFixtures.expectedCount(ticker, "generations"));
        assertThat(later.generationCount()).isEqualTo(whole.generationCount());
        assertThat(later.warnings()).anySatisfy(w -> assertThat(w.message()).startsWith("shown from generation 2"));
        // the generations it covers: from the second on
        assertThat(later.keyframes()).isNotEmpty();
        assertThat(later.keyframes().get(0).line()).isEqualTo(2);
        assertThat(later.keyframes()).hasSize(whole.keyframes().size() - 1);
        Recording rec = later.recording();
        KeyframeMark first = whole.keyframes().get(0);
        assertThat(rec.event(0).timeNs()).isGreaterThanOrEqualTo(first.timeMs() * 1_000_000L);
        // the same end, goroutine for goroutine, by the trace's ids
        Map<Long, GStatus> a = byGoid(whole);
        Map<Long, GStatus> b = byGoid(later);
        for (Map.Entry<Long, GStatus> e : b.entrySet()) {
            if (e.getValue() != GStatus.DEAD) {
                assertThat(a.get(e.getKey())).as("goroutine " + e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertThat(b.keySet()).contains(1L);
        // the counts are the whole trace's, either way
        assertThat(later.goroutines()).hasSameSizeAs(whole.goroutines());
        assertThat(later.threads()).hasSameSizeAs(whole.threads());
        // what was alive at generation 2 comes in one burst of inferred steps, before the opening
        assertThat(later.openingIndex()).isPositive();
        for (int i = 1; i < later.openingIndex(); i++) {
            assertThat(later.facts().reason(i)).isEqualTo(Reason.STATUS);
        }
        long creations = rec.events().stream().filter(e -> e instanceof Event.GoroutineCreated).count();
        assertThat(creations).isLessThanOrEqualTo(whole.recording().events().stream()
                .filter(e -> e instanceof Event.GoroutineCreated).count());
    }

    @Test
    void aGenerationPastTheEndIsRefusedWithHowManyThereAre() throws IOException {
        ImportResult r = GoTraceImport.read(TraceFixtures.trace(TICKER), ProgressListener.NONE, 9);
        assertThat(r.isRefused()).isTrue();
        assertThat(r.refusal()).contains("has 3 generations").contains("no generation 9");
    }
}
