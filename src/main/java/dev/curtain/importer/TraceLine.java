package dev.curtain.importer;

import java.util.Arrays;

/**
 * One parsed line of schedtrace output: the {@code SCHED} header of a block, or a P, M or G line of a detailed block.
 * Ids the runtime prints as {@code -1} (up to about Go 1.20) or {@code nil} (later) are both -1 here.
 */
public sealed interface TraceLine {

    /**
     * {@code SCHED <ms>ms: gomaxprocs=… idleprocs=… threads=… spinningthreads=… [needspinning=…]
     * idlethreads=…
     * runqueue=…} followed either by the per-P run queue lengths (summary) or by {@code gcwaiting=…} (detailed).
     *
     * @param needspinning -1 when the version does not print it
     * @param localRunq per-P local run queue lengths of a summary line, or null (detailed lines do not print them)
     * @param schedticks per-P schedticks of Go 1.25+ summary lines, or null
     * @param detailed whether P, M and G lines follow (scheddetail=1)
     */
    record Header(long timeMs, int gomaxprocs, int idleprocs, int threads, int spinningthreads, int needspinning,
                  int idlethreads, int runqueue, int[] localRunq, long[] schedticks, boolean detailed)
            implements TraceLine {
        @Override
        public boolean equals(Object o) {
            return o instanceof Header h && h.timeMs == timeMs && h.gomaxprocs == gomaxprocs
                    && h.idleprocs == idleprocs && h.threads == threads && h.spinningthreads == spinningthreads
                    && h.needspinning == needspinning && h.idlethreads == idlethreads && h.runqueue == runqueue
                    && Arrays.equals(h.localRunq, localRunq) && Arrays.equals(h.schedticks, schedticks)
                    && h.detailed == detailed;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(timeMs) * 31 + gomaxprocs * 7 + runqueue + Arrays.hashCode(localRunq);
        }

        @Override
        public String toString() {
            return "SCHED " + timeMs + "ms gomaxprocs=" + gomaxprocs + " idleprocs=" + idleprocs + " threads="
                    + threads + " spinning=" + spinningthreads + " idlethreads=" + idlethreads + " runqueue="
                    + runqueue + " " + Arrays.toString(localRunq) + (detailed ? " detailed" : "");
        }
    }

    /** {@code P<i>: status=… schedtick=… m=… runqsize=…} (Go 1.2: {@code tick=} and {@code runqsize=n/cap}). */
    record PLine(int id, int status, long schedtick, int m, int runqsize) implements TraceLine {
    }

    /** {@code M<id>: p=… curg=… … spinning=… blocked=… lockedg=…}. */
    record MLine(int id, int p, long curg, boolean spinning, boolean blocked, long lockedg) implements TraceLine {
    }

    /**
     * {@code G<goid>: status=<n>(<wait reason>) m=… lockedm=…}; {@code status} is as printed, scan bit included.
     */
    record GLine(long goid, int status, String waitReason, int m, int lockedm) implements TraceLine {
        /** The status without the GC scan bit (0x1000). */
        public int baseStatus() {
            return status & ~0x1000;
        }
    }
}
