package dev.curtain.importer;

/** A line that looks like schedtrace output but cannot be read; the reader reports it and skips it. */
final class BadLineException extends Exception {
    BadLineException(String message) {
        super(message);
    }
}
