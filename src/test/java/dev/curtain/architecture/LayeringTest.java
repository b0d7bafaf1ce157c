package dev.curtain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules as tests: retrofitting them later is what large JavaFX apps regret. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.curtain");
    }

    @Test
    void engineUsesNeitherJavaFxNorJackson() {
        noClasses().that().resideInAPackage("dev.curtain.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.fasterxml..", "org.controlsfx..")
                .because("the engine is pure, deterministic Java that runs headless and in benchmarks")
                .check(classes);
    }

    @Test
    void engineDoesNotReachOutward() {
        noClasses().that().resideInAPackage("dev.curtain.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.curtain.scenario..", "dev.curtain.view..",
                        "dev.curtain.app..", "dev.curtain.cli..", "dev.curtain.render..", "dev.curtain.importer..")
                .check(classes);
    }

    @Test
    void viewModelsUseOnlyJavaFxBeansAndCollections() {
        noClasses().that().resideInAPackage("dev.curtain.view.model..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "JavaFX outside javafx.beans and javafx.collections",
                        c -> c.getPackageName().startsWith("javafx.")
                                && !c.getPackageName().startsWith("javafx.beans")
                                && !c.getPackageName().startsWith("javafx.collections")))
                .because("view models must run and be tested without a toolkit")
                .check(classes);
    }

    @Test
    void viewsReachTheEngineOnlyThroughTheViewModel() {
        noClasses().that().resideInAnyPackage("dev.curtain.view", "dev.curtain.render..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.curtain.engine.Simulator")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.curtain.engine.Recording")
                .orShould().dependOnClassesThat().resideInAPackage("dev.curtain.engine.rules..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.curtain.scenario.Cues")
                .because("views draw the state the view model hands them and forward commands to it")
                .check(classes);
    }

    @Test
    void renderingDoesNotDependOnTheWindow() {
        noClasses().that().resideInAPackage("dev.curtain.render..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.curtain.view..", "dev.curtain.app..",
                        "dev.curtain.cli..")
                .because("headless export and the benchmark draw the stage without the window")
                .check(classes);
    }

    @Test
    void viewsAndViewModelsDoNotReachTheApplication() {
        noClasses().that().resideInAnyPackage("dev.curtain.view..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.curtain.app..", "dev.curtain.cli..")
                .check(classes);
    }

    @Test
    void engineHasNoClockThreadsOrUnorderedRandomness() {
        noClasses().that().resideInAPackage("dev.curtain.engine..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.UUID")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.HashSet")
                .because("a seed and a program must give the same log, byte for byte")
                .check(classes);
    }

    @Test
    void engineUsesNoHashOrderedCollection() {
        // Iterating a HashMap or HashSet (or Set.of / Map.of, whose order changes from one JVM run to the next)
        // makes the order of events depend on hash codes; banning the types is simpler than auditing every loop.
        noClasses().that().resideInAPackage("dev.curtain.engine..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.HashMap")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.HashSet")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Hashtable")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.IdentityHashMap")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.WeakHashMap")
                .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
                .orShould().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "Set.of, Set.copyOf, Map.of, Map.ofEntries, Map.copyOf or a hashing Collector",
                        call -> unorderedFactory(call.getTarget().getOwner().getFullName(), call.getName())))
                .because("a seed and a program must give the same log, byte for byte, on every JVM run")
                .check(classes);
    }

    private static boolean unorderedFactory(String owner, String method) {
        return switch (owner) {
            case "java.util.Set" -> method.equals("of") || method.equals("copyOf");
            case "java.util.Map" -> method.equals("of") || method.equals("ofEntries") || method.equals("copyOf");
            case "java.util.stream.Collectors" -> method.equals("toSet") || method.equals("toMap")
                    || method.equals("groupingBy") || method.equals("toUnmodifiableSet")
                    || method.equals("toUnmodifiableMap");
            default -> false;
        };
    }

    @Test
    void scenarioExportAndCommandLineNeverDependOnTheApplication() {
        noClasses().that().resideInAnyPackage("dev.curtain.scenario..", "dev.curtain.export..", "dev.curtain.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.curtain.app..")
                .because("files, exports and commands work without the window; the command line finds the window"
                        + " as a service (WindowLauncher)")
                .check(classes);
    }

    @Test
    void onlyTheStatePackageReachesTheEvolver() {
        noClasses().that().resideOutsideOfPackage("dev.curtain.engine.state")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.curtain.engine.state.Evolver")
                .because("state changes only by folding events into it (SchedState.apply)")
                .check(classes);
        classes().that().haveFullyQualifiedName("dev.curtain.engine.state.Evolver")
                .should().notBePublic()
                .check(classes);
    }
}
