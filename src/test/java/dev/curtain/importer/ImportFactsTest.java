package dev.curtain.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.GoroutineReadied;
import dev.curtain.engine.event.Event.GoroutineStarted;
import dev.curtain.engine.event.Event.ProcessorRetaken;
import dev.curtain.engine.event.EventText;
import dev.curtain.engine.state.SchedState;
import dev.curtain.gotrace.TraceFixtures;
import dev.curtain.importer.ImportFacts.Reason;
import java.io.IOException;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What an import says beyond its recording: the real ids, and which steps and places it inferred. */
class ImportFactsTest {
    private static ImportResult trace(String name) throws IOException {
        return GoTraceImport.read(TraceFixtures.trace(name), ProgressListener.NONE);
    }

    @Test
    void aTracesGoroutinesAndThreadsKeepTheirOwnIds() throws IOException {
        ImportResult r = trace("mixed-go1.23");
        ImportFacts f = r.facts();
        SchedState end = r.recording().finalState();
        TreeSet<Long> engine = new TreeSet<>();
        for (int g = 1; g < end.goroutines().size(); g++) {
            engine.add(f.goid(g));
        }
        TreeSet<Long> traced = new TreeSet<>();
        r.goroutines().forEach(g -> traced.add(g.g()));
        assertThat(engine).isEqualTo(traced);
        for (int m = 0; m < r.threads().size(); m++) {
            assertThat(f.threadName(m)).isEqualTo("tid " + r.threads().get(m).m());
        }
        assertThat(f.kernelThreadIds()).isTrue();
        // the runtime's own goroutines are told by their function
        assertThat(r.goroutines()).anySatisfy(g -> assertThat(g.name()).contains("runtime."));
        int bgsweep = -1;
        for (int g = 1; g < end.goroutines().size(); g++) {
            if (f.function(g).startsWith("runtime.")) {
                bgsweep = g;
            }
        }
        assertThat(f.isRuntimeGoroutine(bgsweep)).isTrue();
        assertThat(f.isRuntimeGoroutine(1)).isFalse();
    }

    @Test
    void whatTheTraceDoesNotRecordIsInferredAndTheRestObserved() throws IOException {
        ImportResult r = trace("mixed-go1.23");
        ImportFacts f = r.facts();
        Recording rec = r.recording();
        int readied = 0;
        int retakes = 0;
        int started = 0;
        for (int i = r.openingIndex(); i < rec.size(); i++) {
            Event e = rec.event(i);
            if (e instanceof GoroutineReadied) {
                assertThat(f.reason(i)).isEqualTo(Reason.QUEUE);
                readied++;
            } else if (e instanceof ProcessorRetaken) {
                assertThat(f.reason(i)).isEqualTo(Reason.SYSMON);
                retakes++;
            } else if (e instanceof GoroutineStarted && f.reason(i) != Reason.STATUS) {
                // (a later generation's statuses may start one too: those steps are the status burst's)
                assertThat(f.reason(i)).as("execute is recorded (GoStart)").isEqualTo(Reason.OBSERVED);
                started++;
            }
        }
        assertThat(readied).isPositive();
        assertThat(retakes).isPositive();
        assertThat(started).isPositive();
        // the burst before the opening reaches the statuses the trace starts with
        for (int i = 1; i < r.openingIndex(); i++) {
            assertThat(f.reason(i)).isEqualTo(Reason.STATUS);
        }
        assertThat(f.settled(r.openingIndex())).isTrue();
    }

    @Test
    void aWokenGoroutineInTheGlobalQueueIsDrawnInferredUntilItRuns() throws IOException {
        ImportResult r = trace("mixed-go1.23");
        ImportFacts f = r.facts();
        Recording rec = r.recording();
        int checked = 0;
        for (int i = r.openingIndex(); i < rec.size() && checked < 50; i++) {
            if (rec.event(i) instanceof GoroutineReadied e) {
                SchedState after = rec.stateAt(i + 1);
                assertThat(f.placeInferred(after, e.g())).isTrue();
                assertThat(f.placesInferred(after)[e.g()]).isTrue();
                for (int k = i + 1; k < rec.size(); k++) {
                    if (rec.event(k) instanceof GoroutineStarted s && s.g() == e.g()) {
                        assertThat(f.placeInferred(rec.stateAt(k + 1), e.g())).as("running is observed").isFalse();
                        break;
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void textNamesTheRealIds() throws IOException {
        ImportResult r = trace("mixed-go1.23");
        ImportFacts f = r.facts();
        Recording rec = r.recording();
        for (int i = 0; i < rec.size(); i++) {
            if (rec.event(i) instanceof Event.GoroutineCreated c && f.goid(c.g()) != c.g()
                    && !f.function(c.g()).isEmpty()) {
                String text = f.realIds(EventText.describe(c));
                assertThat(text).startsWith("G" + f.goid(c.g()) + " (" + f.function(c.g()) + ") is created");
                break;
            }
        }
        assertThat(ImportFacts.NONE.realIds("G3 (goroutine 17 (main.worker)) on M2")).isEqualTo(
                "G3 (goroutine 17 (main.worker)) on M2");
        assertThat(ImportFacts.NONE.eventText(5, "x")).isEqualTo("x");
        assertThat(ImportFacts.NONE.stageNote(5)).isEmpty();
    }

    @Test
    void aGo123SchedtraceLogKeepsItsIdsAndSaysWhatWasFilledIn() {
        ImportResult r = Fixtures.read("syscalls-go123-p2-detail.log");
        ImportFacts f = r.facts();
        Recording rec = r.recording();
        assertThat(r.goVersion()).isEqualTo("1.22");
        SchedState end = rec.finalState();
        for (ImportedGoroutine g : r.goroutines()) {
            if (!g.placeholder()) {
                assertThat(g.name()).startsWith("goroutine " + g.g());
            }
        }
        // every engine goroutine reads as the log's goid: "goroutine 18" is G18 on its token and in the text
        for (int g = 1; g < end.goroutines().size(); g++) {
            String name = end.goroutines().function(g);
            long goid = Long.parseLong(name.replaceAll("^goroutine (\\d+).*", "$1"));
            assertThat(f.goid(g)).isEqualTo(goid);
            assertThat(f.tokenLabel(g)).isEqualTo(Long.toString(goid));
        }
        for (KeyframeMark k : r.keyframes()) {
            assertThat(f.settled(k.endIndex())).isTrue();
            // blocks that print the same state share their end: the note names them all
            String note = f.stageNote(k.endIndex());
            java.util.regex.Matcher at = java.util.regex.Pattern
                    .compile("^observed: as printed at SCHED (\\d+)ms(?: to (\\d+)ms)? \\(queue members inferred\\)$")
                    .matcher(note);
            assertThat(at.matches()).as(note).isTrue();
            long from = Long.parseLong(at.group(1));
            long to = at.group(2) == null ? from : Long.parseLong(at.group(2));
            assertThat(k.timeMs()).isBetween(from, to);
        }
        KeyframeMark second = r.keyframes().get(1);
        assertThat(f.settled(second.endIndex() - 1)).isFalse();
        assertThat(f.stageNote(second.endIndex() - 1)).startsWith("inferred: filled in after SCHED ");
        assertThat(f.reason(second.endIndex() - 1)).isEqualTo(Reason.BETWEEN_BLOCKS);
        for (int i = 1; i < rec.size() - 1; i++) {
            String text = f.realIds(EventText.describe(rec.events(), i, null));
            assertThat(text).doesNotContain(" for 0ns").doesNotContain("gets it").doesNotContain("syscall()");
        }
    }
}
