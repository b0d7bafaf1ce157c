package dev.curtain.importer;

/**
 * Where one keyframe sits in the recording, with its header counts: small enough to keep for every keyframe of a
 * 100 MB log (the full keyframes are not kept; only the last one is).
 *
 * @param line the log line of its {@code SCHED} header
 * @param eventIndex how many events precede the keyframe's state: {@code recording.stateAt(eventIndex + count)}
 *                   where {@code count} is this keyframe's events; the next mark's index is where it is complete
 */
public record KeyframeMark(long line, long timeMs, int eventIndex, int gomaxprocs, int idleprocs, int threads,
                           int spinningthreads, int idlethreads, int runqueue) {
}
