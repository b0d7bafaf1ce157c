package dev.curtain.importer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The importer is pure Java on top of the engine: the app, the CLI and the JSON writer call it, never the reverse. */
class ImporterLayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.curtain");

    @Test
    void importerUsesNeitherJavaFxNorJacksonNorTheOuterLayers() {
        noClasses().that().resideInAPackage("dev.curtain.importer..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.fasterxml..",
                        "org.controlsfx..", "dev.curtain.scenario..", "dev.curtain.view..", "dev.curtain.app..",
                        "dev.curtain.cli..", "dev.curtain.render..", "dev.curtain.bench..")
                .because("a log opens the same way from the app, the CLI and tests, headless")
                .check(CLASSES);
    }
}
