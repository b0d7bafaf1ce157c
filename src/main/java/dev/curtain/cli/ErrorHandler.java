package dev.curtain.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * An internal error ends with one line and exit code 1; the stack trace only with {@code --verbose}
 * (or CURTAIN_VERBOSE=1).
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    static final int INVALID_INPUT = 2;
    static final int INTERNAL_ERROR = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        if (ex instanceof InvalidInputException) {
            cl.getErr().println(ex.getMessage());
            return INVALID_INPUT;
        }
        cl.getErr().println("curtain: internal error: " + ex);
        if (verbose(parsed) || "1".equals(System.getenv("CURTAIN_VERBOSE"))) {
            ex.printStackTrace(cl.getErr());
        }
        return INTERNAL_ERROR;
    }

    /** Whether --verbose was given to the command or any of its subcommands. */
    private static boolean verbose(ParseResult parsed) {
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
