package dev.curtain.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.app.TestScenarios;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageGeometryTest {

    private static Recording run(Scenario s) {
        return Simulator.run(s.program(), s.options());
    }

    private static int indexAfterFirst(Recording r, Class<? extends Event> type) {
        for (int i = 0; i < r.size(); i++) {
            if (type.isInstance(r.event(i))) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }

    @Test
    void aThreadInASyscallSitsInTheSyscallZoneWithItsGoroutine() {
        Recording r = run(ShippedLessons.first());
        SchedState s = r.stateAt(indexAfterFirst(r, Event.SyscallEntered.class));
        StageGeometry g = StageGeometry.compute(s, 1400, 800);
        assertThat(s.thread(0).state()).isEqualTo(MState.SYSCALL);
        Rect zone = g.zone(StageGeometry.SYSCALL).bounds();
        Rect box = g.mBox[0];
        assertThat(zone.contains(box.x(), box.y())).isTrue();
        assertThat(g.gShown[2]).isEqualTo(StageGeometry.SHOWN);
        assertThat(zone.contains(g.gx[2], g.gy[2])).isTrue();
    }

    @Test
    void aRunningThreadCarriesItsProcessorsLane() {
        Recording r = run(ShippedLessons.first());
        SchedState s = r.stateAt(indexAfterFirst(r, Event.GoroutineStarted.class));
        StageGeometry g = StageGeometry.compute(s, 1400, 800);
        assertThat(g.mBox[0]).isSameAs(g.lanes.get(0).threadSlot());
        assertThat(g.gx[1]).isEqualTo((float) g.lanes.get(0).runX());
    }

    @Test
    void sixtyFourProcessorsAndTenThousandGoroutinesFoldIntoCounts() {
        Recording r = run(TestScenarios.crowd(10_000, 64));
        SchedState s = r.stateAt(r.size() / 3);
        StageGeometry g = StageGeometry.compute(s, 1300, 760);
        assertThat(g.lanes).hasSize(64);
        assertThat(g.compactThreads).isTrue();
        int live = 0;
        for (int i = 1; i < s.goroutines().size(); i++) {
            if (s.goroutines().status(i) != GStatus.DEAD) {
                live++;
            }
        }
        assertThat(live).isGreaterThan(1000);
        assertThat(g.shownTokens).isLessThan(1500);
        assertThat(g.chips).isNotEmpty();
        // also at the stage's size in a 1280x720 window, where lanes are shortest
        for (StageGeometry geo : java.util.List.of(g, StageGeometry.compute(s, 820, 400))) {
            int inLanes = 0;
            for (StageGeometry.Chip c : geo.chips) {
                StageGeometry.Lane home = geo.lanes.stream()
                        .filter(l -> l.bounds().contains(c.cx() - c.w() / 2 + 0.5, c.cy()))
                        .findFirst().orElse(null);
                if (home != null) {
                    inLanes++;
                    assertThat(c.cx() + c.w() / 2).as("count %s inside its lane", c.text())
                            .isLessThanOrEqualTo(home.bounds().right());
                }
            }
            assertThat(inLanes).isPositive();
        }
        for (StageGeometry.Lane l : g.lanes) {
            assertThat(l.bounds().bottom()).isLessThanOrEqualTo(760);
            assertThat(l.bounds().h()).isGreaterThanOrEqualTo(9);
        }
    }

    @Test
    void everyLiveGoroutineIsOnStageOrFolded() {
        Recording r = run(TestScenarios.crowd(500, 4));
        for (int i = 0; i <= r.size(); i += Math.max(1, r.size() / 40)) {
            SchedState s = r.stateAt(i);
            StageGeometry g = StageGeometry.compute(s, 1200, 700);
            for (int gid = 1; gid < s.goroutines().size(); gid++) {
                boolean dead = s.goroutines().status(gid) == GStatus.DEAD;
                assertThat(g.gShown[gid] == StageGeometry.HIDDEN).as("G%d at %d", gid, i).isEqualTo(dead);
            }
        }
    }

    @Test
    void aZoneALittleNarrowerThanItsBoxesSqueezesThemRatherThanFoldThem() {
        Recording r = run(new ShippedLessons().lessons().get(7));
        SchedState s = r.stateAt(r.size());
        // the export's 1280x720 frame, less its caption: two system threads, a zone not quite two boxes wide
        StageGeometry g = StageGeometry.compute(s, 1280, 660, StageGeometry.BOX_W, StageGeometry.BOX_H, 1.3);
        Rect zone = g.zone(StageGeometry.SYSTEM).bounds();
        int shown = 0;
        for (ThreadState t : s.threads()) {
            if (t.role().isSystem() && t.alive()) {
                assertThat(g.mFolded[t.id()]).as("M%d folded", t.id()).isFalse();
                Rect box = g.mBox[t.id()];
                assertThat(box.x()).isGreaterThanOrEqualTo(zone.x());
                assertThat(box.right()).isLessThanOrEqualTo(zone.right());
                assertThat(box.w()).isGreaterThanOrEqualTo(StageGeometry.SQUEEZE * g.boxW - 0.001);
                shown++;
            }
        }
        assertThat(shown).isEqualTo(2);
        assertThat(g.chips).isEmpty();
    }

    @Test
    void theThreadZonesKeepTheirPlaceThroughEveryEventOfEveryLesson() {
        for (Scenario lesson : new ShippedLessons().lessons()) {
            Recording r = run(lesson);
            ZoneDemand demand = demandOf(r);
            java.util.Map<String, Rect> first = new java.util.TreeMap<>();
            for (int i = 0; i <= r.size(); i++) {
                SchedState s = r.stateAt(i);
                if (s.gomaxprocs() != lesson.options().gomaxprocs()) {
                    continue; // before schedinit, or while GOMAXPROCS changes the lanes
                }
                StageGeometry g = StageGeometry.compute(s, 1280, 560, StageGeometry.BOX_W, StageGeometry.BOX_H, 1,
                        demand);
                for (String z : List.of(StageGeometry.SYSCALL, StageGeometry.IDLE, StageGeometry.LOCKED,
                        StageGeometry.SYSTEM)) {
                    Rect at = g.zone(z).bounds();
                    Rect was = first.putIfAbsent(z, at);
                    assertThat(was == null ? at : was).as("%s: %s after event %d", lesson.title(), z, i)
                            .isEqualTo(at);
                }
            }
        }
    }

    @Test
    void aThreadKeepsItsBoxWhileOthersComeAndGoThroughEveryEventOfEveryLesson() {
        // a box that stays in its zone from one step to the next stands still: neither pushed along by a thread
        // arriving or leaving nor resized, so a step moves only the threads it concerns (at 1280x560 and at the
        // 1920x1080 of a full-screen lecture). Where a zone ever holds more threads than it has room for (lessons
        // 10 and 13's idle pools at most), threads share slots, and a few boxes do move
        int stayed = 0;
        int shared = 0;
        int sharedMoved = 0;
        for (double[] size : new double[][] {{1280, 560}, {1920, 1080}}) {
            for (Scenario lesson : new ShippedLessons().lessons()) {
                Recording r = run(lesson);
                ZoneDemand demand = demandOf(r);
                StageGeometry before = null;
                SchedState was = null;
                for (int i = 0; i <= r.size(); i++) {
                    SchedState s = r.stateAt(i);
                    if (s.gomaxprocs() != lesson.options().gomaxprocs()) {
                        before = null;
                        continue; // before schedinit, or while GOMAXPROCS changes the lanes
                    }
                    StageGeometry g = StageGeometry.compute(s, size[0], size[1], StageGeometry.BOX_W,
                            StageGeometry.BOX_H, 1, demand);
                    if (before != null) {
                        for (ThreadState t : s.threads()) {
                            int m = t.id();
                            if (m >= was.threads().size() || !t.alive() || g.mBox[m] == null
                                    || before.mBox[m] == null || g.mFolded[m] || before.mFolded[m]) {
                                continue;
                            }
                            String zone = StageGeometry.placeOf(t, s.gomaxprocs());
                            if (!zone.equals(StageGeometry.placeOf(was.threads().get(m), was.gomaxprocs()))
                                    || List.of(StageGeometry.BOTTOM_ZONES).indexOf(zone) < 0) {
                                continue;
                            }
                            int z = List.of(StageGeometry.BOTTOM_ZONES).indexOf(zone);
                            if (demand.everHeld(z) > g.zoneSlots[z]) {
                                shared++;
                                sharedMoved += g.mBox[m].equals(before.mBox[m]) ? 0 : 1;
                                continue;
                            }
                            stayed++;
                            assertThat(g.mBox[m]).as("%s at %.0fx%.0f: M%d in %s after event %d", lesson.title(),
                                    size[0], size[1], m, zone, i).isEqualTo(before.mBox[m]);
                        }
                    }
                    before = g;
                    was = s;
                }
            }
        }
        assertThat(stayed).isGreaterThan(1_000);
        assertThat(sharedMoved).as("boxes moved in zones whose slots are shared, of %d stays", shared)
                .isLessThanOrEqualTo(shared / 10);
    }

    @Test
    void aCrowdedZoneDrawsEveryBoxSmallerBeforeAnyFolds() {
        // lesson 2: ten goroutines blocked in syscalls at once, each on its own thread
        Recording r = run(new ShippedLessons().lessons().get(1));
        int most = 0;
        for (int i = 0; i <= r.size(); i++) {
            SchedState s = r.stateAt(i);
            long inSyscall = s.threads().stream().filter(t -> t.alive() && t.state() == MState.SYSCALL).count();
            if (inSyscall < 6) {
                continue;
            }
            StageGeometry g = StageGeometry.compute(s, 1280, 560);
            Rect zone = g.zone(StageGeometry.SYSCALL).bounds();
            for (ThreadState t : s.threads()) {
                if (t.alive() && t.state() == MState.SYSCALL) {
                    assertThat(g.mFolded[t.id()]).as("M%d folded after event %d", t.id(), i).isFalse();
                    Rect box = g.mBox[t.id()];
                    assertThat(box.right()).isLessThanOrEqualTo(zone.right());
                    assertThat(box.bottom()).isLessThanOrEqualTo(zone.bottom());
                    assertThat(box.w()).isLessThan(g.boxW);
                }
            }
            assertThat(g.chips).noneMatch(c -> c.text().endsWith("threads"));
            most = (int) Math.max(most, inSyscall);
        }
        assertThat(most).as("threads in syscalls at once").isGreaterThanOrEqualTo(8);
    }

    @Test
    void aThreadZoneTooCrowdedForReadableFullBoxesDrawsCompactOnesWithTheirGsBeside() {
        // lesson 2 on the stage a 1280x720 window leaves beside its panels: ten threads in syscalls would be full
        // boxes at a third of their size
        Recording r = run(new ShippedLessons().lessons().get(1));
        ZoneDemand demand = demandOf(r);
        int checked = 0;
        for (int i = 0; i <= r.size(); i++) {
            SchedState s = r.stateAt(i);
            StageGeometry g = StageGeometry.compute(s, 820, 400, StageGeometry.BOX_W, StageGeometry.BOX_H, 1, demand);
            for (int gid = 1; gid < s.goroutines().size(); gid++) {
                if (s.goroutines().status(gid) != GStatus.SYSCALL || g.gShown[gid] != StageGeometry.SHOWN) {
                    continue;
                }
                int m = s.goroutines().place(gid).id();
                Rect box = g.mBox[m];
                assertThat(g.compact(m)).as("M%d after event %d", m, i).isTrue();
                // at least three quarters of a compact box's height (22): its name still reads
                assertThat(box.h()).as("a compact box's height").isGreaterThanOrEqualTo(0.75 * 22);
                // the G's number is not hidden under its thread's box
                assertThat(g.gx[gid] - g.token / 2).as("G%d beside M%d", gid, m).isGreaterThanOrEqualTo(box.right());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
        // the lanes keep full boxes
        assertThat(StageGeometry.compute(r.finalState(), 820, 400).compactThreads).isFalse();
    }

    @Test
    void aZoneThatNeverHoldsAThreadTakesItsTitleOnTwoLinesAndLeavesItsWidthToTheOthers() {
        // lesson 1 never locks a thread: its "locked to their G" zone only needs its title
        Recording r = run(new ShippedLessons().lessons().get(0));
        ZoneDemand demand = demandOf(r);
        StageGeometry g = StageGeometry.compute(r.finalState(), 1280, 560, StageGeometry.BOX_W, StageGeometry.BOX_H,
                1, demand);
        StageGeometry.Zone locked = g.zone(StageGeometry.LOCKED);
        assertThat(locked.lines()).containsExactly("LOCKED TO", "THEIR G");
        assertThat(locked.bounds().w()).isLessThan(StageGeometry.titleWidth("LOCKED TO THEIR G", g.zoom));
        assertThat(g.zone(StageGeometry.SYSTEM).lines()).containsExactly("SYSTEM THREADS");
    }

    private static ZoneDemand demandOf(Recording r) {
        ZoneDemand.Tally t = new ZoneDemand.Tally();
        for (int i = 0; i <= r.size(); i++) {
            t.add(r.stateAt(i));
        }
        return t.result();
    }

    @Test
    void aDivergedOrLockedThreadIsNeverTheOneFoldedIntoACount() {
        // every lesson on a stage so small that crowded thread zones must fold some threads into counts
        int[] important = new int[1];
        int[] folded = new int[1];
        for (Scenario lesson : new ShippedLessons().lessons()) {
            Recording r = run(lesson);
            for (int i = 0; i <= r.size(); i++) {
                SchedState st = r.stateAt(i);
                StageGeometry g = StageGeometry.compute(st, 320, 240);
                for (ThreadState t : st.threads()) {
                    if (!t.alive() || g.mBox[t.id()] == null) {
                        continue;
                    }
                    if (t.lockedg() > 0 || !st.diverged(t.id()).isEmpty()) {
                        assertThat(g.mFolded[t.id()]).as("%s: M%d after event %d", lesson.title(), t.id(), i)
                                .isFalse();
                        important[0]++;
                    } else if (g.mFolded[t.id()]) {
                        folded[0]++;
                    }
                }
            }
        }
        assertThat(important[0]).isPositive();
        assertThat(folded[0]).as("plain threads folded somewhere").isPositive();
    }

    @Test
    void aLongRunQueueWrapsIntoRowsInsideItsLaneBeforeItFolds() {
        // lesson 14: main queues 150 goroutines on its own P
        Recording r = run(new ShippedLessons().lessons().get(13));
        int longest = 0;
        SchedState busiest = null;
        for (int i = 0; i <= r.size(); i += 5) {
            SchedState s = r.stateAt(i);
            for (int p = 0; p < s.processors().size(); p++) {
                if (s.processor(p).runqSize() > longest) {
                    longest = s.processor(p).runqSize();
                    busiest = s;
                }
            }
        }
        assertThat(longest).isGreaterThan(60);
        StageGeometry g = StageGeometry.compute(busiest, 1400, 800);
        java.util.Set<Float> rows = new java.util.TreeSet<>();
        for (StageGeometry.Lane lane : g.lanes) {
            int[] q = busiest.processor(lane.p()).runq();
            for (int gid : q) {
                if (g.gShown[gid] == StageGeometry.SHOWN) {
                    assertThat(lane.bounds().contains(g.gx[gid], g.gy[gid])).as("G%d inside P%d", gid, lane.p())
                            .isTrue();
                    if (q.length == longest) {
                        rows.add(g.gy[gid]);
                    }
                }
            }
        }
        assertThat(rows).as("rows of the longest queue").hasSizeGreaterThan(1);
    }

    @Test
    void easingStartsAndEndsAtRest() {
        assertThat(StageRenderer.ease(0)).isZero();
        assertThat(StageRenderer.ease(1)).isEqualTo(1);
        assertThat(StageRenderer.ease(0.5)).isEqualTo(0.5);
    }
}
