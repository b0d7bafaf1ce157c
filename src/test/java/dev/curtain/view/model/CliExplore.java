package dev.curtain.view.model;

import dev.curtain.cli.Main;
import dev.curtain.scenario.Exploration.Section;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What {@code ./curtain explore} prints, read back as "section: share what" lines, to hold the panel against. */
public final class CliExplore {
    private static final Map<String, Section> TITLES = Map.of("outcomes:", Section.OUTCOMES,
            "observations (in what fraction of runs each was seen at least once):", Section.OBSERVATIONS,
            "diverged properties held by a live thread at the end:", Section.THREADS_AT_END,
            "diverged properties held by some thread at some time:", Section.THREADS_EVER);

    private CliExplore() {
    }

    /** The command line's tallies for {@code args} ("FILE", "--runs", "20", …), one "SECTION: 35% what" each. */
    public static List<String> tallies(String... args) {
        StringWriter out = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "explore";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), all);
        if (code != 0) {
            throw new AssertionError("explore exited " + code + ": " + out);
        }
        List<String> lines = new ArrayList<>();
        Section in = null;
        for (String line : out.toString().split("\n")) {
            if (TITLES.containsKey(line)) {
                in = TITLES.get(line);
            } else if (in != null && line.startsWith("  ") && !line.trim().equals("(none)")) {
                String t = line.trim();
                int gap = t.indexOf("  ");
                lines.add(in + ": " + t.substring(0, gap) + " " + t.substring(gap).trim());
            }
        }
        return lines;
    }

    /** The panel's rows in the same form. */
    public static List<String> tallies(List<ExploreRow> rows) {
        List<String> lines = new ArrayList<>();
        for (ExploreRow r : rows) {
            lines.add(r.section() + ": " + r.share() + " " + r.what());
        }
        return lines;
    }
}
