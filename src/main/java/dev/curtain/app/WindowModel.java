package dev.curtain.app;

import dev.curtain.scenario.Scenario;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * What the main window shows, apart from the run itself (that is the {@link dev.curtain.view.model.ViewerModel}'s):
 * the theme, the text size, which panels the user wants, whether the window is presenting, the open document
 * with whether it has unsaved changes, and the seed of the run on screen. The menus, the toolbar, presenter mode and the compare window all bind to
 * these properties, so none of them keeps a copy that could disagree: while presenting in the projector theme, the
 * Theme menu says Projector.
 *
 * <p>Plain JavaFX properties, no controls: tests drive it without a toolkit.
 */
public final class WindowModel {
    /** Text sizes offered for large rooms, in percent; the root style classes {@code text-125} and so on. */
    static final int[] TEXT_SIZES = {100, 125, 150, 200};
    /** Text size while presenting, in percent: readable from the back of a lecture hall. */
    static final int PRESENTING_TEXT_SIZE = 150;

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final IntegerProperty textSize = new SimpleIntegerProperty(this, "textSize", 100);
    private final BooleanProperty inspectorShown = new SimpleBooleanProperty(this, "inspectorShown", true);
    private final BooleanProperty panelsShown = new SimpleBooleanProperty(this, "panelsShown", true);
    private final BooleanProperty exploreShown = new SimpleBooleanProperty(this, "exploreShown", false);
    private final ReadOnlyLongWrapper seed = new ReadOnlyLongWrapper(this, "seed", 0);
    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(this, "presenting", false);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty", false);
    private final BooleanBinding inspectorVisible = inspectorShown.and(presenting.not());
    private final BooleanBinding panelsVisible = panelsShown.and(presenting.not());
    private final BooleanBinding exploreVisible = exploreShown.and(presenting.not());
    private final BooleanBinding chromeVisible = presenting.not();
    private final StringBinding title;
    /** What presenting replaced, put back when it ends. */
    private Theme themeBeforePresenting;
    private int textSizeBeforePresenting;

    /**
     * @param scenario the scenario on screen (the viewer model's): the title names it, and its view hint's theme is
     *                 taken when it opens
     */
    public WindowModel(ObservableValue<Scenario> scenario) {
        title = Bindings.createStringBinding(() -> scenario.getValue() == null ? "Curtain"
                : (dirty.get() ? "* " : "") + scenario.getValue().title() + " — Curtain", scenario, dirty);
        scenario.addListener((o, a, b) -> {
            if (b != null && b.hints().theme() != null && (a == null || a.program() != b.program())) {
                theme.set(Theme.named(b.hints().theme()));
            }
            if (b != null) {
                seed.set(b.options().seed());
            }
        });
        if (scenario.getValue() != null) {
            seed.set(scenario.getValue().options().seed());
        }
    }

    public ObjectProperty<Theme> themeProperty() { return theme; }
    public Theme getTheme() { return theme.get(); }
    public void setTheme(Theme t) { theme.set(t); }

    /** The text size in percent, one of {@link #TEXT_SIZES}. */
    public IntegerProperty textSizeProperty() { return textSize; }
    public int getTextSize() { return textSize.get(); }

    /** Sets the text size; a size that is not offered is refused, so no style class is made up for it. */
    public void setTextSize(int percent) {
        if (indexOf(percent) < 0) {
            throw new IllegalArgumentException("text size " + percent + "% is not one of 100, 125, 150, 200");
        }
        textSize.set(percent);
    }

    /** View → Larger Text (Ctrl+=); at the largest size it stays there. */
    public void largerText() {
        stepTextSize(1);
    }

    /** View → Smaller Text (Ctrl+-). */
    public void smallerText() {
        stepTextSize(-1);
    }

    private void stepTextSize(int dir) {
        int i = indexOf(textSize.get());
        textSize.set(TEXT_SIZES[Math.max(0, Math.min(TEXT_SIZES.length - 1, i + dir))]);
    }

    private static int indexOf(int percent) {
        for (int i = 0; i < TEXT_SIZES.length; i++) {
            if (TEXT_SIZES[i] == percent) {
                return i;
            }
        }
        return -1;
    }

    /** View → Inspector, as the user chose it (presenting hides it without changing the choice). */
    public BooleanProperty inspectorShownProperty() { return inspectorShown; }
    /** View → Source and Event Log, as the user chose it. */
    public BooleanProperty panelsShownProperty() { return panelsShown; }
    /** Whether the inspector is in the window now: chosen and not presenting. */
    public BooleanBinding inspectorVisibleProperty() { return inspectorVisible; }
    /** Whether the source and event log panels are in the window now. */
    public BooleanBinding panelsVisibleProperty() { return panelsVisible; }
    /** View → What Could Happen, as the user chose it (presenting hides it without changing the choice). */
    public BooleanProperty exploreShownProperty() { return exploreShown; }
    /** Whether the Explore panel is in the window now: chosen and not presenting. */
    public BooleanBinding exploreVisibleProperty() { return exploreVisible; }

    /**
     * The seed of the run on screen (the toolbar shows it; the seed control, View → Next Seed and the Explore
     * panel change it through the viewer model, which re-runs, and this follows).
     */
    public ReadOnlyLongProperty seedProperty() { return seed.getReadOnlyProperty(); }
    public long getSeed() { return seed.get(); }

    /** Whether the menus and the toolbar are in the window now (presenting hides them). */
    public BooleanBinding chromeVisibleProperty() { return chromeVisible; }

    public ReadOnlyBooleanProperty presentingProperty() { return presenting.getReadOnlyProperty(); }
    public boolean isPresenting() { return presenting.get(); }

    /**
     * Starts presenting: the default light theme gives way to the projector's (a theme the speaker picked for this
     * room stays), and the text grows to at least {@link #PRESENTING_TEXT_SIZE}.
     */
    public void startPresenting() {
        if (presenting.get()) {
            return;
        }
        themeBeforePresenting = theme.get();
        textSizeBeforePresenting = textSize.get();
        if (theme.get() == Theme.LIGHT) {
            theme.set(Theme.PROJECTOR);
        }
        textSize.set(Math.max(PRESENTING_TEXT_SIZE, textSize.get()));
        presenting.set(true);
    }

    /** Ends presenting and puts the theme and text size back as they were before it. */
    public void stopPresenting() {
        if (!presenting.get()) {
            return;
        }
        presenting.set(false);
        theme.set(themeBeforePresenting);
        textSize.set(textSizeBeforePresenting);
    }

    /** The file the open scenario came from, or null (a lesson, a replayed log: saving asks where, or cannot). */
    public ObjectProperty<Path> fileProperty() { return file; }
    public Path getFile() { return file.get(); }
    /** Whether the open scenario has changes not saved to its file. */
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public boolean isDirty() { return dirty.get(); }

    /** A document was opened from {@code from} (null: not from a file), or saved there: nothing unsaved. */
    public void documentAt(Path from) {
        file.set(from);
        dirty.set(false);
    }

    /** The open document changed and is not saved. */
    public void changed() {
        dirty.set(true);
    }

    /** The window's title: the scenario's, with a star while it has unsaved changes. */
    public StringBinding titleProperty() { return title; }
}
