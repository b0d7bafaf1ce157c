package dev.curtain.app;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The menus' and toolbar's place in the first frame: two blank bars of their colours and heights, so the stage is
 * laid out once, where it stays when the real ones replace them just after. Their heights are in {@code em} in
 * the stylesheet ({@code .menu-bar.stand-in}, {@code .tool-bar.stand-in}), so they follow the text size as the
 * real bars do; {@code ChromeStandInTest} checks they match at every text size and theme.
 */
final class ChromeStandIn {
    private ChromeStandIn() {
    }

    /** The two bars, on the screen while {@code shown} (the window's chrome is: not while presenting). */
    static Node create(ObservableValue<Boolean> shown) {
        Region menus = new Region();
        menus.getStyleClass().addAll("menu-bar", "stand-in");
        Region tools = new Region();
        tools.getStyleClass().addAll("tool-bar", "stand-in");
        VBox box = new VBox(menus, tools);
        box.setId("chrome-stand-in");
        WindowPanels.bind(box, shown);
        return box;
    }
}
