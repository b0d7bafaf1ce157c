/**
 * The event log's vocabulary: {@link dev.curtain.engine.event.Event}, a closed set of past-tense records, each naming
 * the runtime function it models ({@link dev.curtain.engine.event.RuntimeFunction}) and, for goroutine moves, the
 * {@link dev.curtain.engine.event.Place} it left and the one it reached.
 */
package dev.curtain.engine.event;
