package dev.curtain.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a large, plausible schedtrace log for measuring the importer: a busy server with {@code procs} Ps. The
 * detailed form (Go 1.19 spelling) has 32 goroutines per P that run, block, wake and enter syscalls, with a
 * tenth of them changing between blocks as in a real 10 ms trace; the summary form (Go 1.25 spelling, with
 * {@code schedticks}) has queue lengths that drift. Seeded, so a size and seed always give the same file.
 */
public final class SyntheticSchedtrace {
    private SyntheticSchedtrace() {
    }

    /** Writes at least {@code bytes} bytes of log to {@code out}; returns the number of blocks. */
    public static int write(Path out, long bytes, int procs, boolean detailed, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            Model m = new Model(procs, r);
            long written = 0;
            int blocks = 0;
            StringBuilder sb = new StringBuilder(1 << 16);
            while (written < bytes) {
                sb.setLength(0);
                if (detailed) {
                    m.stepDetailed();
                    m.printDetailed(sb, blocks * 10L);
                } else {
                    m.stepSummary();
                    m.printSummary(sb, blocks * 10L);
                }
                if (blocks % 50 == 7) {
                    sb.append("2026/11/27 14:00:00 handled request ").append(blocks).append(" in 3ms\n");
                }
                w.append(sb);
                written += sb.length();
                blocks++;
            }
            return blocks;
        }
    }

    /** A crude server: Ps owned by fixed workers, goroutines cycling through run, wait and syscall. */
    private static final class Model {
        private final int procs;
        private final SplittableRandom r;
        private final int gs;
        private final int[] gStatus;
        private final int[] gM;
        private final int[] pCurg;
        private final boolean[] pIdle;
        private final int sysMs;
        private final int[] sysCurg;
        private final int[] local;
        private int global;
        private final long[] ticks;

        Model(int procs, SplittableRandom r) {
            this.procs = procs;
            this.r = r;
            this.gs = 32 * procs;
            this.gStatus = new int[gs];
            this.gM = new int[gs];
            java.util.Arrays.fill(gStatus, 4);
            java.util.Arrays.fill(gM, -1);
            this.pCurg = new int[procs];
            java.util.Arrays.fill(pCurg, -1);
            this.pIdle = new boolean[procs];
            this.sysMs = Math.max(1, procs / 4);
            this.sysCurg = new int[sysMs];
            java.util.Arrays.fill(sysCurg, -1);
            this.local = new int[procs];
            this.ticks = new long[procs];
        }

        private static long goid(int i) {
            return i < 4 ? i + 1 : 17 + 3L * i;
        }

        private int worker(int p) {
            return p + 2;
        }

        private int sysM(int k) {
            return procs + 2 + k;
        }

        void stepDetailed() {
            for (int i = 0; i < gs; i++) {
                if (gStatus[i] == 4 && r.nextInt(20) == 0) {
                    gStatus[i] = 1;
                } else if (gStatus[i] == 1 && r.nextInt(30) == 0) {
                    gStatus[i] = 4;
                }
            }
            for (int p = 0; p < procs; p++) {
                ticks[p] += r.nextInt(5);
                if (pCurg[p] >= 0 && r.nextInt(10) < 3) {
                    int g = pCurg[p];
                    gStatus[g] = r.nextBoolean() ? 1 : 4;
                    gM[g] = -1;
                    pCurg[p] = -1;
                }
                pIdle[p] = r.nextInt(10) == 0 && pCurg[p] < 0;
                if (!pIdle[p] && pCurg[p] < 0) {
                    int g = pick(1);
                    if (g >= 0) {
                        gStatus[g] = 2;
                        gM[g] = worker(p);
                        pCurg[p] = g;
                    }
                }
            }
            for (int k = 0; k < sysMs; k++) {
                if (sysCurg[k] >= 0 && r.nextInt(5) == 0) {
                    gStatus[sysCurg[k]] = 1;
                    gM[sysCurg[k]] = -1;
                    sysCurg[k] = -1;
                } else if (sysCurg[k] < 0 && r.nextInt(5) == 0) {
                    int g = pick(4);
                    if (g >= 0) {
                        gStatus[g] = 3;
                        gM[g] = sysM(k);
                        sysCurg[k] = g;
                    }
                }
            }
            int runnable = 0;
            for (int i = 0; i < gs; i++) {
                runnable += gStatus[i] == 1 ? 1 : 0;
            }
            java.util.Arrays.fill(local, 0);
            int busy = 0;
            for (int p = 0; p < procs; p++) {
                busy += pIdle[p] ? 0 : 1;
            }
            global = busy == 0 ? runnable : runnable / 8;
            int left = runnable - global;
            for (int p = 0; left > 0; p = (p + 1) % procs) {
                if (!pIdle[p] || busy == 0) {
                    local[p]++;
                    left--;
                }
            }
        }

        /** A random goroutine in {@code status}, or -1 after a few misses. */
        private int pick(int status) {
            for (int tries = 0; tries < 8; tries++) {
                int g = 4 + r.nextInt(gs - 4);
                if (gStatus[g] == status) {
                    return g;
                }
            }
            return -1;
        }

        void printDetailed(StringBuilder sb, long ms) {
            int idle = 0;
            for (boolean b : pIdle) {
                idle += b ? 1 : 0;
            }
            int threads = procs + 2 + sysMs;
            int idleThreads = idle;
            for (int k = 0; k < sysMs; k++) {
                idleThreads += sysCurg[k] < 0 ? 1 : 0;
            }
            sb.append("SCHED ").append(ms).append("ms: gomaxprocs=").append(procs).append(" idleprocs=").append(idle)
                    .append(" threads=").append(threads).append(" spinningthreads=0 idlethreads=").append(idleThreads)
                    .append(" runqueue=").append(global)
                    .append(" gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0\n");
            for (int p = 0; p < procs; p++) {
                sb.append("  P").append(p).append(": status=").append(pIdle[p] ? 0 : 1).append(" schedtick=")
                        .append(ticks[p]).append(" syscalltick=").append(ticks[p] / 3).append(" m=")
                        .append(pIdle[p] ? -1 : worker(p)).append(" runqsize=").append(local[p])
                        .append(" gfreecnt=0 timerslen=").append(p % 3).append('\n');
            }
            for (int k = sysMs - 1; k >= 0; k--) {
                mLine(sb, sysM(k), -1, sysCurg[k] < 0 ? -1 : goid(sysCurg[k]), sysCurg[k] < 0);
            }
            for (int p = procs - 1; p >= 0; p--) {
                mLine(sb, worker(p), pIdle[p] ? -1 : p, pCurg[p] < 0 ? -1 : goid(pCurg[p]), pIdle[p]);
            }
            mLine(sb, 1, -1, -1, false);
            mLine(sb, 0, -1, -1, true);
            for (int i = 0; i < gs; i++) {
                sb.append("  G").append(goid(i)).append(": status=").append(gStatus[i]).append('(')
                        .append(gStatus[i] == 4 ? (i % 3 == 0 ? "chan receive" : i % 3 == 1 ? "IO wait" : "select")
                                : "")
                        .append(") m=").append(gM[i]).append(" lockedm=-1\n");
            }
        }

        private static void mLine(StringBuilder sb, int m, int p, long curg, boolean blocked) {
            sb.append("  M").append(m).append(": p=").append(p).append(" curg=").append(curg)
                    .append(" mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=")
                    .append(blocked).append(" lockedg=-1\n");
        }

        void stepSummary() {
            for (int p = 0; p < procs; p++) {
                int step = r.nextInt(10);
                if (step < 2 && local[p] > 0) {
                    local[p]--;
                } else if (step > 7 && local[p] < 20) {
                    local[p]++;
                }
                ticks[p] += 1 + r.nextInt(8);
            }
            int g = r.nextInt(10);
            global = Math.max(0, Math.min(100, global + (g < 3 ? -1 : g > 6 ? 1 : 0)));
        }

        void printSummary(StringBuilder sb, long ms) {
            int idle = 0;
            for (int p = 0; p < procs; p++) {
                idle += local[p] == 0 && p % 7 == 0 ? 1 : 0;
            }
            sb.append("SCHED ").append(ms).append("ms: gomaxprocs=").append(procs).append(" idleprocs=").append(idle)
                    .append(" threads=").append(procs + 10).append(" spinningthreads=").append(idle > 0 ? 1 : 0)
                    .append(" needspinning=0 idlethreads=").append(idle + 3).append(" runqueue=").append(global)
                    .append(" [ ");
            for (int p = 0; p < procs; p++) {
                sb.append(local[p]).append(' ');
            }
            sb.append("] schedticks=[ ");
            for (int p = 0; p < procs; p++) {
                sb.append(ticks[p]).append(' ');
            }
            sb.append("]\n");
        }
    }
}
