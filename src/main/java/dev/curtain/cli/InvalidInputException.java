package dev.curtain.cli;

/** Bad input from the user (a file, an option): reported as is, exit code 2. */
public final class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
