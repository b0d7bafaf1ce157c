package dev.curtain.view;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * "How to read the stage": one card over the stage that says what G, P and M are, what each zone holds and which
 * keys drive playback. Shown once on a first launch and again from Help; any key or the button dismisses it, so it
 * never stands between a lecturer and the next step.
 */
public final class StageGuide extends StackPane {
    /** One line of the card: what a thing on stage is, and what it means. */
    record Entry(String what, String meaning) {
    }

    static final List<Entry> STAGE = List.of(
            new Entry("G  (a coloured token)", "a goroutine, with its number: green running, blue runnable, "
                    + "amber in a system call, hollow waiting (on a channel, a timer, the network)"),
            new Entry("P  (a lane)", "a processor: the right to run Go code. There are GOMAXPROCS of them. Each has "
                    + "a runnext slot (the G it runs next) and a local run queue"),
            new Entry("M  (a box)", "an OS thread. It runs Go code only while it holds a P. Its badges are its own "
                    + "Linux properties (uid, netns, nice …); red with a ! is a thread that differs from the process"),
            new Entry("padlock", "runtime.LockOSThread: the G and its M are wired together; no other G runs there"),
            new Entry("Global run queue", "runnable Gs no P has claimed yet (every 61st schedule looks here first)"),
            new Entry("Waiting", "Gs parked on a channel, a timer, a lock or the network"),
            new Entry("In a system call", "threads blocked in the kernel with their G; sysmon hands their P on"),
            new Entry("Idle threads", "threads with no P: parked in the idle pool, or on their way there or out"),
            new Entry("Locked to their G", "threads that wait for their locked G to become runnable"),
            new Entry("System threads", "sysmon and the template thread: they never hold a P"));

    static final List<Entry> KEYS = List.of(
            new Entry("→  Space", "step one event  ·  play / pause"),
            new Entry("←  Home  End", "step back  ·  to the start  ·  to the end"),
            new Entry("F5  B  Esc", "present full screen  ·  blank the screen  ·  leave"),
            new Entry("Ctrl+K  Ctrl+=", "compare two Go versions  ·  larger text"),
            new Entry("F1", "this guide again"));

    private final Runnable onClose;

    public StageGuide(Runnable onClose) {
        this.onClose = onClose;
        setId("stage-guide");
        getStyleClass().add("stage-guide");
        VBox card = new VBox();
        card.getStyleClass().add("guide-card");
        card.setMaxWidth(Region.USE_PREF_SIZE);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        Label title = new Label("How to read the stage");
        title.getStyleClass().add("guide-title");
        Button close = new Button("Got it");
        close.setId("guide-close");
        close.setDefaultButton(true);
        close.setOnAction(e -> close());
        card.getChildren().addAll(title, table(STAGE), heading("Keys"), table(KEYS), close);
        // on a 1280x720 projector the stage is shorter than the card: it scrolls instead of being cut off
        ScrollPane scroll = new ScrollPane(card);
        scroll.getStyleClass().add("guide-scroll");
        scroll.setFitToWidth(true);
        scroll.setMaxWidth(Region.USE_PREF_SIZE);
        scroll.maxHeightProperty().bind(heightProperty().subtract(24));
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        StackPane.setAlignment(scroll, Pos.CENTER);
        getChildren().add(scroll);
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                close();
            }
        });
    }

    /** Hides the guide and tells the window. */
    public void close() {
        setVisible(false);
        onClose.run();
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("guide-heading");
        return l;
    }

    private static GridPane table(List<Entry> entries) {
        GridPane g = new GridPane();
        g.getStyleClass().add("guide-table");
        for (int i = 0; i < entries.size(); i++) {
            Label what = new Label(entries.get(i).what());
            what.getStyleClass().add("guide-what");
            what.setMinWidth(Region.USE_PREF_SIZE);
            Label meaning = new Label(entries.get(i).meaning());
            meaning.getStyleClass().add("guide-meaning");
            meaning.setWrapText(true);
            // a wrapped label is measured at its preferred width: give it one, and the height that takes
            meaning.setPrefWidth(540);
            meaning.setMinHeight(Region.USE_PREF_SIZE);
            g.addRow(i, what, meaning);
        }
        return g;
    }
}
