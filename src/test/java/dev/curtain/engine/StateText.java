package dev.curtain.engine;

import dev.curtain.engine.state.ChannelState;
import dev.curtain.engine.state.GoroutineTable;
import dev.curtain.engine.state.ProcessorState;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import java.util.Arrays;

/** A canonical text of everything a state holds, so two states can be compared in tests. */
final class StateText {
    private StateText() {
    }

    static String of(SchedState s) {
        StringBuilder b = new StringBuilder();
        b.append("t=").append(s.timeNs()).append(" n=").append(s.eventCount()).append(" procs=").append(s.gomaxprocs())
                .append(" cwd=").append(s.processCwd()).append(" out=").append(s.outcome()).append('\n');
        for (ProcessorState p : s.processors()) {
            b.append("P").append(p.id()).append(' ').append(p.status()).append(" m=").append(p.m())
                    .append(" next=").append(p.runnext()).append(" q=").append(Arrays.toString(p.runq()))
                    .append(" tick=").append(p.schedtick()).append('/').append(p.syscalltick()).append('\n');
        }
        for (ThreadState t : s.threads()) {
            b.append("M").append(t.id()).append(' ').append(t.state()).append(" p=").append(t.p()).append(" g=")
                    .append(t.curg()).append(" locked=").append(t.lockedg()).append(' ').append(t.props()).append('\n');
        }
        GoroutineTable gs = s.goroutines();
        for (int g = 1; g < gs.size(); g++) {
            b.append("G").append(g).append(' ').append(gs.status(g)).append(' ').append(gs.place(g)).append(' ')
                    .append(gs.waitReason(g)).append(" lock=").append(gs.lockedM(g)).append('/')
                    .append(gs.lockDepth(g)).append(" line=").append(gs.line(g)).append('\n');
        }
        b.append("global=").append(s.globalQueue()).append('\n');
        for (ChannelState c : s.channels()) {
            b.append("chan ").append(c.name()).append(' ').append(c.buffered()).append('/').append(c.capacity()).append('\n');
        }
        var c = s.counters();
        b.append("counters ").append(c.threadsCreated()).append(' ').append(c.threadsExited()).append(' ')
                .append(c.maxLiveThreads()).append(' ').append(c.handoffs()).append(' ').append(c.steals()).append(' ')
                .append(c.preemptions()).append(' ').append(c.retakes());
        return b.toString();
    }
}
