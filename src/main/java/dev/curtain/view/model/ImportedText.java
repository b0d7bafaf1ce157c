package dev.curtain.view.model;

import dev.curtain.importer.ImportFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * The inspector's words about a G, P or M of an imported run: {@link SelectionText}'s, with the real ids, and what
 * only an import has to say (a goroutine is one of the runtime's own; a thread's kernel id).
 */
final class ImportedText {
    private ImportedText() {
    }

    /** {@code lines} (a title, then details) about {@code e} with real ids; unchanged for a simulation. */
    static List<String> selection(ImportFacts facts, Entity e, List<String> lines) {
        if (!facts.isImport()) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.size() + 1);
        for (String line : lines) {
            out.add(facts.realIds(line));
        }
        switch (e.kind()) {
            case G -> {
                if (facts.isPlaceholder(e.id())) {
                    out.add(1, "stands for a goroutine the log only counts (no id)");
                } else if (facts.isRuntimeGoroutine(e.id())
                        && (out.size() < 2 || !out.get(1).startsWith(SelectionText.RUNTIME_OWN))) {
                    out.add(1, SelectionText.RUNTIME_OWN + facts.function(e.id()) + ")");
                }
            }
            case M -> {
                if (facts.kernelThreadIds()) {
                    out.add(1, "tid: the kernel's thread id (a trace has no runtime M numbers)");
                }
            }
            default -> {
            }
        }
        return out;
    }
}
