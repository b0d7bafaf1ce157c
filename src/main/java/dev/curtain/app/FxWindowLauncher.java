package dev.curtain.app;

import dev.curtain.cli.WindowLauncher;
import java.io.PrintStream;
import java.nio.file.Path;

/** The JavaFX window as the command line's {@link WindowLauncher} (registered in {@code META-INF/services}). */
public final class FxWindowLauncher implements WindowLauncher {
    @Override
    public int launch(Path file, PrintStream err) {
        return AppLauncher.launch(file, err);
    }
}
