package dev.curtain.engine.program;

import dev.curtain.engine.state.ThreadProps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole Go program as the engine runs it: named functions (one is {@code main}; an optional {@code init} runs
 * first on the main thread), the channels it makes, and the process it starts as.
 * Functions keep the order they were given in, so iteration never depends on hashing.
 */
public final class Program {
    public static final String MAIN = "main";
    public static final String INIT = "init";

    private final Map<String, Function> functions;
    private final List<ChannelDecl> channels;
    private final ThreadProps baseline;

    public Program(List<Function> functions, List<ChannelDecl> channels, ThreadProps baseline) {
        Map<String, Function> byName = new LinkedHashMap<>();
        for (Function f : functions) {
            if (byName.put(f.name(), f) != null) {
                throw new IllegalArgumentException("function defined twice: " + f.name());
            }
        }
        if (!byName.containsKey(MAIN)) {
            throw new IllegalArgumentException("a program needs a function named main");
        }
        List<String> seen = new ArrayList<>();
        for (ChannelDecl c : channels) {
            if (seen.contains(c.name())) {
                throw new IllegalArgumentException("channel declared twice: " + c.name());
            }
            seen.add(c.name());
        }
        this.functions = Collections.unmodifiableMap(byName);
        this.channels = List.copyOf(channels);
        this.baseline = Objects.requireNonNull(baseline, "baseline");
    }

    /** A program with only {@code main} and a root process on the host. */
    public static Program ofMain(List<Statement> main) {
        return new Program(List.of(new Function(MAIN, main)), List.of(), ThreadProps.rootOnHost());
    }

    public Map<String, Function> functions() {
        return functions;
    }

    public Function function(String name) {
        Function f = functions.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no function named " + name);
        }
        return f;
    }

    public boolean hasFunction(String name) {
        return functions.containsKey(name);
    }

    public List<ChannelDecl> channels() {
        return channels;
    }

    public ThreadProps baseline() {
        return baseline;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Program other && functions.equals(other.functions) && channels.equals(other.channels)
                && baseline.equals(other.baseline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(functions, channels, baseline);
    }

    @Override
    public String toString() {
        return "Program" + functions.keySet();
    }
}
