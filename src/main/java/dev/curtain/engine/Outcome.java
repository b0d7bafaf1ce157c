package dev.curtain.engine;

/** How a run ended. Every run ends with exactly one, never with a hang or a stack trace. */
public enum Outcome {
    /** main returned or called os.Exit. */
    COMPLETED("completed"),
    /** "fatal error: all goroutines are asleep - deadlock!" */
    DEADLOCK("deadlock"),
    /** "runtime: program exceeds N-thread limit" / "fatal error: thread exhaustion". */
    THREAD_EXHAUSTION("thread-exhaustion"),
    /** The program died: an unrecovered panic or a fatal runtime error such as AllThreadsSyscall disagreement. */
    CRASHED("crashed"),
    /** The simulation stopped at its event limit. */
    EVENT_LIMIT("event-limit"),
    /** The simulation stopped at its time limit (a program that runs forever, or hangs as real Go would). */
    TIME_LIMIT("time-limit"),
    /** Not simulated: read from a real runtime's schedtrace output. */
    IMPORTED("imported");

    private final String key;

    Outcome(String key) {
        this.key = key;
    }

    /** The name in the JSON contract. */
    public String key() {
        return key;
    }
}
