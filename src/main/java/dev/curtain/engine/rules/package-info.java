/**
 * The scheduler's rules: the decider that turns a program and the current state into events. Methods are named
 * after the Go runtime functions they model (schedule, findRunnable, handoffp, retake, stoplockedm …), so a reader
 * can check them against src/runtime/proc.go (the garbage collector's, in {@code Gc}, against
 * mgc.go and mgcpacer.go); docs/runtime-model.md lists each rule with its function, the Go
 * versions it differs between and the test that checks it. {@code Cpus} is the kernel's side, when a scenario names
 * its host's CPUs: Linux's CFS deciding which runnable thread has a CPU (kernel/sched/fair.c).
 */
package dev.curtain.engine.rules;
