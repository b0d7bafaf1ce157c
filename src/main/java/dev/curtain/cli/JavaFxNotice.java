package dev.curtain.cli;

import java.util.logging.Logger;

/**
 * Drops the one line JavaFX prints at every start when it is loaded from the class path ("Unsupported JavaFX
 * configuration: classes were loaded from 'unnamed module …'"). Curtain runs so on purpose: the shaded jar and the
 * app image put JavaFX on the class path, where the headless platform (Monocle) and the single-jar start need it
 * (see the pom's notes). The line tells a lecturer nothing to act on, so it is left out; every other JavaFX warning
 * still reaches the log.
 */
public final class JavaFxNotice {
    /** The start of the line that is dropped. */
    public static final String UNNAMED_MODULE_WARNING =
            "Unsupported JavaFX configuration: classes were loaded from 'unnamed";
    /** Held so the logger, and the filter on it, are not collected (java.util.logging keeps loggers weakly). */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private JavaFxNotice() {
    }

    /** Installs the filter on JavaFX's logger; call before JavaFX starts. */
    public static void quiet() {
        JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith(UNNAMED_MODULE_WARNING));
    }
}
