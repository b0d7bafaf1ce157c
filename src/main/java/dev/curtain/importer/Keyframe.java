package dev.curtain.importer;

import dev.curtain.importer.TraceLine.GLine;
import dev.curtain.importer.TraceLine.Header;
import dev.curtain.importer.TraceLine.MLine;
import dev.curtain.importer.TraceLine.PLine;
import java.util.List;

/**
 * One {@code SCHED} block of a log, as the runtime printed it (real ids, raw status numbers): the header and, for
 * a detailed block, its P, M and G lines. {@code partial} marks a last block whose G lines were cut off; Gs it does
 * not list keep their previous state.
 *
 * @param line the 1-based line number of the {@code SCHED} line
 */
public record Keyframe(long line, Header header, List<PLine> ps, List<MLine> ms, List<GLine> gs, boolean partial) {
    public Keyframe {
        ps = List.copyOf(ps);
        ms = List.copyOf(ms);
        gs = List.copyOf(gs);
    }

    public boolean detailed() {
        return header.detailed();
    }

    public long timeMs() {
        return header.timeMs();
    }

    /** Run queue length of P {@code i}: from the summary list, else from the P line's {@code runqsize=}. */
    public int localRunq(int i) {
        if (header.localRunq() != null) {
            return header.localRunq()[i];
        }
        for (PLine p : ps) {
            if (p.id() == i) {
                return p.runqsize();
            }
        }
        return 0;
    }
}
