package dev.curtain.scenario;

import dev.curtain.engine.Recording;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.engine.state.ThreadState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs one scenario over many seeds and counts in what fraction of runs each thing happened. Real Go is
 * nondeterministic (which thread is cloned from which, which goroutine lands where), so a lesson shows what is
 * certain (100%) apart from what is only possible.
 */
public final class Exploration {
    /** Most runs one exploration counts (the command line's and the window's): a runaway request ends. */
    public static final int MAX_RUNS = 10_000;

    private Exploration() {
    }

    /** Something that happened in some runs, and in how many. */
    public record Tally(String what, int runs, int total) {
        public double fraction() {
            return total == 0 ? 0 : (double) runs / total;
        }

        /** "37%" style. */
        public String percent() {
            return Math.round(fraction() * 100) + "%";
        }
    }

    /**
     * The counts over all runs.
     *
     * @param seeds the seeds run, in order
     * @param outcomes how each run ended, by outcome key
     * @param observations an observation (what, detail, and the thread properties that differed from the process)
     * @param threadsAtEnd a property value that differs from the process's, held by a live thread at the end
     * @param threadsEver a property value that differs from the process's, held by any thread at any time
     */
    public record Report(List<Long> seeds, List<Tally> outcomes, List<Tally> observations, List<Tally> threadsAtEnd,
                         List<Tally> threadsEver) {
        /**
         * The tally whose description is exactly {@code what}, for something that happened in at least one run.
         * Throws, naming what the list does hold, when nothing is described so: a reworded observation fails the
         * caller instead of reading as "never happened". For "never", use {@link #startingWith} on the subject and
         * check none of its tallies.
         */
        public Tally find(List<Tally> list, String what) {
            for (Tally t : list) {
                if (t.what().equals(what)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("nothing is described as \"" + what + "\" in " + seeds.size()
                    + " runs; the list holds " + describe(list));
        }

        /**
         * The tallies whose description starts with {@code prefix} (say {@code "openSocket probe on "}: every
         * thread a probe's socket was opened on), at least one; throws when there is none, so a "never on a dirty
         * thread" check cannot pass because the subject itself was renamed or never ran.
         */
        public List<Tally> startingWith(List<Tally> list, String prefix) {
            List<Tally> out = new ArrayList<>();
            for (Tally t : list) {
                if (t.what().startsWith(prefix)) {
                    out.add(t);
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("nothing starts with \"" + prefix + "\" in " + seeds.size()
                        + " runs; the list holds " + describe(list));
            }
            return out;
        }

        /** The tallies of one section. */
        public List<Tally> in(Section section) {
            return switch (section) {
                case OUTCOMES -> outcomes;
                case OBSERVATIONS -> observations;
                case THREADS_AT_END -> threadsAtEnd;
                case THREADS_EVER -> threadsEver;
            };
        }

        private static String describe(List<Tally> list) {
            List<String> whats = new ArrayList<>();
            list.forEach(t -> whats.add("\"" + t.what() + "\""));
            return whats.isEmpty() ? "nothing" : String.join(", ", whats);
        }
    }

    /** Runs the scenario with seeds {@code first}, {@code first+1}, … ({@code runs} of them). */
    public static Report explore(Scenario scenario, SimulationOptions options, long first, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1");
        }
        Counter counter = new Counter(scenario, options);
        for (int i = 0; i < runs; i++) {
            counter.run(first + i);
        }
        return counter.report();
    }

    /** The four things a run is counted for; a description is unique within its section. */
    public enum Section {
        /** How the run ended, by outcome key. */
        OUTCOMES,
        /** An observation (what, detail, and the thread properties that differed from the process). */
        OBSERVATIONS,
        /** A property value that differs from the process's, held by a live thread at the end. */
        THREADS_AT_END,
        /** A property value that differs from the process's, held by any thread at any time. */
        THREADS_EVER
    }

    /**
     * Counts runs one seed at a time, so a caller can show progress and stop between runs (the window runs it in
     * the background); {@link #explore} is this over consecutive seeds. Each run is the engine's ordinary
     * single-threaded, deterministic run for its seed. Remembers in which seeds each thing happened, so a viewer
     * can open a run where it did and one where it did not. Not thread-safe: one thread counts.
     */
    public static final class Counter {
        private final Scenario scenario;
        private final SimulationOptions options;
        private final List<Long> seeds = new ArrayList<>();
        private final Map<Section, Map<String, List<Long>>> seen = new EnumMap<>(Section.class);

        public Counter(Scenario scenario, SimulationOptions options) {
            this.scenario = scenario;
            this.options = options;
            for (Section s : Section.values()) {
                seen.put(s, new TreeMap<>());
            }
        }

        /** Runs the scenario with {@code seed} and counts what happened in it. */
        public void run(long seed) {
            seeds.add(seed);
            Recording rec = Simulator.run(scenario.program(), options.withSeed(seed));
            ThreadProps base = scenario.program().baseline();
            Set<String> seenObs = new LinkedHashSet<>();
            Set<String> seenEver = new LinkedHashSet<>();
            for (Event e : rec.events()) {
                if (e instanceof Event.ObservationMade o) {
                    seenObs.add(o.what().key() + (o.detail().isEmpty() ? "" : " " + o.detail()) + " on "
                            + describe(o.props(), base));
                } else if (e instanceof Event.ThreadCloned c) {
                    seenEver.addAll(diverged(beforeMinit(c.props(), base), base));
                } else if (e instanceof Event.ThreadPropertyChanged c) {
                    seenEver.addAll(diverged(c.after(), base));
                }
            }
            Set<String> seenEnd = new LinkedHashSet<>();
            SchedState end = rec.finalState();
            for (ThreadState t : end.threads()) {
                if (t.alive()) {
                    seenEnd.addAll(diverged(t.started() ? t.props() : beforeMinit(t.props(), base), base));
                }
            }
            mark(Section.OUTCOMES, Set.of(rec.outcome().key()), seed);
            mark(Section.OBSERVATIONS, seenObs, seed);
            mark(Section.THREADS_AT_END, seenEnd, seed);
            mark(Section.THREADS_EVER, seenEver, seed);
        }

        private void mark(Section section, Set<String> whats, long seed) {
            Map<String, List<Long>> in = seen.get(section);
            whats.forEach(k -> in.computeIfAbsent(k, x -> new ArrayList<>()).add(seed));
        }

        /** How many runs were counted. */
        public int runs() {
            return seeds.size();
        }

        /** The counts so far, as {@link #explore} reports them. */
        public Report report() {
            int total = seeds.size();
            return new Report(List.copyOf(seeds), tallies(Section.OUTCOMES, total),
                    tallies(Section.OBSERVATIONS, total), tallies(Section.THREADS_AT_END, total),
                    tallies(Section.THREADS_EVER, total));
        }

        /** The seeds, in the order run, in which {@code what} happened (none if it never did). */
        public List<Long> seedsWhere(Section section, String what) {
            return List.copyOf(seen.get(section).getOrDefault(what, List.of()));
        }

        /** The seeds, in the order run, in which {@code what} did not happen. */
        public List<Long> seedsWhereNot(Section section, String what) {
            Set<Long> where = new HashSet<>(seen.get(section).getOrDefault(what, List.of()));
            List<Long> out = new ArrayList<>();
            for (Long s : seeds) {
                if (!where.contains(s)) {
                    out.add(s);
                }
            }
            return out;
        }

        private List<Tally> tallies(Section section, int total) {
            List<Tally> out = new ArrayList<>();
            seen.get(section).forEach((k, v) -> out.add(new Tally(k, v.size(), total)));
            return out;
        }
    }

    /** "a clean thread" or "a thread with netns=container, uid=65534". */
    static String describe(ThreadProps props, ThreadProps base) {
        List<String> d = diverged(props, base);
        return d.isEmpty() ? "a clean thread" : "a thread with " + String.join(", ", d);
    }

    /**
     * A new thread's properties with newosproc's all-blocked signal mask, which minit replaces a moment later,
     * read as the mask it will have: the runtime's own set-up is not a property the program changed.
     */
    private static ThreadProps beforeMinit(ThreadProps props, ThreadProps base) {
        return props.sigmask() == ThreadProps.ALL_SIGNALS_BLOCKED ? props.withSigmask(base.sigmask()) : props;
    }

    private static List<String> diverged(ThreadProps props, ThreadProps base) {
        List<String> out = new ArrayList<>();
        for (Property p : Property.values()) {
            if (p.differs(props, base)) {
                out.add(p.key() + "=" + p.valueOf(props));
            }
        }
        return out;
    }
}
