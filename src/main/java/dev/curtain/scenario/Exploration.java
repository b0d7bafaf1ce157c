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
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> observations = new TreeMap<>();
        Map<String, Integer> atEnd = new TreeMap<>();
        Map<String, Integer> ever = new TreeMap<>();
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long seed = first + i;
            seeds.add(seed);
            Recording rec = Simulator.run(scenario.program(), options.withSeed(seed));
            outcomes.merge(rec.outcome().key(), 1, Integer::sum);
            ThreadProps base = scenario.program().baseline();
            Set<String> seenObs = new LinkedHashSet<>();
            Set<String> seenEver = new LinkedHashSet<>();
            for (Event e : rec.events()) {
                if (e instanceof Event.ObservationMade o) {
                    seenObs.add(o.what().key() + (o.detail().isEmpty() ? "" : " " + o.detail()) + " on "
                            + describe(o.props(), base));
                } else if (e instanceof Event.ThreadCloned c) {
                    seenEver.addAll(diverged(c.props(), base));
                } else if (e instanceof Event.ThreadPropertyChanged c) {
                    seenEver.addAll(diverged(c.after(), base));
                }
            }
            Set<String> seenEnd = new LinkedHashSet<>();
            SchedState end = rec.finalState();
            for (ThreadState t : end.threads()) {
                if (t.alive()) {
                    seenEnd.addAll(diverged(t.props(), base));
                }
            }
            seenObs.forEach(k -> observations.merge(k, 1, Integer::sum));
            seenEnd.forEach(k -> atEnd.merge(k, 1, Integer::sum));
            seenEver.forEach(k -> ever.merge(k, 1, Integer::sum));
        }
        return new Report(seeds, tallies(outcomes, runs), tallies(observations, runs), tallies(atEnd, runs),
                tallies(ever, runs));
    }

    private static List<Tally> tallies(Map<String, Integer> counts, int total) {
        List<Tally> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Tally(k, v, total)));
        return out;
    }

    /** "a clean thread" or "a thread with netns=container, uid=65534". */
    static String describe(ThreadProps props, ThreadProps base) {
        List<String> d = diverged(props, base);
        return d.isEmpty() ? "a clean thread" : "a thread with " + String.join(", ", d);
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
