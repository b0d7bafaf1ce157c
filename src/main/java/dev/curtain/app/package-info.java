/**
 * The JavaFX application: the composition root ({@link dev.curtain.app.CurtainApp}), the main window with its
 * menus and toolbar, dialogs, recent files, themes, and the two seams that connect the app to scenario files and
 * lessons ({@link dev.curtain.app.ScenarioOpener}, {@link dev.curtain.app.LessonLibrary}).
 */
package dev.curtain.app;
