package dev.curtain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** An internal error is one line and exit code 1; the stack trace only with --verbose. */
class ErrorHandlerTest {

    @Command(name = "boom")
    static final class Boom implements Runnable {
        @Mixin
        VerboseOption verbose;

        @Override
        public void run() {
            throw new IllegalStateException("the engine tripped");
        }
    }

    @Command(name = "root", subcommands = Boom.class)
    static final class Root implements Runnable {
        @Override
        public void run() {
        }
    }

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Root());
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new ErrorHandler());
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), err.toString()};
    }

    @Test
    void internalErrorIsOneLineWithExitCodeOne() {
        String[] r = run("boom");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1].lines()).containsExactly(
                "curtain: internal error: java.lang.IllegalStateException: the engine tripped");
    }

    @Test
    void verbosePrintsTheStackTrace() {
        String[] r = run("boom", "--verbose");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).contains("internal error").contains("\tat ").contains("ErrorHandlerTest$Boom.run");
    }

    @Test
    void invalidInputIsItsMessageWithExitCodeTwo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "validate", "does/not/exist.json");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("does/not/exist.json:1:1: no such file (at $)");
    }
}
