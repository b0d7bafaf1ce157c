package dev.curtain.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.GoroutineFoundWaiting;
import dev.curtain.engine.event.Event.GoroutineParked;
import dev.curtain.engine.event.Event.GoroutineStarted;
import dev.curtain.engine.event.EventText;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.Invariants;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.WaitReason;
import dev.curtain.gotrace.TraceFixtures;
import dev.curtain.importer.ImportFacts.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Goroutines that were blocked before a record began come in waiting (GoroutineFoundWaiting), not created, run
 * on a borrowed thread and parked at one instant: at a schedtrace log's first block and at a trace's statuses.
 */
class FoundWaitingTest {

    /** The goroutines a log's first block prints with status 4 (waiting), by goid, with the reason printed. */
    private static Map<Long, String> waitingAtFirstBlock(Path log) throws IOException {
        Map<Long, String> out = new TreeMap<>();
        Matcher m = Pattern.compile("^\\s+G(\\d+): status=4\\(([^)]*)\\)").matcher("");
        int blocks = 0;
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("SCHED") && ++blocks > 1) {
                break;
            }
            if (m.reset(line).find()) {
                out.put(Long.parseLong(m.group(1)), m.group(2));
            }
        }
        return out;
    }

    @Test
    void aLogsFirstBlockShowsItsWaitingGoroutinesWaitingWithNoRunOnAThread() throws IOException {
        Map<Long, String> waiting = waitingAtFirstBlock(Fixtures.log("channels-p2-detail.log"));
        assertThat(waiting).hasSizeGreaterThan(10).containsEntry(26L, "chan receive");
        ImportResult r = Fixtures.read(Fixtures.log("channels-p2-detail.log"));
        assertThat(r.isRefused()).as(String.valueOf(r.refusal())).isFalse();
        Recording rec = r.recording();
        KeyframeMark first = r.keyframes().get(0);
        Set<Long> found = new TreeSet<>();
        SchedState s = new SchedState();
        for (int i = 0; i < first.endIndex(); i++) {
            Event e = rec.event(i);
            s.apply(e);
            assertThat(Invariants.violations(s)).as("after event %d %s", i, e).isEmpty();
            long goid = e.g() >= 0 ? r.facts().goid(e.g()) : -1;
            if (e instanceof GoroutineFoundWaiting w) {
                found.add(goid);
                // waiting from its first step, with the block's reason, on no thread
                assertThat(s.goroutines().status(w.g())).isEqualTo(GStatus.WAITING);
                assertThat(s.threads()).noneMatch(t -> t.curg() == w.g());
                if (waiting.get(goid).equals("chan receive")) {
                    assertThat(w.reason()).isEqualTo(WaitReason.CHAN_RECEIVE);
                }
            }
            assertThat(e).as("event %d: nothing is parked in the first block", i).isNotInstanceOf(GoroutineParked.class);
            if (e instanceof GoroutineStarted st) {
                assertThat(waiting).as("event %d runs a goroutine that is waiting", i)
                        .doesNotContainKey(r.facts().goid(st.g()));
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(waiting.keySet());
        // the event log says so, with the log's own ids
        int at = firstFoundWaiting(rec, r, 26);
        assertThat(r.facts().eventText(at, EventText.describe(rec.event(at)))).contains("G26")
                .contains("already blocked (chan receive)")
                .contains("gopark");
    }

    @Test
    void laterBlocksStillReachANewWaitingGoroutineThroughAThread() {
        // Between two blocks a new goroutine must have run to block: only the first block finds goroutines waiting.
        ImportResult r = Fixtures.read(Fixtures.log("channels-p2-detail.log"));
        Recording rec = r.recording();
        for (int i = r.keyframes().get(0).endIndex(); i < rec.size(); i++) {
            assertThat(rec.event(i)).isNotInstanceOf(GoroutineFoundWaiting.class);
        }
    }

    /**
     * A trace gives a goroutine's status the first time a generation mentions it: one already blocked then (the
     * runtime's own, the workers waiting on a channel) is found waiting, never parked by a step made up for it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"chan-go1.22", "mixed-go1.23", "ticker-go1.25"})
    void aTracesStatusesBringInWaitingGoroutinesWaiting(String name) throws IOException {
        ImportResult r = GoTraceImport.read(TraceFixtures.trace(name), ProgressListener.NONE);
        Recording rec = r.recording();
        int found = 0;
        SchedState s = new SchedState();
        for (int i = 0; i < rec.size(); i++) {
            Event e = rec.event(i);
            boolean existed = e.g() >= 0 && e.g() < s.goroutines().size();
            s.apply(e);
            assertThat(Invariants.violations(s)).as("after event %d %s", i, e).isEmpty();
            if (e instanceof GoroutineParked) {
                assertThat(r.facts().reason(i)).as("event %d %s", i, e).isNotEqualTo(Reason.STATUS);
            }
            if (e instanceof GoroutineFoundWaiting w) {
                found++;
                assertThat(existed).as("event %d: found when first seen", i).isFalse();
                assertThat(r.facts().reason(i)).isEqualTo(Reason.STATUS);
                assertThat(s.goroutines().status(w.g())).isEqualTo(GStatus.WAITING);
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(4);
    }

    @Test
    void itsTextNamesTheReasonAndTheFunction() {
        Event e = new GoroutineFoundWaiting(3, 0, dev.curtain.engine.event.RuntimeFunction.GOPARK, 4, "main.worker",
                WaitReason.SLEEP);
        assertThat(EventText.describe(e)).isEqualTo(
                "G4 (main.worker) was already blocked (sleep) when the record began, holding no thread (gopark)");
    }

    private static int firstFoundWaiting(Recording rec, ImportResult r, long goid) {
        for (int i = 0; i < rec.size(); i++) {
            if (rec.event(i) instanceof GoroutineFoundWaiting w && r.facts().goid(w.g()) == goid) {
                return i;
            }
        }
        throw new AssertionError("goroutine " + goid + " is never found waiting");
    }
}
