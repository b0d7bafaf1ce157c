/**
 * The animator window's JavaFX nodes: the stage, inspector, caption bar, timeline, event log, source pane and the
 * Explore panel ("what could happen" over many seeds).
 * Views bind to the view models in {@code dev.curtain.view.model} and forward user input to their commands;
 * they never run the engine themselves. Styling lives in the stylesheet (pseudo-classes such as
 * {@code :diverged}, {@code :running}, {@code :syscall}); nothing here calls {@code setStyle}.
 */
package dev.curtain.view;
