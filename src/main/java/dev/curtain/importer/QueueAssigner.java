package dev.curtain.importer;

import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.PlaceKind;
import dev.curtain.engine.state.GoroutineTable;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.ProcessorState;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts runnable goroutines into run queues so each queue has the length the log printed. Schedtrace prints only
 * lengths, never which G is where, so any assignment that matches the lengths is as true as another; this one
 * keeps every G where it already is when the lengths allow, so the animation moves only what must move.
 */
final class QueueAssigner {
    private final Target target;
    private final int[] localLeft;
    private int globalLeft;
    private final boolean[] runnextFree;
    private final List<Integer> unplaced = new ArrayList<>();

    /**
     * @param localQuota printed run queue length per P (capped at the ring's 256)
     * @param globalQuota printed global run queue length
     * @param allowRunnext whether goroutines beyond the printed lengths may sit in runnext (which schedtrace does
     *                     not count); only Ps that are not idle get one
     */
    QueueAssigner(Target target, int[] localQuota, int globalQuota, boolean allowRunnext) {
        this.target = target;
        this.localLeft = new int[target.gomaxprocs];
        for (int i = 0; i < localLeft.length; i++) {
            localLeft[i] = Math.min(ProcessorState.RING, Math.max(0, localQuota[i]));
        }
        this.globalLeft = Math.max(0, globalQuota);
        this.runnextFree = new boolean[target.gomaxprocs];
        for (int i = 0; i < runnextFree.length; i++) {
            runnextFree[i] = allowRunnext && target.pStatus[i] != PStatus.IDLE;
        }
    }

    /** First pass: keeps goroutines whose current queue still has room; the others wait for {@link #fill}. */
    void keepOrDefer(List<Integer> runnable, GoroutineTable gs) {
        for (int g : runnable) {
            Place cur = gs.exists(g) ? gs.place(g) : Place.NONE;
            int id = cur.id();
            boolean kept = false;
            if (cur.kind() == PlaceKind.LOCAL_QUEUE && id < localLeft.length && localLeft[id] > 0) {
                localLeft[id]--;
                kept = true;
            } else if (cur.kind() == PlaceKind.GLOBAL_QUEUE && globalLeft > 0) {
                globalLeft--;
                kept = true;
            } else if (cur.kind() == PlaceKind.RUNNEXT && id < runnextFree.length && runnextFree[id]) {
                runnextFree[id] = false;
                kept = true;
            }
            if (kept) {
                target.places.put(g, cur);
            } else {
                unplaced.add(g);
            }
        }
    }

    /**
     * Second pass: the deferred goroutines fill local queues, then the global queue, then free runnext slots.
     * Returns those that found no room (more runnable goroutines than the printed lengths).
     */
    List<Integer> fill() {
        List<Integer> left = new ArrayList<>();
        int p = 0;
        for (int g : unplaced) {
            while (p < localLeft.length && localLeft[p] == 0) {
                p++;
            }
            if (p < localLeft.length) {
                localLeft[p]--;
                target.places.put(g, Place.localQueue(p));
            } else if (globalLeft > 0) {
                globalLeft--;
                target.places.put(g, Place.GLOBAL);
            } else {
                int r = freeRunnext();
                if (r >= 0) {
                    runnextFree[r] = false;
                    target.places.put(g, Place.runnext(r));
                } else {
                    left.add(g);
                }
            }
        }
        unplaced.clear();
        return left;
    }

    private int freeRunnext() {
        for (int i = 0; i < runnextFree.length; i++) {
            if (runnextFree[i]) {
                return i;
            }
        }
        return -1;
    }

    /** Queue slots still empty after {@link #fill}, as places, local queues first (for placeholders). */
    List<Place> emptySlots(int limit) {
        List<Place> out = new ArrayList<>();
        for (int p = 0; p < localLeft.length; p++) {
            for (int k = 0; k < localLeft[p] && out.size() < limit; k++) {
                out.add(Place.localQueue(p));
            }
        }
        for (int k = 0; k < globalLeft && out.size() < limit; k++) {
            out.add(Place.GLOBAL);
        }
        return out;
    }
}
