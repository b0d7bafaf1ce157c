/**
 * The simulated runtime as a fold of the event log: {@link dev.curtain.engine.state.SchedState}, changed only by
 * {@code Evolver} (through {@link dev.curtain.engine.state.SchedState#apply}), checked by {@link dev.curtain.engine.state.Invariants}, with each thread's
 * Linux properties in {@link dev.curtain.engine.state.ThreadProps}.
 */
package dev.curtain.engine.state;
