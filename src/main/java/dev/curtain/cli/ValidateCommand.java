package dev.curtain.cli;

import dev.curtain.scenario.LoadResult;
import dev.curtain.scenario.ScenarioError;
import dev.curtain.scenario.ScenarioFiles;
import dev.curtain.scenario.ScenarioWarnings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./curtain validate FILE...}: every error of every file as FILE:LINE:COL on stderr (exit 2), plus
 * warnings for likely mistakes, which do not change the exit code.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files: errors as FILE:LINE:COL: message on stderr (exit 2), warnings for "
                + "likely mistakes (exit 0 if there are only warnings).")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files.")
    List<Path> files;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int invalid = 0;
        for (Path f : files) {
            LoadResult r = ScenarioFiles.load(f);
            if (!r.ok()) {
                invalid++;
                r.errors().forEach(e -> err.println(e.format()));
                continue;
            }
            List<ScenarioError> warnings = ScenarioWarnings.check(r);
            warnings.forEach(w -> err.println(w.format()));
            out.println(f + ": ok" + (warnings.isEmpty() ? "" : " (" + warnings.size() + " warning"
                    + (warnings.size() == 1 ? "" : "s") + ")"));
        }
        out.flush();
        err.flush();
        return invalid == 0 ? 0 : ErrorHandler.INVALID_INPUT;
    }
}
