package dev.sizebot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps DESIGN.md's package table true: who may use whom, and what domain code may not touch. */
class ArchitectureTest {
  private static final String[] DOMAIN = {
    "dev.sizebot.common..",
    "dev.sizebot.image..",
    "dev.sizebot.analysis..",
    "dev.sizebot.dockerfile..",
    "dev.sizebot.rules..",
    "dev.sizebot.diff..",
    "dev.sizebot.startup..",
    "dev.sizebot.report.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sizebot");
  }

  @Test
  void packagesUseOnlyWhatDesignAllows() {
    ArchRule rule =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("common")
            .definedBy("dev.sizebot.common..")
            .layer("image")
            .definedBy("dev.sizebot.image..")
            .layer("analysis")
            .definedBy("dev.sizebot.analysis..")
            .layer("dockerfile")
            .definedBy("dev.sizebot.dockerfile..")
            .layer("rules")
            .definedBy("dev.sizebot.rules..")
            .layer("diff")
            .definedBy("dev.sizebot.diff..")
            .layer("startup")
            .definedBy("dev.sizebot.startup..")
            .layer("report")
            .definedBy("dev.sizebot.report..")
            .layer("docker")
            .definedBy("dev.sizebot.docker..")
            .layer("github")
            .definedBy("dev.sizebot.github..")
            .layer("cli")
            .definedBy("dev.sizebot.cli..")
            .whereLayer("common")
            .mayNotAccessAnyLayer()
            .whereLayer("image")
            .mayOnlyAccessLayers("common")
            .whereLayer("analysis")
            .mayOnlyAccessLayers("image", "common")
            .whereLayer("dockerfile")
            .mayOnlyAccessLayers("common")
            .whereLayer("rules")
            .mayOnlyAccessLayers("dockerfile", "analysis", "image", "common")
            .whereLayer("diff")
            .mayOnlyAccessLayers("analysis", "dockerfile", "image", "common")
            .whereLayer("startup")
            .mayOnlyAccessLayers("common")
            .whereLayer("report")
            .mayOnlyAccessLayers(
                "analysis", "diff", "rules", "startup", "dockerfile", "image", "common")
            .whereLayer("docker")
            .mayOnlyAccessLayers(
                "common", "image", "analysis", "dockerfile", "rules", "diff", "startup", "report")
            .whereLayer("github")
            .mayOnlyAccessLayers(
                "report", "common", "image", "analysis", "dockerfile", "rules", "diff", "startup")
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer();
    rule.check(classes);
  }

  @Test
  void domainNeverTouchesAdaptersLibrariesOrTheEnvironment() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.github.dockerjava..", "org.kohsuke..", "picocli..")
        .orShould()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .because("DESIGN.md: domain packages stay free of adapters and the environment")
        .check(classes);
  }

  @Test
  void onlyTheCliPrintsToTheConsole() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.sizebot.cli..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .because("DESIGN.md: cli is the only place that prints")
        .check(classes);
  }
}
