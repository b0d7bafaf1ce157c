/**
 * A mutation fuzzer over what Curtain reads from users: scenario files (reading and the save round-trip) and
 * schedtrace logs. Deterministic for a seed, so any input it reports can be made again; the test suite runs it
 * briefly and {@code ./curtain fuzz --minutes N} runs it for release checks.
 */
package dev.curtain.fuzz;
