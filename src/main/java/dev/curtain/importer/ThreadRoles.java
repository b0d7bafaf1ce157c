package dev.curtain.importer;

import dev.curtain.engine.state.ThreadRole;
import dev.curtain.importer.TraceLine.MLine;

/**
 * Which imported thread is which. M0 is the main thread. sysmon is the thread printing the trace, so in a detailed
 * block it is awake without a P or a goroutine; the runtime starts it before any other thread, so it is M1 in
 * practice, which is also what a summary log (no M lines) assumes. The template thread cannot be told from an idle
 * one in a log and shows as a worker.
 */
final class ThreadRoles {
    private int sysmon = -1;
    private boolean decided;

    /** Picks sysmon from the first block that lists threads (later blocks cannot change a role). */
    void decide(Keyframe kf) {
        if (decided) {
            return;
        }
        if (!kf.detailed()) {
            sysmon = 1;
            decided = true;
            return;
        }
        if (kf.ms().isEmpty()) {
            return;
        }
        decided = true;
        MLine firstAwake = null;
        for (MLine m : kf.ms()) {
            boolean free = m.id() > 0 && m.p() < 0 && m.curg() < 0 && !m.spinning();
            if (free && m.id() == 1) {
                sysmon = 1;
                return;
            }
            if (free && !m.blocked() && (firstAwake == null || m.id() < firstAwake.id())) {
                firstAwake = m;
            }
        }
        sysmon = firstAwake == null ? -1 : firstAwake.id();
    }

    ThreadRole role(int m) {
        if (m == 0) {
            return ThreadRole.MAIN;
        }
        return m == sysmon ? ThreadRole.SYSMON : ThreadRole.WORKER;
    }
}
