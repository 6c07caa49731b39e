package dev.sizebot.report;

import dev.sizebot.common.UnixPath;
import dev.sizebot.rules.Finding;
import dev.sizebot.rules.Fix;
import dev.sizebot.rules.LineRange;
import dev.sizebot.rules.LintResult;
import dev.sizebot.rules.RuleInfo;
import dev.sizebot.rules.Severity;
import dev.sizebot.rules.ShippedBytes;
import java.util.List;

/** A fixed lint result with every shape a renderer must handle, including hostile text. */
final class LintSamples {
  static final RuleInfo APT_LISTS =
      new RuleInfo(
          "SB103",
          Severity.WARNING,
          "apt lists left in the layer",
          "apt-get update downloads package lists that stay in the image.",
          List.of("DL3009"));
  static final RuleInfo LATEST =
      new RuleInfo(
          "SB301",
          Severity.ERROR,
          "base image not pinned",
          "An untagged or :latest base changes under you.",
          List.of("DL3006", "DL3007"));
  static final RuleInfo DOCKERIGNORE =
      new RuleInfo(
          "SB120", Severity.INFO, "no .dockerignore", "The whole context is sent.", List.of());

  private LintSamples() {}

  static LintResult sample() {
    Finding lists =
        APT_LISTS
            .at(
                new LineRange(3, 4),
                "RUN installs with apt-get but keeps /var/lib/apt/lists (`rm` missing) @team")
            .withFix(
                new Fix.Replacement(
                    "remove the lists in the same RUN",
                    new LineRange(3, 4),
                    "RUN apt-get update \\\n"
                        + "    && apt-get install -y --no-install-recommends curl \\\n"
                        + "    && rm -rf /var/lib/apt/lists/*"))
            .withEvidence(
                ShippedBytes.of(3, UnixPath.of("/var/lib/apt/lists/deb.debian.org"), 45_200_000),
                "/var/lib/apt/lists holds 45.2 MB in line 3");
    Finding latest =
        LATEST
            .at(LineRange.of(1), "FROM python:latest <img src=x> uses :latest")
            .withFix(new Fix.Replacement("pin a tag", LineRange.of(1), "FROM python:3.13-slim"));
    Finding ignore =
        DOCKERIGNORE
            .at(LineRange.of(5), "COPY . . sends the whole context, and there is no .dockerignore")
            .withFix(new Fix.Snippet("add a .dockerignore", ".dockerignore", ".git\n.venv\n```\n"));
    return new LintResult(
        "docker/my app/Dockerfile",
        List.of(APT_LISTS, LATEST, DOCKERIGNORE),
        List.of(ignore, lists, latest));
  }

  static LintResult clean() {
    return new LintResult("Dockerfile", List.of(APT_LISTS, LATEST, DOCKERIGNORE), List.of());
  }
}
