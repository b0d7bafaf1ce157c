/** The {@code ./curtain} command line (picocli): open, simulate, validate, explore, render, bench. */
package dev.curtain.cli;
