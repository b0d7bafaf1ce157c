package dev.curtain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Parameters;

/**
 * The {@code ./curtain} command line. Not a JavaFX Application subclass, so the shaded jar starts with
 * {@code java -jar} on the plain classpath. With no subcommand it opens the window. Exit codes: 0 success, 2 invalid input, 1 internal error.
 */
@Command(name = "curtain", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Animates the Go runtime scheduler (G, M, P) and each OS thread's Linux properties.",
        subcommands = {OpenCommand.class, SimulateCommand.class, ValidateCommand.class, ExploreCommand.class,
                BenchCommand.class, RenderCommand.class, FuzzCommand.class})
public final class Main implements Callable<Integer> {
    /**
     * {@code curtain FILE} opens a file as {@code curtain open FILE} does: a file manager's "Open with Curtain"
     * passes the file so.
     */
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A scenario file or schedtrace log to open (as the open command does).")
    Path file;

    /** The version the build wrote into the jar's manifest; "development build" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Curtain " + (v == null ? "(development build)" : v)};
        }
    }

    public static void main(String[] args) {
        JavaFxNotice.quiet();
        if (args.length == 0) {
            // the window, as call() opens it, without first building the whole command line's model: picocli
            // reads every command's annotations, and its classes are too old for the class-data archive, which
            // made that a third of a second before JavaFX could start
            System.exit(WindowLauncher.open(null, System.err));
        }
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

    /** No subcommand: the window, on the built-in default lesson (or on FILE). */
    @Override
    public Integer call() {
        if (file != null) {
            return new OpenCommand(file).call();
        }
        return WindowLauncher.open(null, System.err);
    }
}
