/**
 * Real runtime output: reads {@code GODEBUG=schedtrace=N[,scheddetail=1]} logs of any Go version and turns each
 * {@code SCHED} block into a keyframe, then the keyframes into a consistent event log the animator plays like a
 * simulated run. Pure Java: no JavaFX, no Jackson. The one entry point is
 * {@link dev.curtain.importer.SchedtraceImport}.
 *
 * <p>The pipeline: {@code LineParser} classifies and tokenizes one line,
 * {@code KeyframeReader} streams lines into {@link dev.curtain.importer.Keyframe}s,
 * {@code DetailedLayout} / {@code SummaryLayout} decide where every G, P
 * and M must be in the engine's terms, and {@code TransitionPlanner} emits the events that take
 * the live state there through {@code Recording.Builder}, whose evolver refuses anything inconsistent.
 */
package dev.curtain.importer;
