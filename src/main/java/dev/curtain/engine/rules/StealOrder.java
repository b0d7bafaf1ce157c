package dev.curtain.engine.rules;

/**
 * randomOrder from proc.go: a random start and a stride coprime with GOMAXPROCS visit every P exactly once.
 */
final class StealOrder {
    private StealOrder() {
    }

    /** The {@code pick}-th number in 1..n coprime with n (stealOrder.coprimes). */
    static int coprime(int n, int pick) {
        int count = 0;
        for (int i = 1; i <= n; i++) {
            if (gcd(i, n) == 1) {
                count++;
            }
        }
        int want = Math.floorMod(pick, Math.max(1, count));
        for (int i = 1; i <= n; i++) {
            if (gcd(i, n) == 1 && want-- == 0) {
                return i;
            }
        }
        return 1;
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
