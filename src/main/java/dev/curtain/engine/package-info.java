/**
 * The simulation engine's public face: {@link dev.curtain.engine.Simulator} runs a
 * {@link dev.curtain.engine.program.Program} under {@link dev.curtain.engine.SimulationOptions} (Go version,
 * GOMAXPROCS, seed, limits) and returns a {@link dev.curtain.engine.Recording}: the event log plus snapshots for
 * seeking. Pure Java: no JavaFX, no Jackson, no wall clock, no threads (a test enforces the imports).
 */
package dev.curtain.engine;
