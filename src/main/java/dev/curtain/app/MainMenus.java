package dev.curtain.app;

import dev.curtain.view.model.ViewerModel;
import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The menu bar: File, Edit, View and Help. The View menu's theme, text size and panel items show the
 * {@link WindowModel}'s state, whoever changed it (the menu itself, presenter mode, a scenario's view hint, a key).
 */
final class MainMenus {
    /** What the menus start that is not the window model's or a document action. */
    record Actions(Runnable present, Runnable compare, Runnable guide) {
    }

    private final Stage stage;
    private final WindowModel window;
    private final ViewerModel model;
    private final DocumentActions documents;
    private final ExportActions export;
    private final Authoring authoring;
    private final RecentMenu recent;
    private final Actions actions;

    MainMenus(Stage stage, WindowModel window, ViewerModel model, DocumentActions documents, ExportActions export,
              Authoring authoring, RecentMenu recent, Actions actions) {
        this.stage = stage;
        this.window = window;
        this.model = model;
        this.documents = documents;
        this.export = export;
        this.authoring = authoring;
        this.recent = recent;
        this.actions = actions;
    }

    MenuBar bar() {
        MenuBar bar = new MenuBar(file(), edit(), view(), help());
        bar.setId("menu-bar");
        return bar;
    }

    private Menu file() {
        MenuItem open = item("Open…", null, "Shortcut+O", documents::chooseFile);
        List<MenuItem> exports = export.menuItems("Export ");
        MenuItem frame = exports.get(0);
        frame.setId("export-frame");
        frame.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        MenuItem video = exports.get(1);
        video.setId("export-video");
        video.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+E"));
        exports.get(2).setId("export-trace");
        MenuItem save = item("Save", "save-menu", "Shortcut+S", authoring::save);
        save.disableProperty().bind(documents.nothingToExport());
        MenuItem quit = item("Quit", null, "Shortcut+Q", documents::quit);
        // a long Go trace's later part (the recording holds about its first second)
        MenuItem part = item("Open Part of This Trace…", "trace-part-menu", null, documents::chooseTracePart);
        part.disableProperty().bind(documents.traceGenerationsProperty().lessThan(2));
        return new Menu("File", null, open, recent.menu(), part, save, new SeparatorMenuItem(), frame, video,
                exports.get(2), new SeparatorMenuItem(), quit);
    }

    private Menu edit() {
        MenuItem cue = item("Cue at This Event (Caption, Notes, Pause)…", "cue-menu", "Shortcut+U",
                authoring::editCueAtCurrentEvent);
        cue.disableProperty().bind(documents.nothingToExport().or(model.playback().indexProperty().isEqualTo(0)));
        return new Menu("Edit", null, cue);
    }

    private Menu view() {
        MenuItem present = item("Present", "present-menu", "F5", actions.present());
        MenuItem compare = item("Compare Go Versions Side by Side", "compare-menu", "Shortcut+K", actions.compare());
        compare.disableProperty().bind(documents.nothingToExport());
        CheckMenuItem inspector = new CheckMenuItem("Inspector");
        inspector.setId("view-inspector");
        inspector.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        inspector.selectedProperty().bindBidirectional(window.inspectorShownProperty());
        CheckMenuItem panels = new CheckMenuItem("Source and Event Log");
        panels.setId("view-panels");
        panels.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        panels.selectedProperty().bindBidirectional(window.panelsShownProperty());
        CheckMenuItem explore = new CheckMenuItem("What Could Happen (Explore Seeds)");
        explore.setId("view-explore");
        explore.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+X"));
        explore.selectedProperty().bindBidirectional(window.exploreShownProperty());
        // the item names the seed on screen, so the menu and the toolbar's seed never disagree
        MenuItem nextSeed = item("", "next-seed-menu", "Shortcut+Shift+N", documents::nextSeed);
        nextSeed.textProperty().bind(window.seedProperty().add(1).asString("Next Seed (seed %d)"));
        nextSeed.disableProperty().bind(documents.nothingToExport());
        MenuItem bigger = item("Larger Text", "text-larger", "Shortcut+EQUALS", window::largerText);
        MenuItem smaller = item("Smaller Text", "text-smaller", "Shortcut+MINUS", window::smallerText);
        return new Menu("View", null, present, compare, new SeparatorMenuItem(), inspector, panels, explore,
                nextSeed, new SeparatorMenuItem(), themes(), textSizes(), bigger, smaller);
    }

    /** View → Theme: one radio item per theme, the selected one the window's theme at every moment. */
    private Menu themes() {
        Menu themes = new Menu("Theme");
        themes.setId("theme-menu");
        ToggleGroup group = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.label());
            item.setId("theme-" + t.palette().name());
            item.setUserData(t);
            item.setToggleGroup(group);
            item.setOnAction(e -> window.setTheme(t));
            themes.getItems().add(item);
        }
        // setSelected does not fire the item's action: the menu follows the model without being taken for the user
        select(group, window.getTheme());
        window.themeProperty().addListener((o, a, b) -> select(group, b));
        return themes;
    }

    /** View → Text Size: 100% to 200%, the selected one the window's text size at every moment. */
    private Menu textSizes() {
        Menu sizes = new Menu("Text Size");
        sizes.setId("text-size-menu");
        ToggleGroup group = new ToggleGroup();
        for (int pct : WindowModel.TEXT_SIZES) {
            RadioMenuItem item = new RadioMenuItem(pct + "%");
            item.setId("text-size-" + pct);
            item.setUserData(pct);
            item.setToggleGroup(group);
            item.setOnAction(e -> window.setTextSize(pct));
            sizes.getItems().add(item);
        }
        select(group, window.getTextSize());
        window.textSizeProperty().addListener((o, a, b) -> select(group, b.intValue()));
        return sizes;
    }

    /** Selects the item that stands for {@code value}. */
    private static void select(ToggleGroup group, Object value) {
        group.getToggles().forEach(t -> t.setSelected(value.equals(t.getUserData())));
    }

    private Menu help() {
        MenuItem howTo = item("How to Read the Stage", "help-guide", "F1", actions.guide());
        MenuItem keys = item("Keyboard Shortcuts", "help-keys", null, () -> HelpDialogs.shortcuts(stage));
        MenuItem about = item("About Curtain", "help-about", null, () -> HelpDialogs.about(stage));
        return new Menu("Help", null, howTo, keys, new SeparatorMenuItem(), about);
    }

    private static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (id != null) {
            m.setId(id);
        }
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
