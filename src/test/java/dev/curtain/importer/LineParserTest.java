package dev.curtain.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curtain.importer.TraceLine.GLine;
import dev.curtain.importer.TraceLine.Header;
import dev.curtain.importer.TraceLine.MLine;
import dev.curtain.importer.TraceLine.PLine;
import org.junit.jupiter.api.Test;

/** Every format docs/importer.md lists, one line at a time. */
class LineParserTest {

    private static TraceLine parse(String line) throws BadLineException {
        return LineParser.parse(line);
    }

    @Test
    void go125SummaryLineOfCase36() throws Exception {
        Header h = (Header) parse("SCHED 1009ms: gomaxprocs=16 idleprocs=0 threads=17 spinningthreads=0 "
                + "needspinning=1 idlethreads=0 runqueue=45 [ 4 4 0 0 0 4 4 3 3 3 3 3 3 1 0 4 ] "
                + "schedticks=[ 53 52 51 51 51 51 51 51 51 51 51 51 51 50 51 50 ]");
        assertThat(h.timeMs()).isEqualTo(1009);
        assertThat(h.gomaxprocs()).isEqualTo(16);
        assertThat(h.threads()).isEqualTo(17);
        assertThat(h.idlethreads()).isZero();
        assertThat(h.runqueue()).isEqualTo(45);
        assertThat(h.needspinning()).isEqualTo(1);
        assertThat(h.localRunq()).containsExactly(4, 4, 0, 0, 0, 4, 4, 3, 3, 3, 3, 3, 3, 1, 0, 4);
        assertThat(h.schedticks()).hasSize(16).startsWith(53L, 52L);
        assertThat(h.detailed()).isFalse();
    }

    @Test
    void go113SummaryLineParsesLikeTheNewOneWithoutItsExtras() throws Exception {
        Header old = (Header) parse("SCHED 0ms: gomaxprocs=4 idleprocs=1 threads=6 spinningthreads=1 "
                + "idlethreads=0 runqueue=0 [0 0 0 0]");
        Header modern = (Header) parse("SCHED 0ms: gomaxprocs=4 idleprocs=1 threads=6 spinningthreads=1 "
                + "needspinning=0 idlethreads=0 runqueue=0 [ 0 0 0 0 ] schedticks=[ 0 0 0 0 ]");
        assertThat(old.needspinning()).isEqualTo(-1);
        assertThat(old.schedticks()).isNull();
        assertThat(new Header(modern.timeMs(), modern.gomaxprocs(), modern.idleprocs(), modern.threads(),
                modern.spinningthreads(), -1, modern.idlethreads(), modern.runqueue(), modern.localRunq(), null,
                modern.detailed())).isEqualTo(old);
    }

    @Test
    void detailedHeaderWithOldAndNewBooleans() throws Exception {
        Header a = (Header) parse("SCHED 12ms: gomaxprocs=2 idleprocs=0 threads=7 spinningthreads=0 idlethreads=0 "
                + "runqueue=0 gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0");
        Header b = (Header) parse("SCHED 12ms: gomaxprocs=2 idleprocs=0 threads=7 spinningthreads=0 "
                + "needspinning=0 idlethreads=0 runqueue=0 gcwaiting=false nmidlelocked=0 stopwait=0 "
                + "sysmonwait=false");
        assertThat(a.detailed()).isTrue();
        assertThat(a.localRunq()).isNull();
        assertThat(b.runqueue()).isEqualTo(a.runqueue());
        assertThat(b.threads()).isEqualTo(7);
    }

    @Test
    void go12HeaderWithoutSpinningThreads() throws Exception {
        Header h = (Header) parse("SCHED 0ms: gomaxprocs=4 idleprocs=0 threads=3 idlethreads=0 runqueue=0 [1 0 0 0]");
        assertThat(h.spinningthreads()).isZero();
        assertThat(h.localRunq()).containsExactly(1, 0, 0, 0);
    }

    @Test
    void pLinesOfEveryVersion() throws Exception {
        assertThat(parse("  P0: status=1 schedtick=12 syscalltick=4 m=6 runqsize=0 gfreecnt=0 timerslen=3"))
                .isEqualTo(new PLine(0, 1, 12, 6, 0));
        assertThat(parse("  P1: status=0 schedtick=0 syscalltick=0 m=nil runqsize=2 gfreecnt=0 timerslen=0"))
                .isEqualTo(new PLine(1, 0, 0, -1, 2));
        assertThat(parse("  P1: status=0 schedtick=0 syscalltick=0 m=-1 runqsize=2 gfreecnt=0"))
                .isEqualTo(new PLine(1, 0, 0, -1, 2));
        assertThat(parse("P0: status=3 tick=1 m=0 runqsize=1/128 gfreecnt=0"))
                .isEqualTo(new PLine(0, 3, 1, 0, 1));
    }

    @Test
    void mLinesWithNilAndFreeTextPreemptoff() throws Exception {
        assertThat(parse("  M4: p=nil curg=nil mallocing=0 throwing=0 preemptoff=GC worker init locks=1 dying=0 "
                + "spinning=false blocked=false lockedg=nil")).isEqualTo(new MLine(4, -1, -1, false, false, -1));
        assertThat(parse("  M0: p=1 curg=1 mallocing=0 throwing=0 preemptoff= locks=2 dying=0 spinning=false "
                + "blocked=false lockedg=1")).isEqualTo(new MLine(0, 1, 1, false, false, 1));
        assertThat(parse("M0: p=0 curg=1 mallocing=0 throwing=0 gcing=0 locks=0 dying=0 helpgc=0 spinning=1 "
                + "lockedg=-1")).isEqualTo(new MLine(0, 0, 1, true, false, -1));
    }

    @Test
    void gLinesWithNestedWaitReasonsAndTheScanBit() throws Exception {
        GLine g = (GLine) parse("  G2: status=4(force gc (idle)) m=-1 lockedm=-1");
        assertThat(g).isEqualTo(new GLine(2, 4, "force gc (idle)", -1, -1));
        GLine scan = (GLine) parse("  G3: status=4100(GC sweep wait) m=nil lockedm=nil");
        assertThat(scan.baseStatus()).isEqualTo(4);
        assertThat(scan.waitReason()).isEqualTo("GC sweep wait");
        assertThat(parse("  G17: status=1() m=-1 lockedm=-1")).isEqualTo(new GLine(17, 1, "", -1, -1));
        assertThat(parse("  G1: status=2(chan receive) m=0 lockedm=0"))
                .isEqualTo(new GLine(1, 2, "chan receive", 0, 0));
    }

    @Test
    void programOutputIsNotTraceOutput() throws Exception {
        assertThat(parse("program output: busy work done")).isNull();
        assertThat(parse("")).isNull();
        assertThat(parse("Map: a=1")).isNull();
        assertThat(parse("GET /index.html 200")).isNull();
        assertThat(parse("P2P: connected")).isNull();
        assertThat(parse("the SCHED report")).isNull();
    }

    @Test
    void aHeaderAfterProgramOutputOnTheSameLineIsFound() throws Exception {
        Header h = (Header) parse("no newline yetSCHED 30ms: gomaxprocs=1 idleprocs=0 threads=3 spinningthreads=0 "
                + "idlethreads=1 runqueue=0 [2]");
        assertThat(h.timeMs()).isEqualTo(30);
        assertThat(h.localRunq()).containsExactly(2);
    }

    @Test
    void unknownKeysAreIgnored() throws Exception {
        assertThat(parse("  P0: status=1 schedtick=1 syscalltick=0 m=0 runqsize=3 gfreecnt=0 timerslen=0 "
                + "futurefield=7")).isEqualTo(new PLine(0, 1, 1, 0, 3));
    }

    @Test
    void brokenTraceLinesSayWhatIsWrong() {
        assertThatThrownBy(() -> parse("SCHED 10ms: gomaxprocs=2 idleprocs=0 threads=3 idlethreads=0 "
                + "runqueue=zero [0 0]"))
                .isInstanceOf(BadLineException.class).hasMessageContaining("runqueue=zero");
        assertThatThrownBy(() -> parse("SCHED 10ms: gomaxprocs=4 idleprocs=0 threads=3 idlethreads=0 runqueue=0 [0 0"))
                .isInstanceOf(BadLineException.class).hasMessageContaining("cut off");
        assertThatThrownBy(() -> parse("SCHED 10ms: gomaxprocs=4 idleprocs=0 threads=3 idlethreads=0 runqueue=0 [0 0]"))
                .isInstanceOf(BadLineException.class).hasMessageContaining("2 entries");
        assertThatThrownBy(() -> parse("  G3: status=banana m=-1 lockedm=-1"))
                .isInstanceOf(BadLineException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> parse("  M2: curg=-1 spinning=false"))
                .isInstanceOf(BadLineException.class).hasMessageContaining("p=");
        assertThatThrownBy(() -> parse("  G18: status=2() m=2 lo"))
                .isInstanceOf(BadLineException.class);
        assertThatThrownBy(() -> parse("  M99999999: p=-1 curg=-1 spinning=false blocked=true lockedg=-1"))
                .isInstanceOf(BadLineException.class).hasMessageContaining("plausible");
        assertThatThrownBy(() -> parse("SCHED 0ms: gomaxprocs=100000 idleprocs=0 threads=3 idlethreads=0 runqueue=0"
                + " gcwaiting=0")).isInstanceOf(BadLineException.class).hasMessageContaining("out of range");
    }
}
