package dev.curtain.scenario;

import java.util.List;

/** The lessons that ship with Curtain (in {@code scenarios/} and inside the jar), in teaching order. */
public final class Lessons {
    private Lessons() {
    }

    /** Every built-in lesson's file name. */
    public static final List<String> ALL = List.of(
            "01-hello-goroutine.json",
            "02-gomaxprocs-bounds-ps-not-ms.json",
            "03-tight-loop-gomaxprocs-1.json",
            "04-loop-with-println.json",
            "05-setns-without-lock.json",
            "06-decorator-done-right.json",
            "07-decorator-panic-recover.json",
            "08-new-thread-from-locked-thread.json",
            "09-locked-goroutine-exits.json",
            "10-main-thread-command-loop.json",
            "11-credentials-per-thread.json",
            "12-priority-leak.json",
            "13-accept-then-nobody.json",
            "14-fairness-machinery.json",
            "15-nsenter-constructor.json");

    /** The lesson the app opens when given no file. */
    public static final String DEFAULT = ALL.get(0);
}
