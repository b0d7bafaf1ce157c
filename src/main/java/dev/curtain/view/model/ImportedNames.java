package dev.curtain.view.model;

import dev.curtain.engine.state.SchedState;
import dev.curtain.importer.ImportFacts;
import dev.curtain.render.StageLabels;

/**
 * The stage's words for an imported run: each token carries its goroutine's real id and function (a package path
 * cut to its last element, so it fits under the token), and a token whose place the log or trace does not record
 * is drawn as inferred.
 */
public final class ImportedNames implements StageLabels {
    private final ImportFacts facts;

    private ImportedNames(ImportFacts facts) {
        this.facts = facts;
    }

    /** The labels for a run with these facts: {@link StageLabels#ENGINE} for a simulated one. */
    public static StageLabels of(ImportFacts facts) {
        return facts == null || !facts.isImport() ? StageLabels.ENGINE : new ImportedNames(facts);
    }

    @Override
    public String token(int g) {
        return facts.tokenLabel(g);
    }

    @Override
    public String name(int g, String engineName) {
        if (facts.isPlaceholder(g)) {
            return "runnable";
        }
        return shortFunction(facts.function(g));
    }

    /** "trace.Start.func1" for "runtime/trace.Start.func1": the last path element and what follows it. */
    static String shortFunction(String function) {
        int slash = function.lastIndexOf('/');
        return slash >= 0 ? function.substring(slash + 1) : function;
    }

    @Override
    public boolean inferred(SchedState s, int g) {
        boolean[] marks = facts.placesInferred(s);
        return g > 0 && g < marks.length && marks[g];
    }
}
