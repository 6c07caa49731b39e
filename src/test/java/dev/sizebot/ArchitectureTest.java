package dev.sizebot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
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
    "dev.sizebot.report..",
    "dev.sizebot.config.."
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
            .layer("config")
            .definedBy("dev.sizebot.config..")
            .layer("docker")
            .definedBy("dev.sizebot.docker..")
            .layer("github")
            .definedBy("dev.sizebot.github..")
            .layer("pipeline")
            .definedBy("dev.sizebot.pipeline..")
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
            // The configuration file's shape: sizes and probes, nothing that measures or publishes.
            .whereLayer("config")
            .mayOnlyAccessLayers("startup", "common")
            .whereLayer("docker")
            .mayOnlyAccessLayers(
                "common", "image", "analysis", "dockerfile", "rules", "diff", "startup", "report")
            .whereLayer("github")
            .mayOnlyAccessLayers(
                "report", "common", "image", "analysis", "dockerfile", "rules", "diff", "startup")
            // The jobs orchestrate; they build nothing themselves (cli hands them a Measurer), so
            // they never touch the engine adapter.
            .whereLayer("pipeline")
            .mayOnlyAccessLayers(
                "config",
                "github",
                "report",
                "rules",
                "diff",
                "analysis",
                "dockerfile",
                "image",
                "startup",
                "common")
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
  void theJobsNeitherTouchTheEngineNorParseCommandLinesNorReadTheEnvironment() {
    noClasses()
        .that()
        .resideInAPackage("dev.sizebot.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.github.dockerjava..", "picocli..", "dev.sizebot.docker..")
        .orShould()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .because("the task: cli only wires the PR pipeline, which gets its engine as a Measurer")
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

  /**
   * DESIGN.md's "may use" column, spelled out: {@code image} parses tars with commons-compress and
   * the JSON documents of an image (manifest.json, index.json, config) with Jackson, which the
   * table does not name but a JSON parser is needed for; {@code analysis} uses only the JDK.
   */
  @Test
  void imageAndAnalysisUseOnlyTheirAllowedLibraries() {
    classes()
        .that()
        .resideInAPackage("dev.sizebot.image..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "dev.sizebot.common..",
            "dev.sizebot.image..",
            "org.apache.commons.compress..",
            "com.fasterxml.jackson..")
        .because("DESIGN.md: image may use common, commons-compress (and a JSON parser: Jackson)")
        .check(classes);
    classes()
        .that()
        .resideInAPackage("dev.sizebot.analysis..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "dev.sizebot.common..", "dev.sizebot.image..", "dev.sizebot.analysis..")
        .because("DESIGN.md: analysis may use image")
        .check(classes);
  }

  /** Files methods that write or create files (reading ones — newInputStream, size — are fine). */
  private static final Pattern WRITES =
      Pattern.compile(
          "write.*|newOutputStream|newBufferedWriter|newByteChannel|createTemp.*|createFile"
              + "|copy|move");

  private static final DescribedPredicate<JavaMethodCall> WRITES_FILES =
      DescribedPredicate.describe(
          "write files or create temp files",
          call ->
              call.getTargetOwner().isEquivalentTo(Files.class)
                      && WRITES.matcher(call.getName()).matches()
                  || call.getTargetOwner().isEquivalentTo(File.class)
                      && call.getName().equals("createTempFile"));

  static ArchRule neverWritesFiles(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .callMethodWhere(WRITES_FILES)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(FileOutputStream.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(FileWriter.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(RandomAccessFile.class)
        .because("DESIGN.md: streams are read once; never extract an archive to disk");
  }

  @Test
  void imageAndAnalysisNeverWriteFiles() {
    neverWritesFiles("dev.sizebot.image..", "dev.sizebot.analysis..").check(classes);
  }

  /** What the rule must catch: a reader that spills a layer to a temp file. */
  static final class Spills {
    static Path spill(byte[] layer) throws IOException {
      Path temp = Files.createTempFile("layer", ".tar");
      Files.write(temp, layer);
      try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
        out.write(layer);
      }
      return temp;
    }
  }

  @Test
  void theNoWritesRuleCatchesTempFilesAndWrites() {
    JavaClasses spills = new ClassFileImporter().importClasses(Spills.class);

    assertThat(neverWritesFiles("dev.sizebot..").evaluate(spills).getFailureReport().getDetails())
        .anyMatch(d -> d.contains("Files.createTempFile("))
        .anyMatch(d -> d.contains("Files.write("))
        .anyMatch(d -> d.contains("FileOutputStream"));
  }
}
