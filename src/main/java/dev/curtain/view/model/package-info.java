/**
 * View models of the animator window: plain objects built from {@code javafx.beans} properties and
 * {@code javafx.collections} lists, so they run and test without a toolkit. Views bind to them and forward
 * commands; only they talk to the engine's recording.
 *
 * <p>{@link dev.curtain.view.model.ViewerModel} is what the main window binds to, a composition of one part per
 * job: {@code RunSimulation} runs the engine (the latest request wins), {@code ShownState} reads the state at the
 * index on show, {@code RunCues} says where the cues fall, {@code Captions} what the caption bar says,
 * {@code Selection} and {@code SelectionText} what the inspector says about the selected G, P or M,
 * {@code ThreadRows} its thread table, {@code SourceLines} the source pane's lines and the running goroutines on
 * them, {@code Divergences} and {@code ZoneDemands} what the timeline and the stage need once per run, and
 * {@code RunAnchor} where to come back to after re-running under another Go version or GOMAXPROCS.
 * {@link dev.curtain.view.model.Playback} is the clock, {@link dev.curtain.view.model.CompareModel} the
 * side-by-side window's model, and {@link dev.curtain.view.model.ExplorationModel} the Explore panel's: it counts
 * runs over many seeds with {@code scenario.Exploration.Counter}, as {@code ./curtain explore} does.
 */
package dev.curtain.view.model;
