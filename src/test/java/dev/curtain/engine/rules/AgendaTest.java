package dev.curtain.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The calendar polls in (time, order scheduled) whatever mix of schedules, cancels and reschedules came before. */
class AgendaTest {

    @Test
    void pollsInTimeThenSchedulingOrderAgainstASortedReference() {
        SplittableRandom rnd = new SplittableRandom(7);
        Agenda agenda = new Agenda();
        List<Wakeup> pending = new ArrayList<>();
        List<Wakeup> perM = new ArrayList<>();
        for (int m = 0; m < 8; m++) {
            perM.add(agenda.permanent(Wakeup.Kind.SCHEDULE, m));
        }
        for (int step = 0; step < 20_000; step++) {
            int what = rnd.nextInt(5);
            if (what == 0) {
                pending.add(agenda.schedule(rnd.nextInt(50), Wakeup.Kind.TIMER, step));
            } else if (what == 1 && !pending.isEmpty()) {
                Wakeup w = pending.remove(rnd.nextInt(pending.size()));
                agenda.cancel(w);
            } else if (what == 2) {
                Wakeup w = perM.get(rnd.nextInt(perM.size()));
                pending.remove(w);
                agenda.reschedule(w, rnd.nextInt(50), Wakeup.Kind.STEP);
                pending.add(w);
            } else if (!pending.isEmpty()) {
                Wakeup expected = pending.stream()
                        .min(Comparator.<Wakeup>comparingLong(x -> x.time).thenComparingLong(x -> x.seq)).get();
                assertThat(agenda.peek()).isSameAs(expected);
                assertThat(agenda.poll()).isSameAs(expected);
                pending.remove(expected);
                agenda.cancel(expected); // cancelling what was already polled changes nothing
            }
            assertThat(agenda.size()).isEqualTo(pending.size());
        }
    }

    @Test
    void onlySysmonLeftMeansNothingElseCanHappen() {
        Agenda agenda = new Agenda();
        Wakeup sysmon = agenda.schedule(20, Wakeup.Kind.SYSMON, 1);
        Wakeup m = agenda.permanent(Wakeup.Kind.SCHEDULE, 0);
        agenda.reschedule(m, 5, Wakeup.Kind.STEP);
        assertThat(agenda.hasWorkBesidesSysmon()).isTrue();
        agenda.cancel(m);
        assertThat(agenda.hasWorkBesidesSysmon()).isFalse();
        agenda.cancel(sysmon);
        assertThat(agenda.size()).isZero();
        assertThat(agenda.poll()).isNull();
    }
}
