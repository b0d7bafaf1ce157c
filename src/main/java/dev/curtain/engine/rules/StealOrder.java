package dev.curtain.engine.rules;

import java.util.Arrays;

/**
 * randomOrder from proc.go: a random start and a stride coprime with GOMAXPROCS visit every P exactly once.
 */
final class StealOrder {
    private StealOrder() {
    }

    /** The numbers in 1..n coprime with n (stealOrder.coprimes); the caller keeps them while GOMAXPROCS stays. */
    static int[] coprimes(int n) {
        int[] all = new int[Math.max(1, n)];
        int count = 0;
        for (int i = 1; i <= n; i++) {
            if (gcd(i, n) == 1) {
                all[count++] = i;
            }
        }
        if (count == 0) {
            all[count++] = 1;
        }
        return Arrays.copyOf(all, count);
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
