package dev.curtain.view.model;

import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.GoroutineTable;
import dev.curtain.engine.state.SchedState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The source pane's content: the scenario's Go source as lines, and which of them the running goroutines are on
 * at the point shown (the pane marks those lines with the goroutines' ids).
 */
final class SourceLines {
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Map<Integer, String>> active =
            new ReadOnlyObjectWrapper<>(this, "activeLines", Map.of());

    /** The source, one entry a line. */
    ObservableList<String> lines() {
        return lines;
    }

    /** Source line (1-based) to the goroutines running or in a syscall on it, "G1, G4". */
    ReadOnlyObjectProperty<Map<Integer, String>> activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Shows another scenario's source. */
    void load(String source) {
        lines.setAll(split(source));
    }

    /** Marks {@code lines}: the lines a state's goroutines are on, by {@link #activeLines}. */
    void follow(Map<Integer, String> lines) {
        active.set(lines);
    }

    /** {@code source} as lines; a final newline does not make an empty last line, and no source has no lines. */
    static List<String> split(String source) {
        if (source.isEmpty()) {
            return List.of();
        }
        List<String> out = Arrays.asList(source.split("\n", -1));
        if (out.get(out.size() - 1).isEmpty()) {
            out = out.subList(0, out.size() - 1);
        }
        return out;
    }

    /** Each line with a goroutine running or in a syscall on it, to those goroutines in goid order. */
    static Map<Integer, String> activeLines(SchedState s) {
        Map<Integer, String> out = new TreeMap<>();
        GoroutineTable gs = s.goroutines();
        for (int g = 1; g < gs.size(); g++) {
            GStatus st = gs.status(g);
            if ((st == GStatus.RUNNING || st == GStatus.SYSCALL) && gs.line(g) > 0) {
                out.merge(gs.line(g), "G" + g, (a, b) -> a + ", " + b);
            }
        }
        return out;
    }
}
