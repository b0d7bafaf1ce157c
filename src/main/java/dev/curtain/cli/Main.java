package dev.curtain.cli;

import dev.curtain.app.AppLauncher;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./curtain} command line. Not a JavaFX Application subclass, so the shaded jar starts with
 * {@code java -jar} on the plain classpath. With no subcommand it opens the window. Exit codes: 0 success, 2 invalid input, 1 internal error.
 */
@Command(name = "curtain", mixinStandardHelpOptions = true, version = "Curtain 0.1",
        description = "Animates the Go runtime scheduler (G, M, P) and each OS thread's Linux properties.",
        subcommands = {OpenCommand.class, SimulateCommand.class, ValidateCommand.class, ExploreCommand.class,
                BenchCommand.class, RenderCommand.class, FuzzCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with its output and error streams given, and returns its exit code (for tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** No subcommand: the window, on the built-in default lesson. */
    @Override
    public Integer call() {
        return AppLauncher.launch(null, System.err);
    }
}
