package dev.curtain.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * The window, as the command line sees it. The command line opens it but does not depend on the application
 * package: the application provides this service ({@code META-INF/services}), so the layering test can keep every
 * other command free of the window.
 */
public interface WindowLauncher {
    /** Opens the window on the default lesson, then on {@code file} if not null; returns the exit code. */
    int launch(Path file, PrintStream err);

    /** Opens the window through the launcher the build provides, or says in one line that it has none. */
    static int open(Path file, PrintStream err) {
        return ServiceLoader.load(WindowLauncher.class).findFirst()
                .map(w -> w.launch(file, err))
                .orElseGet(() -> {
                    err.println("curtain: this build has no window; render to a file instead "
                            + "(./curtain render FILE -o OUT.gif)");
                    return 1;
                });
    }
}
