package dev.curtain.engine;

import static dev.curtain.engine.program.Ops.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.bench.BenchScenario;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.program.Namespace;
import dev.curtain.engine.program.Program;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Same program, options and seed: the same log, byte for byte. The golden hashes pin the rules' exact output; a
 * change to a rule that moves any event changes them, and must be deliberate (update the hash and say why).
 */
class DeterminismTest {

    static String hash(Recording r) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Event e : r.events()) {
                md.update(e.toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Program lesson() {
        return Sim.program(
                fn("main", go("dirty"), compute("1ms"), loop(10, go("probe"), sleep("200us")), sleep("2ms")),
                fn("dirty", lock(), setns(Namespace.NET, "container"), syscall("read", "3ms"), compute("100us")),
                fn("probe", openSocket("probe"), syscall("write", "50us"), compute("30us")));
    }

    @Test
    void theSameSeedGivesTheSameLogByteForByte() {
        for (String v : new String[] {"1.9", "1.10", "1.14", "1.26"}) {
            SimulationOptions o = Sim.opts(v, 2).withSeed(7);
            assertThat(hash(Simulator.run(lesson(), o))).as(v).isEqualTo(hash(Simulator.run(lesson(), o)));
        }
    }

    @Test
    void anotherSeedCanGiveAnotherRun() {
        String a = hash(Simulator.run(lesson(), Sim.opts("1.14", 2).withSeed(1)));
        String b = hash(Simulator.run(lesson(), Sim.opts("1.14", 2).withSeed(2)));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void goldenLogHashes() {
        assertThat(hash(Simulator.run(lesson(), Sim.opts("1.9", 2)))).isEqualTo(GOLDEN_19);
        assertThat(hash(Simulator.run(lesson(), Sim.opts("1.14", 2)))).isEqualTo(GOLDEN_114);
        assertThat(hash(Simulator.run(BenchScenario.program(2_000), BenchScenario.options(8))))
                .isEqualTo(GOLDEN_BENCH);
    }

    private static final String GOLDEN_19 = "1e8f9410ddc31393";
    private static final String GOLDEN_114 = "984f6e49330d2a64";
    private static final String GOLDEN_BENCH = "766dc373d55637c6";
}
