package dev.curtain.importer;

import dev.curtain.engine.event.Place;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.ThreadRole;
import dev.curtain.engine.state.WaitReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where one keyframe says everything must be, in the engine's terms and ids: each P's status and owner, each
 * thread's state, P, current G and locked G, and each goroutine's place, wait reason and lock. Goroutines without an
 * entry keep their state. The layouts fill it in consistently (a G in one place, a P owned by at most one M…), so
 * the {@link TransitionPlanner} can always reach it.
 */
final class Target {
    /** A goroutine that does not exist yet: its engine id and name. */
    record NewGoroutine(int g, String name) {
    }

    final int gomaxprocs;
    final PStatus[] pStatus;
    final int[] pOwner;
    int threadCount;
    boolean[] alive = new boolean[0];
    MState[] mState = new MState[0];
    int[] mP = new int[0];
    int[] mCurg = new int[0];
    int[] mLocked = new int[0];
    ThreadRole[] roles = new ThreadRole[0];
    /** Goroutine targets, by engine id; a linked map would do, but ids are small dense ints. */
    final Map<Integer, Place> places = new HashMap<>();
    final Map<Integer, WaitReason> reasons = new HashMap<>();
    final Map<Integer, Integer> locks = new HashMap<>();
    final List<NewGoroutine> creates = new ArrayList<>();
    /** Running goroutines that leave their thread by runtime.Gosched (a trace says so) rather than preempted. */
    final Set<Integer> yields = new HashSet<>();
    /** Whether a P in a syscall shows status _Psyscall (up to Go 1.25) rather than staying _Prunning. */
    boolean pSyscallStatus = true;

    Target(int gomaxprocs) {
        this.gomaxprocs = gomaxprocs;
        pStatus = new PStatus[gomaxprocs];
        Arrays.fill(pStatus, PStatus.IDLE);
        pOwner = new int[gomaxprocs];
        Arrays.fill(pOwner, -1);
    }

    /** Makes room for threads {@code 0..count-1}; new slots are not alive until set. */
    void threads(int count) {
        int old = threadCount;
        threadCount = count;
        alive = Arrays.copyOf(alive, count);
        mState = Arrays.copyOf(mState, count);
        mP = Arrays.copyOf(mP, count);
        mCurg = Arrays.copyOf(mCurg, count);
        mLocked = Arrays.copyOf(mLocked, count);
        roles = Arrays.copyOf(roles, count);
        for (int m = old; m < count; m++) {
            mState[m] = MState.EXITED;
            mP[m] = -1;
            mCurg[m] = -1;
            mLocked[m] = -1;
            roles[m] = ThreadRole.WORKER;
        }
    }

    void own(int p, int m, PStatus status) {
        pOwner[p] = m;
        pStatus[p] = status;
        mP[m] = p;
    }

    /** The target place of goroutine {@code g}, or null if it keeps its state. */
    Place place(int g) {
        return places.get(g);
    }

    WaitReason reason(int g) {
        WaitReason r = reasons.get(g);
        return r == null ? WaitReason.NONE : r;
    }

    /** The M goroutine {@code g} must be locked to, or -1. */
    int lock(int g) {
        Integer m = locks.get(g);
        return m == null ? -1 : m;
    }
}
