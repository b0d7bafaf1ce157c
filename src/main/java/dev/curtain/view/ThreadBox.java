package dev.curtain.view;

import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.render.ThreadActivity;
import dev.curtain.view.model.ThreadRow;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;

/**
 * One OS thread on the stage: its name, role and state, and a badge per per-thread property that turns red
 * ({@code :diverged}) when the thread differs from the process. Its state is a pseudo-class
 * ({@code :running}, {@code :syscall}, {@code :idle} …) so the stylesheet decides how each looks.
 *
 * <p>The box carries its pseudo-classes for whoever asks, but the stylesheet reads them from two parts of it: the
 * {@code thread-skin} behind the content (border and background) and the {@code thread-top} row (the state text).
 * A pseudo-class change makes JavaFX restyle every node under the node that changed (Parent.doProcessCSS), and a
 * box's nine badges with their texts are most of its nodes; they depend on no box state, so a step that changes a
 * box's state or its red or "changed" ring leaves them out of the stylesheet's pass (docs/performance.md).
 */
public final class ThreadBox extends Region {
    public static final PseudoClass DIVERGED = PseudoClass.getPseudoClass("diverged");
    public static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    public static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");
    private static final Map<ThreadActivity, PseudoClass> STATES = new EnumMap<>(ThreadActivity.class);

    static {
        for (ThreadActivity a : ThreadActivity.values()) {
            STATES.put(a, PseudoClass.getPseudoClass(a.key()));
        }
    }

    /** Short badge texts, in inspector column order. */
    static final Map<Property, String> SHORT = new EnumMap<>(Map.of(
            Property.UID, "uid", Property.GID, "gid", Property.CAPS, "cap", Property.NETNS, "net",
            Property.MNTNS, "mnt", Property.UTSNS, "uts", Property.NICE, "nice", Property.SIGMASK, "sig",
            Property.PRIVATE_FS, "fs"));

    /** The thread shown: fixed for a box on stage; a stand-in ({@link #standFor}) shows one thread after another. */
    private int m;
    private final Label name = new Label();
    private final Label role = new Label();
    private final Label state = new Label();
    /** A padlock and the G this thread is locked to (LockOSThread), shown only while it is. */
    private final Label lock = new Label();
    /** A "!" in a red disc on a thread that differs from the process: a shape, not only a colour. */
    private final Label mark = new Label("!");
    private final HBox badges = new HBox(3);
    /** Draws the box's border and background; the content sits inside its insets, as if they were its padding. */
    private final Region skin = new Region();
    private final HBox top;
    private final VBox content;
    /** Whether a badge turned red or back since the last {@link #restyle}: only then do the badges need the pass. */
    private boolean badgesRestyleDue = true;
    private final Map<Property, Label> badgeByProperty = new EnumMap<>(Property.class);
    private ThreadActivity shownState;
    private Look look;
    /** What the box last showed: a new state whose thread looks the same leaves the nodes alone. */
    private Shown shown;
    private final Scale zoom = new Scale(1, 1, 0, 0);

    public ThreadBox(int m) {
        this.m = m;
        setId("thread-M" + m);
        getStyleClass().add("thread-box");
        name.getStyleClass().add("thread-name");
        name.setText("M" + m);
        // the thread's name is what a compact box is for: the marks beside it give way, never the name
        name.setMinWidth(Region.USE_PREF_SIZE);
        role.getStyleClass().add("thread-role");
        state.getStyleClass().add("thread-state");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        lock.getStyleClass().add("thread-lock");
        lock.setGraphic(Icons.icon(Icons.PADLOCK));
        lock.setMinWidth(Region.USE_PREF_SIZE);
        mark.getStyleClass().add("diverged-mark");
        mark.setMinWidth(Region.USE_PREF_SIZE);
        show(lock, false);
        show(mark, false);
        top = new HBox(6, mark, name, role, lock, spacer, state);
        top.getStyleClass().add("thread-top");
        badges.getStyleClass().add("badges");
        for (Property p : Property.values()) {
            Label b = new Label(SHORT.get(p));
            b.getStyleClass().addAll("badge", "badge-" + p.key());
            b.setMinWidth(Region.USE_PREF_SIZE);
            badgeByProperty.put(p, b);
            badges.getChildren().add(b);
        }
        skin.getStyleClass().add("thread-skin");
        content = new VBox(top, badges);
        content.getStyleClass().add("thread-content");
        skin.insetsProperty().addListener((o, was, now) -> content.setPadding(now));
        getChildren().addAll(skin, content);
        getTransforms().add(zoom);
        setManaged(false);
    }

    public int m() {
        return m;
    }

    // Sized and laid out as its content is, with the skin's insets as the content's padding: exactly what the box
    // measured when it was one VBox with its border, so no zone's slot moves by a rounding.
    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        skin.resizeRelocate(0, 0, getWidth(), getHeight());
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /** The badge for one property (tests look its pseudo-class up). */
    public Label badge(Property p) {
        return badgeByProperty.get(p);
    }

    /** Everything that decides how the box looks (not its tooltips): equal looks draw the same pixels. */
    record Look(String role, String state, ThreadActivity activity, Set<Property> diverged, String badges,
                boolean compact, boolean changed, boolean selected) {
    }

    /** How the box looks now; null before its first {@link #update}. */
    Look look() {
        return look;
    }

    /**
     * Everything of a state that the box's texts, badges, tooltips and pseudo-classes are made from. An event
     * changes one or two threads; comparing this instead of the state spares every other box its label updates and
     * CSS pass.
     */
    private record Shown(String role, ThreadActivity activity, int curg, int lockedg, ThreadProps props,
                         ThreadProps baseline, boolean compact, boolean changed, boolean selected) {
        static Shown of(int m, SchedState s, boolean compact, boolean changed, boolean selected) {
            ThreadState t = s.thread(m);
            return new Shown(t.role().key(), ThreadActivity.of(t, s.gomaxprocs()), t.curg(), t.lockedg(), t.props(),
                    s.baseline(), compact, changed, selected);
        }
    }

    /**
     * The last state and flags {@link #needsUpdate} and {@link #lookFor} were asked about, and their answers: a move
     * asks about the same two states on each of its frames, and working the answer out again (the thread's
     * divergence, its badge texts) for every box on every frame showed in the frame's profile (docs/performance.md,
     * Session 11). A state is never changed once shown, and its event count is checked as well.
     */
    private final Memo needsMemo = new Memo();
    private final Memo lookMemo = new Memo();

    /** One remembered answer about a state and a box's flags. */
    private static final class Memo {
        private SchedState state;
        private int events = -1;
        private int flags = -1;
        private Object answer;

        boolean holds(SchedState s, int f) {
            return s == state && f == flags && s.eventCount() == events;
        }

        void keep(SchedState s, int f, Object a) {
            state = s;
            events = s.eventCount();
            flags = f;
            answer = a;
        }

        void forget() {
            state = null;
            answer = null;
        }
    }

    private static int flags(boolean compact, boolean changed, boolean selected) {
        return (compact ? 1 : 0) | (changed ? 2 : 0) | (selected ? 4 : 0);
    }

    /** Whether {@link #update} would change anything the box shows. */
    boolean needsUpdate(SchedState s, boolean compact, boolean changed, boolean selected) {
        int f = flags(compact, changed, selected);
        if (!needsMemo.holds(s, f)) {
            needsMemo.keep(s, f, !Shown.of(m, s, compact, changed, selected).equals(shown));
        }
        return (Boolean) needsMemo.answer;
    }

    /** Shows thread {@code m} as it is in {@code s}. */
    public void update(SchedState s, boolean compact, boolean changed, boolean selected) {
        shown = Shown.of(m, s, compact, changed, selected);
        needsMemo.forget();
        ThreadState t = s.thread(m);
        role.setText(t.role().key());
        ThreadActivity activity = ThreadActivity.of(t, s.gomaxprocs());
        state.setText(stateText(t, activity));
        if (shownState != activity) {
            if (shownState != null) {
                setState(STATES.get(shownState), false, true);
            }
            setState(STATES.get(activity), true, true);
            shownState = activity;
        }
        Set<Property> diverged = s.diverged(m);
        // a compact box keeps the padlock and leaves "G2" to the tether and the token, so its name has room
        lock.setText(compact ? "" : lockText(t));
        show(lock, t.lockedg() > 0);
        show(mark, !diverged.isEmpty());
        setState(DIVERGED, !diverged.isEmpty(), false);
        setState(CHANGED, changed, false);
        setState(SELECTED, selected, false);
        setState(COMPACT, compact, true);
        badges.setVisible(!compact);
        badges.setManaged(!compact);
        role.setVisible(!compact);
        role.setManaged(!compact);
        state.setVisible(!compact);
        state.setManaged(!compact);
        for (Map.Entry<Property, Label> e : badgeByProperty.entrySet()) {
            boolean d = diverged.contains(e.getKey());
            badgesRestyleDue |= e.getValue().getPseudoClassStates().contains(DIVERGED) != d;
            e.getValue().pseudoClassStateChanged(DIVERGED, d);
            String value = e.getKey().valueOf(t.props());
            e.getValue().setText(badgeText(e.getKey(), d, t));
            if (e.getValue().getTooltip() == null) {
                e.getValue().setTooltip(new Tooltip());
            }
            e.getValue().getTooltip().setText(e.getKey().key() + " = " + value
                    + (d ? "  (process: " + e.getKey().valueOf(s.baseline()) + ")" : ""));
        }
        look = lookFor(s, compact, changed, selected);
    }

    /**
     * How the box would look showing thread {@code m} as it is in {@code s}, worked out without touching a node:
     * the stage can picture a box's new look a frame or two after the event, and pays for the nodes' restyling
     * only then (docs/performance.md). Equal to {@link #look()} after the same {@link #update}.
     */
    Look lookFor(SchedState s, boolean compact, boolean changed, boolean selected) {
        int f = flags(compact, changed, selected);
        if (!lookMemo.holds(s, f)) {
            lookMemo.keep(s, f, workOutLook(s, compact, changed, selected));
        }
        return (Look) lookMemo.answer;
    }

    private Look workOutLook(SchedState s, boolean compact, boolean changed, boolean selected) {
        ThreadState t = s.thread(m);
        ThreadActivity activity = ThreadActivity.of(t, s.gomaxprocs());
        Set<Property> diverged = s.diverged(m);
        StringBuilder badgeTexts = new StringBuilder();
        for (Property p : badgeByProperty.keySet()) {
            badgeTexts.append(badgeText(p, diverged.contains(p), t)).append(' ');
        }
        return new Look(t.role().key(), stateText(t, activity) + "|" + lockText(t), activity, Set.copyOf(diverged),
                badgeTexts.toString(), compact, changed, selected);
    }

    private String stateText(ThreadState t, ThreadActivity activity) {
        return words.apply(activity.describe(t));
    }

    private String lockText(ThreadState t) {
        return t.lockedg() > 0 ? words.apply("G" + t.lockedg()) : "";
    }

    /** A diverged badge says what the thread has now: "net=container" reads from the back row. */
    private static String badgeText(Property p, boolean diverged, ThreadState t) {
        return diverged ? SHORT.get(p) + "=" + shortValue(p, p.valueOf(t.props())) : SHORT.get(p);
    }

    /**
     * Brings the box's styles up to date after {@link #update}: the skin, the top row and, if one changed, the
     * badges. {@link #applyCss} would restyle every node of the box, badges included, whatever changed; JavaFX still
     * starts from the box itself when it has never been styled or the stylesheet changed (Node.applyCss).
     */
    void restyle() {
        skin.applyCss();
        top.applyCss();
        if (badgesRestyleDue) {
            badges.applyCss();
            badgesRestyleDue = false;
        }
    }

    /** Sets a pseudo-class on the box and its skin, and on its top row where the state text's style reads it. */
    private void setState(PseudoClass pc, boolean on, boolean topReadsIt) {
        pseudoClassStateChanged(pc, on);
        skin.pseudoClassStateChanged(pc, on);
        if (topReadsIt) {
            top.pseudoClassStateChanged(pc, on);
        }
    }

    private static void show(Label l, boolean on) {
        l.setVisible(on);
        l.setManaged(on);
    }

    /** A property's value short enough for a badge, shortened as the inspector shows it. */
    static String shortValue(Property p, String value) {
        String v = ThreadRow.display(p, value);
        return v.length() <= 12 ? v : v.substring(0, 11) + "…";
    }

    /** The activity the box shows (tests compare it with the engine's state). */
    public ThreadActivity activity() {
        return shownState;
    }

    /** The state words the box shows now. */
    public String stateText() {
        return state.getText();
    }

    /** What this box calls its thread ("M3", or an import's "tid 12345") and the goroutines it shows. */
    private String title;
    /** The engine's words about a thread ("running G5") in the run's own ids ("running G17"). */
    private UnaryOperator<String> words = UnaryOperator.identity();

    /**
     * Names the box's thread {@code thread} (null: "M" and its id) and rewrites its texts with {@code realIds}
     * (null: as the engine says them): an imported run shows its real ids.
     */
    void setNames(String thread, UnaryOperator<String> realIds) {
        title = thread;
        words = realIds == null ? UnaryOperator.identity() : realIds;
        name.setText(thread == null ? "M" + m : thread);
        shown = null;
        needsMemo.forget();
        lookMemo.forget();
    }

    /**
     * Makes this box, never seen, stand for thread {@code thread} named as {@link #setNames} would name it: one
     * stand-in pictures every thread's next look, where a stand-in per thread would add a box's nodes for each to
     * every pulse's walk of the scene.
     */
    void standFor(int thread, String title, UnaryOperator<String> realIds) {
        m = thread;
        setNames(title, realIds);
    }

    /** Fills the box with the longest texts it can show (for measuring its size). */
    void showLongest() {
        role.setText("template");
        state.setText("waits for its G");
        name.setText(title == null ? "M999" : title.replaceAll("[0-9]", "9"));
        lock.setText("G9999");
        show(lock, true);
        show(mark, true);
        Label widest = badgeByProperty.get(Property.NETNS);
        widest.setText("net=container");
        widest.pseudoClassStateChanged(DIVERGED, true);
        badgesRestyleDue = true;
        // the widest look: a diverged box's border and a running box's bold state text
        setState(DIVERGED, true, false);
        setState(STATES.get(ThreadActivity.RUNNING), true, true);
    }

    /** How many times its laid-out size the box is drawn. */
    double zoom() {
        return zoom.getX();
    }

    /** Draws the box {@code z} times its laid-out size, growing from its top-left corner. */
    public void setZoom(double z) {
        if (z != zoom.getX()) {
            zoom.setX(z);
            zoom.setY(z);
        }
    }
}
