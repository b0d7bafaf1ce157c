package dev.curtain.importer;

/**
 * Where one keyframe sits in the recording, with its header counts: small enough to keep for every keyframe of a
 * 100 MB log (the full keyframes are not kept; only the last one is).
 *
 * @param line the log line of its {@code SCHED} header
 * @param eventIndex the index of the keyframe's first event (the moves from the previous keyframe start here)
 * @param endIndex one past its last event: {@code recording.stateAt(endIndex)} is the keyframe as printed (a
 *                 player opening an import can start there, after the burst that sets up the first block)
 */
public record KeyframeMark(long line, long timeMs, int eventIndex, int endIndex, int gomaxprocs, int idleprocs,
                           int threads, int spinningthreads, int idlethreads, int runqueue) {
}
