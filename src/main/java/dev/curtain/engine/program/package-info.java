/** What a simulated Go program does: functions made of operations ({@link dev.curtain.engine.program.Op}), channels, and the process baseline. */
package dev.curtain.engine.program;
