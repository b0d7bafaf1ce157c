package dev.curtain.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
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
        return launch(file, err, System::getenv, System::getProperty);
    }

    static int launch(Path file, PrintStream err, UnaryOperator<String> env, UnaryOperator<String> props) {
        if (!hasDisplay(env) && !drawsInMemory(props)) {
            err.println("curtain: no display to open a window on; run it under a virtual display "
                    + "(xvfb-run -a ./curtain), or render to a file without one (./curtain render FILE -o OUT.gif)");
            return 1;
        }
        CurtainApp.setInitialFile(file);
        Application.launch(CurtainApp.class);
        return 0;
    }

    /** JavaFX's headless platform (Monocle) draws into memory, as the startup benchmark runs it: no display needed. */
    static boolean drawsInMemory(UnaryOperator<String> props) {
        return "Monocle".equals(props.apply("glass.platform")) && "Headless".equals(props.apply("monocle.platform"));
    }

    static boolean hasDisplay(UnaryOperator<String> env) {
        String d = env.apply("DISPLAY");
        String w = env.apply("WAYLAND_DISPLAY");
        return (d != null && !d.isBlank()) || (w != null && !w.isBlank());
    }
}
