/**
 * View models of the animator window: plain objects built from {@code javafx.beans} properties and
 * {@code javafx.collections} lists, so they run and test without a toolkit. Views bind to them and forward
 * commands; only they talk to the engine's recording.
 */
package dev.curtain.view.model;
