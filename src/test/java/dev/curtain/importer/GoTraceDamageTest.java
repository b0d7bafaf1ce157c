package dev.curtain.importer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.curtain.gotrace.TraceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged traces (cut anywhere, bytes flipped) come back imported with warnings or refused with a message: never an
 * exception, whatever the damage. Seeded, so a failure names the case that reproduces it.
 */
class GoTraceDamageTest {
    @TempDir
    Path dir;

    private void importsOrRefuses(byte[] bytes, String what) throws IOException {
        Path f = dir.resolve("damaged.trace");
        Files.write(f, bytes);
        ImportResult r;
        try {
            r = GoTraceImport.read(f, ProgressListener.NONE);
        } catch (RuntimeException e) {
            fail(what + ": " + e, e);
            return;
        }
        if (r.isRefused()) {
            assertTrue(r.refusal().startsWith("damaged.trace"), what + ": " + r.refusal());
        } else {
            assertTrue(r.recording().size() > 0, what);
        }
    }

    @Test
    void cutAnywhere() throws IOException {
        byte[] full = Files.readAllBytes(TraceFixtures.trace("ticker-go1.22"));
        for (int cut = 0; cut < full.length; cut += 97) {
            importsOrRefuses(Arrays.copyOf(full, cut), "cut at " + cut);
        }
    }

    @Test
    void bytesFlipped() throws IOException {
        byte[] full = Files.readAllBytes(TraceFixtures.trace("chan-go1.23"));
        SplittableRandom rnd = new SplittableRandom(14);
        for (int round = 0; round < 300; round++) {
            byte[] b = full.clone();
            int flips = 1 + rnd.nextInt(4);
            StringBuilder what = new StringBuilder("round " + round + ":");
            for (int i = 0; i < flips; i++) {
                int at = 16 + rnd.nextInt(b.length - 16);
                b[at] = (byte) rnd.nextInt(256);
                what.append(' ').append(at);
            }
            importsOrRefuses(b, what.toString());
        }
    }
}
