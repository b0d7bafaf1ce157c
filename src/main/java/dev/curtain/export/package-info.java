/**
 * Export of a run: frames drawn by the same stage and caption bar as the window, timed by a fixed frame plan, and
 * written as PNG, animated GIF or MP4 (through ffmpeg); and the run as a Chrome/Perfetto trace. Used by
 * {@code ./curtain render} with no display and by the app's File menu.
 */
package dev.curtain.export;
