package dev.curtain.view;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/**
 * Toolbar icons as vector paths: crisp at any size and font scale, with no icon-font dependency. Coloured by
 * the stylesheet ({@code .icon}), so they follow the theme.
 */
public final class Icons {
    public static final String PLAY = "M4 2 L14 8 L4 14 Z";
    public static final String PAUSE = "M3 2 H7 V14 H3 Z M9 2 H13 V14 H9 Z";
    public static final String STEP_FORWARD = "M2 2 L10 8 L2 14 Z M11 2 H14 V14 H11 Z";
    public static final String STEP_BACK = "M14 2 L6 8 L14 14 Z M2 2 H5 V14 H2 Z";
    public static final String RESTART = "M1 2 H4 V14 H1 Z M15 2 L5 8 L15 14 Z";
    public static final String OPEN = "M1 3 H6 L8 5 H15 V13 H1 Z";
    /** Two panes side by side. */
    public static final String COMPARE = "M1 2 H7 V14 H1 Z M9 2 H15 V14 H9 Z";
    /** A projection screen on its stand. */
    /** An arrow leaving a tray: export. */
    public static final String EXPORT = "M8 1 L12.5 5.5 H9.2 V10 H6.8 V5.5 H3.5 Z M1 9 H3 V13 H13 V9 H15 V15 H1 Z";
    /** A padlock: LockOSThread. */
    public static final String PADLOCK = "M4 7 V5 A4 4 0 0 1 12 5 V7 H10.2 V5 A2.2 2.2 0 0 0 5.8 5 V7 Z M2.5 7 H13.5 V15 H2.5 Z";
    public static final String PRESENT = "M1 2 H15 V11 H1 Z M7 11 H9 V14 H7 Z M4 14 H12 V15 H4 Z";

    private Icons() {
    }

    public static Node icon(String path) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().add("icon");
        return p;
    }

    /** A toolbar button showing one of these icons, with an id for tests and a tooltip naming its keys. */
    public static javafx.scene.control.Button toolButton(String id, String icon, String tip, Runnable action) {
        javafx.scene.control.Button b = new javafx.scene.control.Button();
        b.setId(id);
        b.setGraphic(icon(icon));
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.getStyleClass().add("tool-button");
        // the keyboard drives playback; a focused button would swallow Space
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
