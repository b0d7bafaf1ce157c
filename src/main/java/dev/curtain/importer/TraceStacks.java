package dev.curtain.importer;

import dev.curtain.gotrace.StackFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack a Go execution trace recorded for each step of an imported recording: where the goroutine was when it
 * blocked, was created, entered a syscall… (the trace event's own stack; empty for events that have none, such as a
 * goroutine starting). Stacks repeat, so each distinct one is kept once.
 */
public final class TraceStacks {
    /** No stacks (a schedtrace log has none). */
    public static final TraceStacks NONE = new TraceStacks();

    private int[] byEvent = new int[0];
    private int size;
    private final List<String> texts = new ArrayList<>(List.of(""));
    private final Map<String, Integer> ids = new HashMap<>();

    TraceStacks() {
        ids.put("", 0);
    }

    /** Gives the engine events {@code from..to-1} the stack {@code frames}. */
    void assign(int from, int to, StackFrame[] frames) {
        int id = intern(frames);
        if (to > byEvent.length) {
            byEvent = Arrays.copyOf(byEvent, Math.max(to, byEvent.length * 2));
        }
        Arrays.fill(byEvent, from, to, id);
        size = Math.max(size, to);
    }

    private int intern(StackFrame[] frames) {
        if (frames.length == 0) {
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        for (StackFrame f : frames) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(f.function()).append("\n\t").append(f.file()).append(':').append(f.line());
        }
        String text = sb.toString();
        Integer id = ids.get(text);
        if (id == null) {
            id = texts.size();
            texts.add(text);
            ids.put(text, id);
        }
        return id;
    }

    /**
     * The stack of the trace event behind engine event {@code eventIndex}, innermost frame first, as Go prints one
     * ({@code function}, then a tab and {@code file:line}, per frame); "" if it has none.
     */
    public String at(int eventIndex) {
        return eventIndex >= 0 && eventIndex < size ? texts.get(byEvent[eventIndex]) : "";
    }

    /** How many distinct stacks the recording refers to. */
    public int distinct() {
        return texts.size() - 1;
    }
}
