package dev.curtain.engine.rules;

import dev.curtain.engine.event.Event.ChannelReceived;
import dev.curtain.engine.event.Event.ChannelSent;
import dev.curtain.engine.event.Event.GoroutineParked;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.state.IntDeque;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.WaitReason;
import java.util.ArrayList;
import java.util.List;

/**
 * chansend / chanrecv: a waiting partner is handed the value directly and readied into the current P's runnext;
 * otherwise the buffer is used; otherwise the goroutine parks in the channel's FIFO wait queue.
 */
final class Channels {
    /** The outcome of a channel operation for the interpreter. */
    enum Result { DONE, PARKED }

    private final Runtime rt;
    private final SchedState s;
    private final List<String> names = new ArrayList<>();
    private final List<IntDeque> sendq = new ArrayList<>();
    private final List<IntDeque> recvq = new ArrayList<>();

    Channels(Runtime rt) {
        this.rt = rt;
        this.s = rt.state;
        for (ChannelDecl c : rt.program.channels()) {
            names.add(c.name());
            sendq.add(new IntDeque());
            recvq.add(new IntDeque());
        }
    }

    int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no channel named " + name);
        }
        return i;
    }

    Result send(int m, int g, String name) {
        int c = index(name);
        int buffered = s.channels().get(c).buffered();
        int p = s.thread(m).p();
        if (!recvq.get(c).isEmpty()) {
            int receiver = recvq.get(c).removeFirst();
            rt.emit(new ChannelSent(rt.seq(), rt.now, g, c, buffered));
            rt.scheduler.ready(receiver, p, m, RuntimeFunction.READY);
            return Result.DONE;
        }
        if (buffered < s.channels().get(c).capacity()) {
            rt.emit(new ChannelSent(rt.seq(), rt.now, g, c, buffered + 1));
            return Result.DONE;
        }
        sendq.get(c).addLast(g);
        rt.emit(new GoroutineParked(rt.seq(), rt.now, RuntimeFunction.GOPARK, g, m, WaitReason.CHAN_SEND, c));
        return Result.PARKED;
    }

    Result receive(int m, int g, String name) {
        int c = index(name);
        int buffered = s.channels().get(c).buffered();
        int p = s.thread(m).p();
        if (buffered > 0) {
            if (!sendq.get(c).isEmpty()) {
                // Take the head of the buffer; the first waiting sender's value takes its place.
                int sender = sendq.get(c).removeFirst();
                rt.emit(new ChannelReceived(rt.seq(), rt.now, g, c, buffered));
                rt.scheduler.ready(sender, p, m, RuntimeFunction.READY);
            } else {
                rt.emit(new ChannelReceived(rt.seq(), rt.now, g, c, buffered - 1));
            }
            return Result.DONE;
        }
        if (!sendq.get(c).isEmpty()) {
            int sender = sendq.get(c).removeFirst();
            rt.emit(new ChannelReceived(rt.seq(), rt.now, g, c, 0));
            rt.scheduler.ready(sender, p, m, RuntimeFunction.READY);
            return Result.DONE;
        }
        recvq.get(c).addLast(g);
        rt.emit(new GoroutineParked(rt.seq(), rt.now, RuntimeFunction.GOPARK, g, m, WaitReason.CHAN_RECEIVE, c));
        return Result.PARKED;
    }
}
