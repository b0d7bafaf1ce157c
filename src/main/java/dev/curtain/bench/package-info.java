/** Benchmarks behind {@code ./curtain bench}: wall-clock measurements of the engine and of the stage renderer. */
package dev.curtain.bench;
