package dev.sizebot.pipeline;

import dev.sizebot.config.ImageConfig;
import dev.sizebot.report.CompareReport;
import dev.sizebot.rules.Finding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds and compares one configured image at two commits. Declared here and implemented by {@code
 * cli} over the engine, so the jobs can be tested against a fake and never touch docker.
 */
public interface Measurer {
  /**
   * {@code image} at the PR's merge-base with {@code baseSha} against {@code headSha}; the findings
   * are the head Dockerfile's, sized by the head image where it proves them.
   */
  Measurement measure(ImageConfig image, String baseSha, String headSha);

  /**
   * @param platform the platform both sides were built and read for, e.g. {@code linux/amd64}
   * @param dockerfile the head Dockerfile's text, when it could be read (fixes then show as diffs)
   */
  record Measurement(
      String platform, CompareReport compare, List<Finding> findings, Optional<String> dockerfile) {
    public Measurement {
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(compare, "compare");
      findings = List.copyOf(findings);
      Objects.requireNonNull(dockerfile, "dockerfile");
    }
  }
}
