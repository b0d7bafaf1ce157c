package dev.curtain.export;

import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * Starts JavaFX with no display: the Monocle headless platform and the software pipeline, the same properties the
 * headless tests use. Rendering on the software pipeline is also what makes a PNG the same bytes every time.
 */
public final class HeadlessFx {
    /**
     * JavaFX's CSS logger, quietened: a label styled before its node joins the export scene warns about a colour
     * it then resolves, which is noise on a command line. Held here so the setting is not garbage collected.
     */
    private static final Logger CSS_LOG = Logger.getLogger("javafx.css");

    private HeadlessFx() {
    }

    /** Starts the toolkit headless unless it already runs (as in tests, or in the app). */
    public static void start() {
        CSS_LOG.setLevel(Level.SEVERE);
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("headless.geometry", "1920x1080-32");
        setIfAbsent("java.awt.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
            Platform.setImplicitExit(false);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
