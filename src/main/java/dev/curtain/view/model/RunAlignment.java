package dev.curtain.view.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Lines two runs up event by event, the way {@code diff} lines up two texts: a longest common subsequence of their
 * event kinds (Myers' O((N+M)D) algorithm), so what is left over on each side is where the versions' rules part
 * ways. The compare view marks the first event of each stretch left over, one marker per place the runs part,
 * however long the stretch.
 */
final class RunAlignment {
    /** The edit-graph traces kept for backtracking are capped at this many ints (64 MB). */
    static final long TRACE_CELLS = 16_000_000L;

    /** Which events of each run are left out of the alignment. */
    record Unmatched(boolean[] a, boolean[] b) {
    }

    private RunAlignment() {
    }

    /**
     * The events of {@code a} and {@code b} outside a longest common subsequence, or empty when the runs differ
     * so much that the search would pass {@link #TRACE_CELLS} (a caller then falls back to something cruder).
     */
    static <T> Optional<Unmatched> align(List<T> a, List<T> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int off = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        long cells = 0;
        for (int d = 0; d <= max; d++) {
            cells += v.length;
            if (cells > TRACE_CELLS) {
                return Optional.empty();
            }
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[off + k] = x;
                if (x >= n && y >= m) {
                    return Optional.of(backtrack(trace, off, n, m));
                }
            }
        }
        throw new IllegalStateException("unreachable: D never exceeds N+M");
    }

    /** Walks the kept traces back from the end; everything not on a diagonal is left over. */
    private static Unmatched backtrack(List<int[]> trace, int off, int n, int m) {
        boolean[] ua = new boolean[n];
        boolean[] ub = new boolean[m];
        Arrays.fill(ua, true);
        Arrays.fill(ub, true);
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            int prevK = k == -d || (k != d && v[off + k - 1] < v[off + k + 1]) ? k + 1 : k - 1;
            int prevX = d == 0 ? 0 : v[off + prevK];
            int prevY = d == 0 ? 0 : prevX - prevK;
            while (x > prevX && y > prevY) {
                ua[x - 1] = false;
                ub[y - 1] = false;
                x--;
                y--;
            }
            x = prevX;
            y = prevY;
        }
        return new Unmatched(ua, ub);
    }

    /** Playback indices (1-based: the state after that event) of the first event of each stretch left over. */
    static int[] stretchStarts(boolean[] unmatched) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < unmatched.length; i++) {
            if (unmatched[i] && (i == 0 || !unmatched[i - 1])) {
                out.add(i + 1);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
