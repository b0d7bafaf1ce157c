package dev.curtain.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: print the stack trace of an internal error (mixed into every command). */
final class VerboseOption {
    @Option(names = "--verbose", description = "On an internal error, print the stack trace too.")
    boolean verbose;
}
