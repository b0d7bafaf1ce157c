package dev.curtain.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an import shows, keeps, drops and refuses. */
class ImportBehaviourTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** The state once keyframe {@code k} is complete: where the next one starts, or the end. */
    private static SchedState afterKeyframe(ImportResult r, int k) {
        return r.recording().stateAt(r.keyframes().get(k).endIndex());
    }

    private static int idleThreads(SchedState s) {
        return s.threadsIn(MState.IDLE);
    }

    @Test
    void case36Go125SummaryShowsSixteenPsGlobal45AndSeventeenBusyThreads() {
        ImportResult r = Fixtures.read("go125-summary-handwritten.log");
        assertThat(r.keyframes()).extracting(KeyframeMark::timeMs).containsExactly(0L, 1009L, 2010L);
        SchedState s = afterKeyframe(r, 1);
        assertThat(s.gomaxprocs()).isEqualTo(16);
        assertThat(s.globalQueue().size()).isEqualTo(45);
        int[] expected = {4, 4, 0, 0, 0, 4, 4, 3, 3, 3, 3, 3, 3, 1, 0, 4};
        assertThat(IntStream.range(0, 16).map(p -> s.processor(p).runqSize()).toArray()).containsExactly(expected);
        assertThat(s.liveThreads()).isEqualTo(17);
        assertThat(idleThreads(s)).isZero();
        assertThat(s.idleProcessors()).isZero();
        assertThat(s.timeNs()).isEqualTo(1_009_000_000L);
        assertThat(r.goVersion()).isEqualTo("1.25");
    }

    @Test
    void oldAndNewSummaryFormatsReplayIdentically() throws IOException {
        String old = """
                SCHED 0ms: gomaxprocs=4 idleprocs=1 threads=6 spinningthreads=1 idlethreads=0 runqueue=0 [0 0 0 0]
                SCHED 1000ms: gomaxprocs=4 idleprocs=0 threads=7 spinningthreads=0 idlethreads=1 runqueue=3 [2 0 1 5]
                """;
        String modern = """
                SCHED 0ms: gomaxprocs=4 idleprocs=1 threads=6 spinningthreads=1 needspinning=0 idlethreads=0 \
                runqueue=0 [ 0 0 0 0 ] schedticks=[ 1 0 0 0 ]
                SCHED 1000ms: gomaxprocs=4 idleprocs=0 threads=7 spinningthreads=0 needspinning=1 idlethreads=1 \
                runqueue=3 [ 2 0 1 5 ] schedticks=[ 9 9 8 7 ]
                """;
        ImportResult a = Fixtures.read(write("old.log", old));
        ImportResult b = Fixtures.read(write("new.log", modern));
        assertThat(middle(a)).isEqualTo(middle(b)).isNotEmpty();
        SchedState s = a.recording().finalState();
        assertThat(s.globalQueue().size()).isEqualTo(3);
        assertThat(IntStream.range(0, 4).map(p -> s.processor(p).runqSize()).toArray()).containsExactly(2, 0, 1, 5);
    }

    /** The events between RuntimeStarted (which names the version) and RunEnded (which names the file). */
    private static List<String> middle(ImportResult r) {
        List<Event> ev = r.recording().events();
        return ev.subList(1, ev.size() - 1).stream().map(Object::toString).toList();
    }

    @Test
    void nilAndMinusOneAndBooleanSpellingsReplayIdentically() throws IOException {
        String go119 = Files.readString(Fixtures.log("syscalls-p2-detail.log"));
        String go123 = go119.replace("=-1", "=nil").replace("gcwaiting=0", "gcwaiting=false")
                .replace("sysmonwait=0", "sysmonwait=false").replace(" idlethreads=", " needspinning=0 idlethreads=");
        ImportResult a = Fixtures.read(write("a.log", go119));
        ImportResult b = Fixtures.read(write("b.log", go123));
        assertThat(a.warnings()).isEmpty();
        assertThat(middle(b)).isEqualTo(middle(a));
        assertThat(a.goVersion()).isEqualTo("1.14");
        assertThat(b.goVersion()).isEqualTo("1.22");
    }

    @Test
    void summaryLogsShowExactlyTheCountsTheyPrint() {
        for (String name : List.of("syscalls-p4-summary.log", "channels-p4-summary.log", "channels-p1-summary.log",
                "go113-summary-handwritten.log", "go125-summary-handwritten.log")) {
            ImportResult r = Fixtures.read(name);
            for (int k = 0; k < r.keyframes().size(); k++) {
                KeyframeMark m = r.keyframes().get(k);
                SchedState s = afterKeyframe(r, k);
                String at = name + " at " + m.timeMs() + "ms";
                assertThat(s.gomaxprocs()).as(at).isEqualTo(m.gomaxprocs());
                assertThat(s.idleProcessors()).as(at).isEqualTo(m.idleprocs());
                assertThat(s.globalQueue().size()).as(at).isEqualTo(m.runqueue());
                assertThat(s.threadsIn(MState.SPINNING)).as(at).isEqualTo(m.spinningthreads());
                if (m.threads() >= 2 + m.gomaxprocs() - m.idleprocs() + m.idlethreads()) {
                    assertThat(s.liveThreads()).as(at).isEqualTo(m.threads());
                    assertThat(idleThreads(s)).as(at).isEqualTo(m.idlethreads());
                }
            }
            Keyframe last = r.lastKeyframe();
            SchedState end = r.recording().finalState();
            for (int p = 0; p < last.header().gomaxprocs(); p++) {
                assertThat(end.processor(p).runqSize()).as(name + " P" + p).isEqualTo(last.localRunq(p));
            }
            assertThat(r.goroutines()).allMatch(ImportedGoroutine::placeholder);
        }
    }

    @Test
    void detailedLogsEndExactlyWhereTheirLastBlockSays() {
        for (String name : List.of("syscalls-p1-detail.log", "syscalls-p2-detail.log",
                "syscalls-p4-detail-with-stdout.log", "lockosthread-p2-detail.log", "channels-p4-detail.log",
                "go125-detail-handwritten.log", "gomaxprocs-detail.log", "lockosthread-p1-detail.log",
                "channels-p2-detail.log")) {
            ImportResult r = Fixtures.read(name);
            Keyframe last = r.lastKeyframe();
            SchedState s = r.recording().finalState();
            for (TraceLine.PLine p : last.ps()) {
                if (p.status() == 1 && p.m() >= 0) {
                    assertThat(s.processor(p.id()).m()).as(name + " P" + p.id()).isEqualTo(p.m());
                    assertThat(s.processor(p.id()).status()).isEqualTo(PStatus.RUNNING);
                }
                if (p.status() == 0) {
                    assertThat(s.processor(p.id()).status()).as(name + " P" + p.id()).isEqualTo(PStatus.IDLE);
                }
            }
            for (TraceLine.MLine m : last.ms()) {
                ThreadState th = s.thread(m.id());
                assertThat(th.alive()).as(name + " M" + m.id()).isTrue();
                ImportedThread it = r.threads().get(m.id());
                TraceLine.GLine curg = last.gs().stream().filter(g -> g.goid() == m.curg()).findFirst().orElse(null);
                if (curg != null && (curg.baseStatus() == 2 || curg.baseStatus() == 3)) {
                    assertThat(it.curg()).as(name + " M" + m.id() + ".curg").isEqualTo(m.curg());
                }
                if (m.lockedg() >= 0) {
                    assertThat(it.lockedg()).as(name + " M" + m.id() + ".lockedg").isEqualTo(m.lockedg());
                }
                if (m.spinning() && m.p() >= 0 && m.curg() < 0) {
                    assertThat(th.state()).isEqualTo(MState.SPINNING);
                }
            }
            long liveListed = last.ms().size();
            assertThat(s.liveThreads()).as(name + " live threads").isEqualTo((int) liveListed);
            for (TraceLine.GLine g : last.gs()) {
                ImportedGoroutine ig = r.goroutines().stream().filter(x -> x.g() == g.goid()).findFirst()
                        .orElse(null);
                String expected = switch (g.baseStatus()) {
                    case 1 -> "runnable";
                    case 4, 9 -> "waiting";
                    case 6 -> "dead";
                    default -> null;
                };
                if (ig == null) {
                    assertThat(g.baseStatus()).as(name + " G" + g.goid() + " never seen alive").isIn(0, 6);
                } else if (expected != null) {
                    assertThat(ig.state()).as(name + " G" + g.goid()).isEqualTo(expected);
                }
            }
            int runnable = (int) r.goroutines().stream().filter(g -> g.state().equals("runnable")).count();
            int printed = last.header().runqueue()
                    + IntStream.range(0, last.header().gomaxprocs()).map(last::localRunq).sum();
            int queued = s.globalQueue().size()
                    + IntStream.range(0, s.gomaxprocs()).map(p -> s.processor(p).runqSize()).sum();
            assertThat(queued).as(name + " queued").isEqualTo(Math.min(printed, runnable));
        }
    }

    @Test
    void lockedGoroutinesAndTheThreadTheirExitKills() {
        ImportResult r = Fixtures.read("lockosthread-p2-detail.log");
        boolean sawLockedIdle = false;
        boolean sawWorkerLock = false;
        for (int k = 0; k < r.keyframes().size(); k++) {
            SchedState s = afterKeyframe(r, k);
            for (ThreadState th : s.threads()) {
                sawLockedIdle |= th.state() == MState.LOCKED_IDLE;
                sawWorkerLock |= th.id() == 2 && th.lockedg() >= 0;
            }
        }
        assertThat(sawLockedIdle).isTrue();
        assertThat(sawWorkerLock).isTrue();
        SchedState end = r.recording().finalState();
        assertThat(end.thread(2).alive()).as("the locked worker's thread exits with it").isFalse();
        assertThat(end.thread(0).lockedg()).isEqualTo(1);
        assertThat(r.goroutines()).filteredOn(g -> g.g() == 1).singleElement()
                .satisfies(g -> assertThat(g.lockedTo()).isZero());
    }

    @Test
    void syscallsHoldThreadsAndPsInSyscallStatusArePaired() {
        ImportResult r = Fixtures.read("syscalls-p1-detail.log");
        boolean pInSyscall = false;
        int maxInSyscall = 0;
        for (int k = 0; k < r.keyframes().size(); k++) {
            SchedState s = afterKeyframe(r, k);
            pInSyscall |= s.processor(0).status() == PStatus.SYSCALL;
            maxInSyscall = Math.max(maxInSyscall, s.threadsIn(MState.SYSCALL));
        }
        assertThat(pInSyscall).isTrue();
        assertThat(maxInSyscall).isGreaterThanOrEqualTo(4);
    }

    @Test
    void programOutputIsIgnoredAndBadLinesAreReportedByNumber() {
        ImportResult r = Fixtures.read("interleaved-and-bad-handwritten.log");
        assertThat(r.keyframes()).extracting(KeyframeMark::line).containsExactly(2L, 16L);
        assertThat(r.warnings()).extracting(ImportWarning::line).containsExactly(11L, 13L);
        assertThat(r.warnings().get(0).message()).contains("status");
        assertThat(r.warnings().get(1).message()).contains("runqueue=zero");
        SchedState s = r.recording().finalState();
        assertThat(s.processor(1).runqSize()).isEqualTo(1);
        assertThat(r.goroutines()).extracting(ImportedGoroutine::g).contains(1L, 2L, 18L, 19L);
    }

    @Test
    void aLastBlockCutInItsGoroutinesIsKeptAsPartial() {
        ImportResult r = Fixtures.read("truncated-detail.log");
        assertThat(r.keyframes()).hasSize(2);
        assertThat(r.lastKeyframe().partial()).isTrue();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).contains("cut off"));
        SchedState s = r.recording().finalState();
        assertThat(s.processor(1).m()).isEqualTo(2);
        assertThat(s.goroutines().status(2)).isEqualTo(GStatus.WAITING);
    }

    @Test
    void aLastBlockCutInItsPsIsDropped() {
        ImportResult r = Fixtures.read("truncated-in-ps.log");
        assertThat(r.keyframes()).hasSize(1);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(8);
            assertThat(w.message()).contains("dropped");
        });
    }

    @Test
    void filesThatAreNotSchedtraceLogsAreRefusedWithAReason() throws IOException {
        Path text = write("notes.txt", "hello\nthis is a Go program's output\nG1: done\n");
        Path binary = dir.resolve("prog");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0});
        Path empty = write("empty.log", "");
        Path onlyBad = write("bad.log", "SCHED 0ms: gomaxprocs=two\n");
        for (Path p : List.of(text, binary, empty)) {
            assertThat(SchedtraceImport.looksLikeSchedtrace(p)).as(p.toString()).isFalse();
            ImportResult r = Fixtures.read(p);
            assertThat(r.isRefused()).isTrue();
            assertThat(r.refusal()).contains(p.getFileName().toString());
            assertThat(r.recording()).isNull();
        }
        assertThat(Fixtures.read(text).refusal()).contains("not a schedtrace log").contains("GODEBUG=schedtrace");
        assertThat(Fixtures.read(binary).refusal()).contains("binary");
        ImportResult bad = Fixtures.read(onlyBad);
        assertThat(bad.isRefused()).isTrue();
        assertThat(bad.refusal()).contains("no readable SCHED block");
        assertThat(bad.warnings()).singleElement().extracting(ImportWarning::line).isEqualTo(1L);
        assertThat(SchedtraceImport.looksLikeSchedtrace(dir.resolve("missing.log"))).isFalse();
    }

    @Test
    void aScenarioThatQuotesASchedLineIsNotALog() throws IOException {
        Path scenario = write("lesson.json", "{ \"title\": \"schedtrace\",\n  \"caption\": \"SCHED 0ms: "
                + "gomaxprocs=4 idleprocs=1 threads=6 spinningthreads=1 idlethreads=0 runqueue=0 [0 0 0 0]\" }\n");
        assertThat(SchedtraceImport.looksLikeSchedtrace(scenario)).isFalse();
    }

    @Test
    void windowsLineEndingsReplayIdentically() throws IOException {
        String unix = Files.readString(Fixtures.log("lockosthread-p2-detail.log"));
        ImportResult a = Fixtures.read(write("unix.log", unix));
        ImportResult b = Fixtures.read(write("dos.log", unix.replace("\n", "\r\n")));
        assertThat(b.warnings()).isEmpty();
        assertThat(middle(b)).isEqualTo(middle(a));
    }

    @Test
    void aSummaryLogWithoutAFinalNewlineKeepsItsLastLine() throws IOException {
        String text = Files.readString(Fixtures.log("go113-summary-handwritten.log")).strip();
        ImportResult r = Fixtures.read(write("no-newline.log", text));
        assertThat(r.keyframes()).hasSize(3);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void anUnchangedBlockAnimatesNothing() throws IOException {
        String text = Files.readString(Fixtures.log("go125-detail-handwritten.log"));
        String last = text.substring(text.lastIndexOf("SCHED 20ms"));
        ImportResult r = Fixtures.read(write("repeat.log", text + last.replace("SCHED 20ms", "SCHED 30ms")));
        List<KeyframeMark> ks = r.keyframes();
        assertThat(ks).hasSize(4);
        assertThat(ks.get(3).endIndex()).isEqualTo(ks.get(3).eventIndex());
        assertThat(ks.get(3).endIndex()).isEqualTo(r.recording().size() - 1);
    }

    @Test
    void goroutinesAreNamedByGoidAndWhatTheyAre() {
        ImportResult r = Fixtures.read("syscalls-p2-detail.log");
        assertThat(r.goroutines()).extracting(ImportedGoroutine::name)
                .contains("goroutine 1 (main)", "goroutine 2 (runtime.forcegchelper)", "goroutine 3 (runtime.bgsweep)",
                        "goroutine 18");
        assertThat(r.goroutines()).filteredOn(g -> g.g() == 18).singleElement()
                .satisfies(g -> assertThat(g.placeholder()).isFalse());
    }

    @Test
    void gomaxprocsChangesResizeThePs() {
        ImportResult r = Fixtures.read("gomaxprocs-detail.log");
        List<Integer> sizes = new ArrayList<>();
        for (int k = 0; k < r.keyframes().size(); k++) {
            int n = afterKeyframe(r, k).gomaxprocs();
            assertThat(n).isEqualTo(r.keyframes().get(k).gomaxprocs());
            if (sizes.isEmpty() || sizes.get(sizes.size() - 1) != n) {
                sizes.add(n);
            }
        }
        assertThat(sizes).containsExactly(2, 4, 1, 2, 4);
        assertThat(r.recording().events()).filteredOn(e -> e instanceof Event.ProcessorsResized).hasSize(5);
    }

    @Test
    void timeGoingBackIsReportedAndHeld() throws IOException {
        String text = Files.readString(Fixtures.log("go113-summary-handwritten.log"));
        ImportResult r = Fixtures.read(write("twice.log", text + text));
        assertThat(r.keyframes()).hasSize(6);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(4);
            assertThat(w.message()).contains("goes back in time");
        });
        assertThat(r.recording().finalState().timeNs()).isEqualTo(2_001_000_000L);
    }

    @Test
    void everyFixtureIsDetectedByContent() {
        for (Path p : Fixtures.all()) {
            assertThat(SchedtraceImport.looksLikeSchedtrace(p)).as(p.toString()).isTrue();
        }
        assertThat(SchedtraceImport.looksLikeSchedtrace(Fixtures.log("syscalls.go.txt"))).isFalse();
    }

    @Test
    void progressRisesToOneAndCancellationStops() throws IOException {
        List<Double> seen = new ArrayList<>();
        ImportResult r = SchedtraceImport.read(Fixtures.log("channels-p4-detail.log"), new ProgressListener() {
            @Override
            public void progress(double fraction) {
                seen.add(fraction);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertThat(r.isRefused()).isFalse();
        assertThat(seen).isSorted().last().isEqualTo(1.0);
        assertThatThrownBy(() -> SchedtraceImport.read(Fixtures.log("channels-p4-detail.log"),
                new ProgressListener() {
                    @Override
                    public void progress(double fraction) {
                    }

                    @Override
                    public boolean cancelled() {
                        return true;
                    }
                })).isInstanceOf(CancellationException.class);
    }

    @Test
    void eventTimesAreTheKeyframesWallTimes() {
        ImportResult r = Fixtures.read("syscalls-p2-detail.log");
        Recording rec = r.recording();
        for (int k = 0; k < r.keyframes().size(); k++) {
            KeyframeMark m = r.keyframes().get(k);
            assertThat(m.endIndex()).isEqualTo(k + 1 < r.keyframes().size() ? r.keyframes().get(k + 1).eventIndex()
                    : rec.size() - 1);
            for (int i = Math.max(1, m.eventIndex()); i < m.endIndex(); i++) {
                assertThat(rec.event(i).timeNs()).isEqualTo(m.timeMs() * 1_000_000L);
            }
        }
        assertThat(rec.event(rec.size() - 1)).isInstanceOf(Event.RunEnded.class);
    }
}
