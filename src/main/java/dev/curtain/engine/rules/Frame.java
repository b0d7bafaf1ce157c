package dev.curtain.engine.rules;

import dev.curtain.engine.program.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One level of a goroutine's interpreter stack: a function body (with its deferred calls) or a loop body.
 * The decider's private memory: the state shows only the line a goroutine is on.
 */
final class Frame {
    final String function;
    final List<Statement> body;
    final boolean isFunction;
    /** A function frame running as a deferred call (where recover() can stop a panic). */
    final boolean deferredCall;
    int pc;
    /** Loop iterations still to run after this one; -1 forever. */
    long itersLeft;
    /** Set once the function is returning: its deferred calls run, then it is popped. */
    boolean returning;
    private List<String> defers;

    private Frame(String function, List<Statement> body, boolean isFunction, boolean deferredCall, long itersLeft) {
        this.function = function;
        this.body = body;
        this.isFunction = isFunction;
        this.deferredCall = deferredCall;
        this.itersLeft = itersLeft;
    }

    static Frame function(String name, List<Statement> body, boolean deferredCall) {
        return new Frame(name, body, true, deferredCall, 0);
    }

    static Frame loop(String function, List<Statement> body, long times) {
        return new Frame(function, body, false, false, times < 0 ? -1 : times - 1);
    }

    void defer(String fn) {
        if (defers == null) {
            defers = new ArrayList<>(2);
        }
        defers.add(fn);
    }

    /** Deferred calls not yet run. */
    int pendingDefers() {
        return defers == null ? 0 : defers.size();
    }

    /** Pops the most recently deferred call, or null. */
    String popDefer() {
        if (defers == null || defers.isEmpty()) {
            return null;
        }
        return defers.remove(defers.size() - 1);
    }
}
