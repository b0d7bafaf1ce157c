package dev.curtain.scenario;

import java.util.List;
import java.util.Locale;

/**
 * The "did you mean" of an error message: the known name closest to a misspelt one, by a difference of case or of
 * one or two letters. One instance serves one file, so the cost of all its suggestions together stays bounded.
 */
final class DidYouMean {
    /**
     * Names longer than this get a suggestion only for a difference of case: comparing two long names letter by
     * letter costs the product of their lengths, and 999 functions of 1,000 letters once took minutes to validate.
     */
    static final int SUGGEST_MAX_LENGTH = 64;
    /** Letter comparisons all suggestions of one file may cost together; past it, errors come without one. */
    static final long SUGGEST_BUDGET = 20_000_000L;
    private long suggestCost;

    /** {@code " (did you mean \"x\"?)"} for the nearest of {@code known} (case or one or two letters), else "". */
    String suggest(String wrong, List<String> known) {
        String best = null;
        int bestDistance = 3;
        String w = wrong.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d;
            if (k.equalsIgnoreCase(wrong)) {
                d = 0;
            } else if (Math.abs(k.length() - wrong.length()) >= bestDistance || k.length() > SUGGEST_MAX_LENGTH
                    || wrong.length() > SUGGEST_MAX_LENGTH || suggestCost > SUGGEST_BUDGET) {
                continue;
            } else {
                suggestCost += (long) (k.length() + 1) * (wrong.length() + 1);
                d = distance(w, k.toLowerCase(Locale.ROOT));
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
