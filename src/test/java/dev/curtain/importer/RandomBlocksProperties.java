package dev.curtain.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.Invariants;
import dev.curtain.engine.state.SchedState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Logs made of random blocks, most of them self-contradictory in the ways a racy print can be (a P owned by an M
 * that claims another P, a running G no thread runs, a lock only one side admits, GOMAXPROCS changing, threads
 * appearing and exiting): every one must import, keep the invariants after every event, and reach each block.
 */
class RandomBlocksProperties {

    @Property(tries = 150)
    void anyDetailedLogReplaysConsistently(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int blocks)
            throws IOException {
        check(RandomLog.detailed(new Random(seed), blocks));
    }

    @Property(tries = 100)
    void anySummaryLogReplaysConsistently(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int blocks)
            throws IOException {
        check(RandomLog.summary(new Random(seed), blocks));
    }

    private static void check(String text) throws IOException {
        Path f = Files.createTempFile("random", ".log");
        try {
            Files.writeString(f, text);
            ImportResult r = SchedtraceImport.read(f, ProgressListener.NONE);
            assertThat(r.isRefused()).as(r.refusal() + "\n" + text).isFalse();
            assertThat(r.warnings().stream().filter(w -> w.message().startsWith("shown approximately")))
                    .as(text).isEmpty();
            // Queue lengths: never more than printed, and overflow to the global queue only when every printed
            // local slot and every runnext is taken.
            SchedState end = r.recording().finalState();
            Keyframe last = r.lastKeyframe();
            boolean localsFull = true;
            for (int p = 0; p < end.gomaxprocs(); p++) {
                int printed = Math.min(256, last.localRunq(p));
                assertThat(end.processor(p).runqSize()).as("P%d in\n%s", p, text).isLessThanOrEqualTo(printed);
                boolean runnextTaken = end.processor(p).runnext() >= 0
                        || end.processor(p).status() == dev.curtain.engine.state.PStatus.IDLE;
                localsFull &= end.processor(p).runqSize() == printed && runnextTaken;
            }
            if (end.globalQueue().size() > last.header().runqueue()) {
                assertThat(localsFull).as("global overflow with room left in\n%s", text).isTrue();
            }
            SchedState s = new SchedState();
            for (Event e : r.recording().events()) {
                s.apply(e);
                assertThat(Invariants.violations(s)).as("after %s in\n%s", e, text).isEmpty();
            }
        } finally {
            Files.delete(f);
        }
    }

    /** Text of random blocks in the Go 1.19 and 1.25 shapes. */
    static final class RandomLog {
        static String detailed(Random r, int blocks) {
            StringBuilder sb = new StringBuilder();
            int firstM = 0;
            int maxM = 2;
            long nextG = 1;
            for (int b = 0; b < blocks; b++) {
                int gmp = 1 + r.nextInt(4);
                boolean nil = r.nextBoolean();
                String none = nil ? "nil" : "-1";
                maxM += r.nextInt(3);
                if (r.nextInt(4) == 0) {
                    firstM = Math.min(maxM, firstM + 1 + r.nextInt(2));
                }
                nextG += r.nextInt(5);
                sb.append("SCHED ").append(b * 10).append("ms: gomaxprocs=").append(gmp).append(" idleprocs=")
                        .append(r.nextInt(gmp + 1)).append(" threads=").append(maxM + 1)
                        .append(" spinningthreads=0 idlethreads=1 runqueue=").append(r.nextInt(4))
                        .append(" gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0\n");
                for (int p = 0; p < gmp; p++) {
                    int m = r.nextInt(maxM + 2) - 1;
                    sb.append("  P").append(p).append(": status=").append(r.nextInt(4)).append(" schedtick=")
                            .append(r.nextInt(100)).append(" syscalltick=0 m=").append(m < 0 ? none : m)
                            .append(" runqsize=").append(r.nextInt(3)).append(" gfreecnt=0 timerslen=0\n");
                }
                for (int m = maxM; m >= 0; m--) {
                    if (m != 0 && m < firstM && r.nextBoolean()) {
                        continue;
                    }
                    int p = r.nextInt(gmp + 1) - 1;
                    long curg = r.nextInt(3) == 0 ? -1 : 1 + r.nextInt((int) nextG);
                    long locked = r.nextInt(5) == 0 ? 1 + r.nextInt((int) nextG) : -1;
                    sb.append("  M").append(m).append(": p=").append(p < 0 ? none : p).append(" curg=")
                            .append(curg < 0 ? none : curg).append(" mallocing=0 throwing=0 preemptoff= locks=0")
                            .append(" dying=0 spinning=").append(r.nextInt(4) == 0).append(" blocked=")
                            .append(r.nextBoolean()).append(" lockedg=").append(locked < 0 ? none : locked)
                            .append('\n');
                }
                for (long g = 1; g < nextG; g++) {
                    if (r.nextInt(8) == 0) {
                        continue; // its struct was reused under a new goid: the old goid is gone
                    }
                    int[] statuses = {1, 2, 3, 4, 4, 6, 8, 9, 0x1004, 0};
                    int st = statuses[r.nextInt(statuses.length)];
                    int m = r.nextInt(maxM + 2) - 1;
                    int lm = r.nextInt(6) == 0 ? r.nextInt(maxM + 1) : -1;
                    sb.append("  G").append(g).append(": status=").append(st).append('(')
                            .append(st == 4 ? "chan receive" : st == 0x1004 ? "force gc (idle)" : "")
                            .append(") m=").append(m < 0 ? none : m).append(" lockedm=")
                            .append(lm < 0 ? none : lm).append('\n');
                }
            }
            return sb.toString();
        }

        static String summary(Random r, int blocks) {
            StringBuilder sb = new StringBuilder();
            for (int b = 0; b < blocks; b++) {
                int gmp = 1 + r.nextInt(6);
                boolean modern = r.nextBoolean();
                sb.append("SCHED ").append(b * 1000).append("ms: gomaxprocs=").append(gmp).append(" idleprocs=")
                        .append(r.nextInt(gmp + 1)).append(" threads=").append(1 + r.nextInt(10))
                        .append(" spinningthreads=").append(r.nextInt(3));
                if (modern) {
                    sb.append(" needspinning=").append(r.nextInt(2));
                }
                sb.append(" idlethreads=").append(r.nextInt(5)).append(" runqueue=").append(r.nextInt(6));
                sb.append(modern ? " [ " : " [");
                for (int p = 0; p < gmp; p++) {
                    sb.append(p > 0 ? " " : "").append(r.nextInt(5) == 0 ? r.nextInt(300) : r.nextInt(4));
                }
                sb.append(modern ? " ] schedticks=[ 1 ]\n" : "]\n");
            }
            return sb.toString();
        }
    }
}
