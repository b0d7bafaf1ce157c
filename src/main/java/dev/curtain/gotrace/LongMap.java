package dev.curtain.gotrace;

import java.util.Arrays;

/**
 * A map from long ids (goroutine, P, thread ids) to values, without boxing: the ordering looks one or two up per
 * event, tens of millions of times in a large trace. Open addressing with linear probing; removal shifts the entries
 * after it back, so no tombstones pile up as goroutines come and go. Never iterated, so its order does not matter.
 */
final class LongMap<V> {
    private long[] keys;
    private Object[] values;
    private boolean[] used;
    private int size;
    private int mask;

    LongMap() {
        keys = new long[16];
        values = new Object[16];
        used = new boolean[16];
        mask = 15;
    }

    int size() {
        return size;
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @SuppressWarnings("unchecked")
    V get(long k) {
        for (int i = mix(k) & mask; used[i]; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return (V) values[i];
            }
        }
        return null;
    }

    boolean containsKey(long k) {
        return get(k) != null;
    }

    void put(long k, V v) {
        int i = mix(k) & mask;
        for (; used[i]; i = (i + 1) & mask) {
            if (keys[i] == k) {
                values[i] = v;
                return;
            }
        }
        used[i] = true;
        keys[i] = k;
        values[i] = v;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    void remove(long k) {
        int i = mix(k) & mask;
        for (; used[i]; i = (i + 1) & mask) {
            if (keys[i] == k) {
                break;
            }
        }
        if (!used[i]) {
            return;
        }
        size--;
        // Shift later entries of the same probe run back into the hole.
        int hole = i;
        for (int j = (i + 1) & mask; used[j]; j = (j + 1) & mask) {
            int home = mix(keys[j]) & mask;
            boolean between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!between) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        used[hole] = false;
        values[hole] = null;
    }

    private void grow() {
        long[] ok = keys;
        Object[] ov = values;
        boolean[] ou = used;
        int n = ok.length * 2;
        keys = new long[n];
        values = new Object[n];
        used = new boolean[n];
        mask = n - 1;
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ou[i]) {
                put(ok[i], ov[i] == null ? null : cast(ov[i]));
            }
        }
        Arrays.fill(ov, null);
    }

    @SuppressWarnings("unchecked")
    private V cast(Object o) {
        return (V) o;
    }
}
