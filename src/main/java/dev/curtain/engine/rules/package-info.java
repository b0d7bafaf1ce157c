/**
 * The scheduler's rules: the decider that turns a program and the current state into events. Methods are named
 * after the Go runtime functions they model (schedule, findRunnable, handoffp, retake, stoplockedm …) and cite
 * runtime-semantics.md sections, so a reader can check them against src/runtime/proc.go.
 */
package dev.curtain.engine.rules;
