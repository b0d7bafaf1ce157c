package dev.curtain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * How the test JVM configures java.util.logging (surefire names this class in {@code java.util.logging.config.class}):
 * as the JDK does by default, except for one warning. The tests run JavaFX from the class path, as Monocle (the
 * headless platform) needs, and JavaFX says at every start that it was loaded from an unnamed module. That line is
 * dropped; every other JavaFX warning (a CSS lookup that fails, say) still reaches the log, where it is a defect.
 * jqwik's informational notes (that a property has more edge cases than tries) are left out too: they are INFO, and
 * a failing property still reports in full.
 */
public final class TestLogging {
    private static final Logger JQWIK = Logger.getLogger("net.jqwik");

    public TestLogging() throws IOException {
        Path defaults = Path.of(System.getProperty("java.home"), "conf", "logging.properties");
        try (InputStream in = Files.newInputStream(defaults)) {
            LogManager.getLogManager().readConfiguration(in);
        }
        JQWIK.setLevel(Level.WARNING);
        // as the app's own start does (Main): the one line JavaFX prints because it runs from the class path
        dev.curtain.cli.JavaFxNotice.quiet();
    }
}
