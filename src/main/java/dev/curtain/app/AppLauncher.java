package dev.curtain.app;

import java.io.PrintStream;
import java.nio.file.Path;
import javafx.application.Application;

/** Starts the window from the command line, or explains in one line why it cannot. */
public final class AppLauncher {
    private AppLauncher() {
    }

    /**
     * Opens the window on the default lesson, then on {@code file} if given; returns the exit code.
     * With no display, prints where to go instead and returns 1.
     */
    public static int launch(Path file, PrintStream err) {
        if (!hasDisplay()) {
            err.println("curtain: no display to open a window on; run it under a virtual display "
                    + "(xvfb-run -a ./curtain), or export frames headless with ./curtain render (coming soon)");
            return 1;
        }
        CurtainApp.setInitialFile(file);
        Application.launch(CurtainApp.class);
        return 0;
    }

    static boolean hasDisplay() {
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        String d = System.getenv("DISPLAY");
        String w = System.getenv("WAYLAND_DISPLAY");
        return (d != null && !d.isBlank()) || (w != null && !w.isBlank());
    }
}
