/**
 * Drawing the stage: where every G, P and M goes ({@link dev.curtain.render.StageGeometry}, pure and testable)
 * and how it is painted on a canvas ({@link dev.curtain.render.StageRenderer}, cached sprites). Shared by the
 * window, the render benchmark and, later, headless export.
 */
package dev.curtain.render;
