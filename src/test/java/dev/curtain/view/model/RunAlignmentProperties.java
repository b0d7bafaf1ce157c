package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The alignment behind the compare view's difference markers is a longest common subsequence. */
class RunAlignmentProperties {

    @Test
    void identicalRunsLeaveNothingOver() {
        RunAlignment.Unmatched u = RunAlignment.align(chars("abcabba"), chars("abcabba")).orElseThrow();
        assertThat(RunAlignment.stretchStarts(u.a())).isEmpty();
        assertThat(RunAlignment.stretchStarts(u.b())).isEmpty();
    }

    @Test
    void aStretchThatOnlyOneRunHasGetsOneMarkerAtItsStart() {
        // the 1.10 run asks the template thread for a clone where 1.9 clones directly, then both go on alike
        List<String> v19 = List.of("run", "lock", "newm", "run", "exit");
        List<String> v110 = List.of("run", "lock", "ask-template", "template-newm", "template-wake", "run", "exit");
        RunAlignment.Unmatched u = RunAlignment.align(v19, v110).orElseThrow();
        assertThat(RunAlignment.stretchStarts(u.a())).containsExactly(3);
        assertThat(RunAlignment.stretchStarts(u.b())).containsExactly(3);
    }

    @Test
    void theClassicExampleKeepsFourInCommon() {
        RunAlignment.Unmatched u = RunAlignment.align(chars("abcabba"), chars("cbabac")).orElseThrow();
        assertThat(count(u.a(), false)).isEqualTo(4);
        assertThat(count(u.b(), false)).isEqualTo(4);
    }

    @Test
    void runsTooDifferentForTheMemoryCapAreNotAligned() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            a.add("a" + i);
            b.add("b" + i);
        }
        assertThat(RunAlignment.align(a, b)).isEmpty();
    }

    @Property(tries = 300)
    void whatIsKeptIsACommonSubsequenceAsLongAsAnyOther(
            @ForAll @StringLength(max = 40) @CharRange(from = 'a', to = 'd') String x,
            @ForAll @StringLength(max = 40) @CharRange(from = 'a', to = 'd') String y) {
        List<String> a = chars(x);
        List<String> b = chars(y);
        RunAlignment.Unmatched u = RunAlignment.align(a, b).orElseThrow();
        assertThat(kept(a, u.a())).isEqualTo(kept(b, u.b()));
        assertThat(kept(a, u.a())).hasSize(lcsLength(a, b));
    }

    private static List<String> chars(String s) {
        List<String> out = new ArrayList<>();
        for (char c : s.toCharArray()) {
            out.add(String.valueOf(c));
        }
        return out;
    }

    private static List<String> kept(List<String> run, boolean[] unmatched) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            if (!unmatched[i]) {
                out.add(run.get(i));
            }
        }
        return out;
    }

    private static int count(boolean[] flags, boolean value) {
        int n = 0;
        for (boolean f : flags) {
            if (f == value) {
                n++;
            }
        }
        return n;
    }

    /** The textbook dynamic programme, for checking. */
    private static int lcsLength(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                t[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.size()][b.size()];
    }
}
