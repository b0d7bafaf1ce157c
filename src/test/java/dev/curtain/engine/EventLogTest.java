package dev.curtain.engine;

import static dev.curtain.engine.program.Ops.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.EventLog;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.program.CloneFlag;
import dev.curtain.engine.program.CredentialCall;
import dev.curtain.engine.program.Namespace;
import dev.curtain.engine.program.Program;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The column-wise log must give back exactly the records appended, for every event type. */
class EventLogTest {

    /** A program that makes the engine emit every kind of event. */
    static Program everything() {
        return Sim.program(List.of(new ChannelDecl("c", 1)),
                fn("main", go("w"), go("w"), chdir("/srv"), lock(), setns(Namespace.NET, "ctr"), unshare(CloneFlag.FS),
                        setuid(1000, CredentialCall.SYSCALL_PACKAGE), unlock(), send("c"), send("c"),
                        syscall("read", "30ms"), gosched(), gomaxprocs(3), defer("r"), call("p"), print("done"),
                        sleep("2ms"), go("x")),
                fn("w", recv("c"), compute("15ms"), netWait("accept", "1ms"), createFile("f")),
                fn("p", panic("boom")),
                fn("r", recover()),
                fn("x", lock()));
    }

    @Test
    void decodedEventsEqualTheAppendedOnes() {
        Recording rec = Simulator.run(everything(), Sim.opts("1.14", 2));
        EventLog copy = new EventLog();
        Set<Class<?>> kinds = new HashSet<>();
        for (Event e : rec.events()) {
            copy.append(e);
            kinds.add(e.getClass());
        }
        for (int i = 0; i < rec.size(); i++) {
            assertThat(copy.get(i)).isEqualTo(rec.event(i));
            assertThat(copy.timeNs(i)).isEqualTo(rec.event(i).timeNs());
        }
        assertThat(kinds.size()).as("event types exercised").isGreaterThanOrEqualTo(28);
    }

    @Test
    void theImportOnlyFoundWaitingEventDecodesAsAppended() {
        // No simulated run emits it (only imports do), so it is appended by hand.
        EventLog log = new EventLog();
        Event e = new Event.GoroutineFoundWaiting(0, 42, dev.curtain.engine.event.RuntimeFunction.GOPARK, 7,
                "main.worker", dev.curtain.engine.state.WaitReason.CHAN_RECEIVE);
        log.append(e);
        assertThat(log.get(0)).isEqualTo(e);
    }

    @Test
    void appendingOutOfOrderIsRefused() {
        EventLog log = new EventLog();
        Recording rec = Simulator.run(everything(), Sim.opts("1.14", 2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> log.append(rec.event(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
