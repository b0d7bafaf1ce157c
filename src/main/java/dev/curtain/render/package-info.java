/**
 * Drawing the stage: where every G, P and M goes ({@link dev.curtain.render.StageGeometry}, pure and testable),
 * where a thread's box is at each moment of a move ({@link dev.curtain.render.BoxPlacement}) and how it is all
 * painted on one canvas ({@link dev.curtain.render.StageRenderer}, cached token sprites, pictures of the styled
 * thread boxes). Shared by the window, the compare view, headless export and the render benchmark.
 */
package dev.curtain.render;
