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
        return launch(file, err, System::getenv);
    }

    static int launch(Path file, PrintStream err, java.util.function.UnaryOperator<String> env) {
        if (!hasDisplay(env)) {
            err.println("curtain: no display to open a window on; run it under a virtual display "
                    + "(xvfb-run -a ./curtain), or render to a file without one (./curtain render FILE -o OUT.gif)");
            return 1;
        }
        CurtainApp.setInitialFile(file);
        Application.launch(CurtainApp.class);
        return 0;
    }

    static boolean hasDisplay(java.util.function.UnaryOperator<String> env) {
        String d = env.apply("DISPLAY");
        String w = env.apply("WAYLAND_DISPLAY");
        return (d != null && !d.isBlank()) || (w != null && !w.isBlank());
    }
}
