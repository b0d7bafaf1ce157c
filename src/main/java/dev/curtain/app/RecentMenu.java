package dev.curtain.app;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** File → Open Recent: the recent files, newest first, kept in step with {@link RecentFiles}; and Clear Menu. */
final class RecentMenu {
    private final Menu menu = new Menu("Open Recent");
    private final RecentFiles recent;
    private final Consumer<Path> open;

    RecentMenu(RecentFiles recent, Consumer<Path> open) {
        this.recent = recent;
        this.open = open;
        recent.files().addListener((ListChangeListener<Path>) c -> fill());
        fill();
    }

    Menu menu() {
        return menu;
    }

    private void fill() {
        menu.getItems().clear();
        for (Path p : recent.files()) {
            MenuItem item = new MenuItem(p.getFileName() + "   " + p.getParent());
            item.setOnAction(e -> open.accept(p));
            menu.getItems().add(item);
        }
        if (recent.files().isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            menu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear Menu");
            clear.setOnAction(e -> recent.clear());
            menu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }
}
