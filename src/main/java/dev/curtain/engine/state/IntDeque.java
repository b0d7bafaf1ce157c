package dev.curtain.engine.state;

import java.util.Arrays;

/**
 * A queue of ints (the global run queue's goroutine ids) whose copies share storage. The items live in
 * {@code items[head, tail)} and the array is only ever appended to, so a copy taken for a snapshot can keep
 * pointing at it: the original writes only past every copy's tail. Any other write (a copy appending, an insert at
 * the head, a removal from the middle) first moves the items to a fresh array. Taking a snapshot is O(1).
 */
public final class IntDeque {
    private int[] items;
    private int head;
    private int tail;
    /** Indices below this are visible to a copy: writing there needs a fresh array first. */
    private int sharedUpTo;

    public IntDeque() {
        items = new int[16];
    }

    private IntDeque(int[] items, int head, int tail) {
        this.items = items;
        this.head = head;
        this.tail = tail;
        this.sharedUpTo = items.length;
    }

    /** A copy sharing this one's storage; whichever writes where the other can see makes its own array. */
    public IntDeque copy() {
        sharedUpTo = Math.max(sharedUpTo, tail);
        return new IntDeque(items, head, tail);
    }

    public int size() {
        return tail - head;
    }

    public boolean isEmpty() {
        return tail == head;
    }

    /** The i-th item from the head. */
    public int get(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException(i);
        }
        return items[head + i];
    }

    public void addLast(int v) {
        if (tail < sharedUpTo || tail == items.length) {
            relocate(0);
        }
        items[tail++] = v;
    }

    public void addFirst(int v) {
        if (head == 0 || head <= sharedUpTo) {
            relocate(Math.max(8, size() / 2));
        }
        items[--head] = v;
    }

    /** Inserts {@code v} before the i-th item from the head ({@code i == size()}: at the tail). */
    public void insert(int i, int v) {
        if (i < 0 || i > size()) {
            throw new IndexOutOfBoundsException(i);
        }
        if (i == 0) {
            addFirst(v);
            return;
        }
        addLast(v);
        if (head + i < sharedUpTo) {
            relocate(0);
        }
        System.arraycopy(items, head + i, items, head + i + 1, size() - 1 - i);
        items[head + i] = v;
    }

    public int removeFirst() {
        if (isEmpty()) {
            throw new IllegalStateException("empty");
        }
        return items[head++];
    }

    public int removeLast() {
        if (isEmpty()) {
            throw new IllegalStateException("empty");
        }
        int v = items[--tail];
        if (tail < sharedUpTo) {
            // The next append would overwrite an item a copy can see: give this queue its own array first.
            relocate(0);
        }
        return v;
    }

    public int peekFirst() {
        if (isEmpty()) {
            throw new IllegalStateException("empty");
        }
        return items[head];
    }

    /** Removes the first occurrence of {@code v}; the head (the usual case) is O(1). */
    public boolean remove(int v) {
        int i = indexOf(v);
        if (i < 0) {
            return false;
        }
        if (i == 0) {
            head++;
            return true;
        }
        if (head < sharedUpTo) {
            relocate(0);
        }
        System.arraycopy(items, head + i + 1, items, head + i, size() - i - 1);
        tail--;
        return true;
    }

    public int indexOf(int v) {
        for (int i = head; i < tail; i++) {
            if (items[i] == v) {
                return i - head;
            }
        }
        return -1;
    }

    public int[] toArray() {
        return Arrays.copyOfRange(items, head, tail);
    }

    /** Moves the items to a fresh array with {@code front} free slots before them. */
    private void relocate(int front) {
        int n = size();
        int[] fresh = new int[Math.max(16, front + n * 2)];
        System.arraycopy(items, head, fresh, front, n);
        items = fresh;
        head = front;
        tail = front + n;
        sharedUpTo = 0;
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
