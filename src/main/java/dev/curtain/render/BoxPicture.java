package dev.curtain.render;

import javafx.scene.image.Image;

/**
 * A thread box as it looks now, ready to be copied onto the stage: its image and where the image's top-left
 * corner sits relative to the box's own corner (negative when an outline, such as the "changed" ring, reaches
 * outside the box), and the box's own size when it was pictured ({@code w} by {@code h}); all in stage units. The
 * image has {@code scale} pixels per unit (2 on a HiDPI screen).
 */
public record BoxPicture(Image image, double dx, double dy, double w, double h, double scale) {
}
