package dev.curtain.engine.state;

/**
 * One P: status, owner M, the runnext slot and the 256-slot local run queue (runtime2.go {@code type p}).
 * Read-only outside this package; {@link Evolver} changes it.
 */
public final class ProcessorState {
    /** Capacity of the local ring ({@code runq [256]guintptr}). */
    public static final int RING = 256;

    private final int id;
    PStatus status = PStatus.IDLE;
    int m = -1;
    int runnext = -1;
    private final int[] ring;
    private int head;
    private int size;
    long schedtick;
    long syscalltick;

    ProcessorState(int id) {
        this.id = id;
        this.ring = new int[RING];
    }

    private ProcessorState(ProcessorState o) {
        this.id = o.id;
        this.status = o.status;
        this.m = o.m;
        this.runnext = o.runnext;
        this.ring = o.ring.clone();
        this.head = o.head;
        this.size = o.size;
        this.schedtick = o.schedtick;
        this.syscalltick = o.syscalltick;
    }

    ProcessorState copy() {
        return new ProcessorState(this);
    }

    public int id() { return id; }
    public PStatus status() { return status; }
    /** The M that owns this P (in a syscall, the M that holds it loosely), or -1. */
    public int m() { return m; }
    /** The goroutine in runnext, or -1. */
    public int runnext() { return runnext; }
    /** Length of the local ring, excluding runnext, as schedtrace prints it. */
    public int runqSize() { return size; }
    public long schedtick() { return schedtick; }
    public long syscalltick() { return syscalltick; }

    /** The i-th goroutine of the local ring from its head. */
    public int runqAt(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return ring[(head + i) % RING];
    }

    /** The local ring, head first. */
    public int[] runq() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = runqAt(i);
        }
        return out;
    }

    /** runqempty: a P with only runnext is not empty. */
    public boolean runqEmpty() {
        return size == 0 && runnext < 0;
    }

    void pushTail(int g) {
        if (size == RING) {
            throw new IllegalStateException("P" + id + " local run queue overflow: the rules must spill first");
        }
        ring[(head + size) % RING] = g;
        size++;
    }

    boolean remove(int g) {
        if (size == 0) {
            return false;
        }
        if (ring[head] == g) {
            head = (head + 1) % RING;
            size--;
            return true;
        }
        for (int i = 1; i < size; i++) {
            if (runqAt(i) == g) {
                for (int j = i; j < size - 1; j++) {
                    ring[(head + j) % RING] = ring[(head + j + 1) % RING];
                }
                size--;
                return true;
            }
        }
        return false;
    }
}
