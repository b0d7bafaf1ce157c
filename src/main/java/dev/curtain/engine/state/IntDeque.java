package dev.curtain.engine.state;

import java.util.Arrays;

/**
 * A growable ring of ints: the global run queue (goroutine ids) without boxing, cheap to copy for snapshots.
 */
public final class IntDeque {
    private int[] items;
    private int head;
    private int size;

    public IntDeque() {
        this(16);
    }

    private IntDeque(int capacity) {
        items = new int[Math.max(4, capacity)];
    }

    public IntDeque copy() {
        IntDeque c = new IntDeque(0);
        c.items = new int[Math.max(4, size)];
        for (int i = 0; i < size; i++) {
            c.items[i] = get(i);
        }
        c.size = size;
        return c;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The i-th item from the head. */
    public int get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return items[(head + i) % items.length];
    }

    public void addLast(int v) {
        grow();
        items[(head + size) % items.length] = v;
        size++;
    }

    public void addFirst(int v) {
        grow();
        head = (head - 1 + items.length) % items.length;
        items[head] = v;
        size++;
    }

    public int removeFirst() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        int v = items[head];
        head = (head + 1) % items.length;
        size--;
        return v;
    }

    public int removeLast() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        size--;
        return items[(head + size) % items.length];
    }

    public int peekFirst() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        return items[head];
    }

    /**
     * Removes the first occurrence of {@code v}, shifting whichever side of it is shorter: taking from near the
     * head (the usual case: batches leave from the front) stays O(1) however long the queue.
     */
    public boolean remove(int v) {
        int i = indexOf(v);
        if (i < 0) {
            return false;
        }
        int n = items.length;
        if (i < size / 2) {
            for (int j = i; j > 0; j--) {
                items[(head + j) % n] = items[(head + j - 1) % n];
            }
            head = (head + 1) % n;
        } else {
            for (int j = i; j < size - 1; j++) {
                items[(head + j) % n] = items[(head + j + 1) % n];
            }
        }
        size--;
        return true;
    }

    public int indexOf(int v) {
        for (int i = 0; i < size; i++) {
            if (get(i) == v) {
                return i;
            }
        }
        return -1;
    }

    public int[] toArray() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return out;
    }

    private void grow() {
        if (size < items.length) {
            return;
        }
        int[] bigger = new int[items.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = get(i);
        }
        items = bigger;
        head = 0;
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
