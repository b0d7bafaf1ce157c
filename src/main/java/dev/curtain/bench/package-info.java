/** Benchmarks behind {@code ./curtain bench}: wall-clock measurements of the engine (and later the renderer). */
package dev.curtain.bench;
