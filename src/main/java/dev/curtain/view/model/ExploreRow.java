package dev.curtain.view.model;

import dev.curtain.scenario.Exploration;
import dev.curtain.scenario.Exploration.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the Explore panel: something that happened in some of the runs, in what share of them, and a seed
 * where it happened and one where it did not (null when there is none), to open either.
 *
 * @param section      what kind of thing it is
 * @param what         its description, as {@code ./curtain explore} prints it
 * @param runs         in how many runs it happened
 * @param total        how many runs were counted
 * @param seedWhere    the first seed it happened in, or null
 * @param seedWhereNot the first seed it did not happen in, or null
 */
public record ExploreRow(Section section, String what, int runs, int total, Long seedWhere, Long seedWhereNot) {
    /** The sections in the order the panel lists them: what the lesson is about first. */
    static final List<Section> ORDER = List.of(Section.OBSERVATIONS, Section.THREADS_EVER, Section.THREADS_AT_END,
            Section.OUTCOMES);

    /** The rows for what {@code counted} has counted, section by section in {@link #ORDER}. */
    public static List<ExploreRow> of(Exploration.Counter counted) {
        Exploration.Report report = counted.report();
        List<ExploreRow> rows = new ArrayList<>();
        for (Section s : ORDER) {
            for (Exploration.Tally t : report.in(s)) {
                List<Long> where = counted.seedsWhere(s, t.what());
                List<Long> whereNot = counted.seedsWhereNot(s, t.what());
                rows.add(new ExploreRow(s, t.what(), t.runs(), t.total(), where.isEmpty() ? null : where.get(0),
                        whereNot.isEmpty() ? null : whereNot.get(0)));
            }
        }
        return rows;
    }

    /** "observation", "divergence", "still at the end", "outcome": the panel's first column. */
    public String kind() {
        return switch (section) {
            case OBSERVATIONS -> "observation";
            case THREADS_EVER -> "divergence";
            case THREADS_AT_END -> "still at the end";
            case OUTCOMES -> "outcome";
        };
    }

    /** "35%", rounded as {@code ./curtain explore} rounds it. */
    public String share() {
        return new Exploration.Tally(what, runs, total).percent();
    }

    /** "7 of 20". */
    public String count() {
        return runs + " of " + total;
    }
}
