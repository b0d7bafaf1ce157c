/**
 * A reader for Go execution traces ({@code runtime/trace}, {@code go test -trace}, {@code /debug/pprof/trace}) of
 * the format Go 1.22 introduced, in pure Java with no Go at run time. {@link dev.curtain.gotrace.GoTraceReader}
 * streams a file one generation at a time: it reads a generation's per-thread batches and its string, stack and
 * frequency tables, then merges the batches' events across threads in the order Go's own parser gives them (by time,
 * held back where a goroutine's or a P's sequence number says another thread's event must come first). Memory grows
 * with the largest generation (the runtime starts one about every second), never with the file.
 *
 * <p>Format notes (learnt from the Go 1.22 to 1.25 sources): a 16-byte header {@code "go 1.2x trace\0\0\0"}, then
 * batches, each {@code [type, generation, thread, base timestamp, length]} in unsigned varints followed by that many
 * bytes of events; an event is a type byte and its arguments as varints, the first a timestamp delta. This package
 * knows nothing of the animation; {@code dev.curtain.importer.GoTraceImport} turns its events into a recording. Go
 * 1.24 writes the 1.23 format; Go 1.25 puts each generation's frequency in a sync batch with a clock snapshot.
 */
package dev.curtain.gotrace;
