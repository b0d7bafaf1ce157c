package dev.curtain.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./curtain open FILE}: the window, on a scenario file or a recording of a real run. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open the app on a scenario file, a Go execution trace or a GODEBUG=schedtrace log.")
final class OpenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "A scenario file, a Go execution trace or a schedtrace log (told apart by content).")
    Path file;

    OpenCommand() {
    }

    /** {@code curtain FILE}, the same as {@code curtain open FILE}. */
    OpenCommand(Path file) {
        this.file = file;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such file");
        }
        return WindowLauncher.open(file, System.err);
    }
}
