package dev.curtain.bench;

import java.time.Instant;

/**
 * The floor under the startup figure: a JVM on the same class path that reaches its main method, says when, and
 * exits. Launched by the startup benchmark the same way as the app.
 */
public final class StartupFloor {
    private StartupFloor() {
    }

    public static void main(String[] args) {
        Instant reached = Instant.now();
        System.out.println(FirstFrameProbe.PAINTED + reached + " cpu " + FirstFrameProbe.cpuMillis());
    }
}
