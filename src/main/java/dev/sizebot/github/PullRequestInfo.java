package dev.sizebot.github;

import java.util.List;
import java.util.Optional;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;

/** A pull request as the API reports it now, for checks that must not trust a saved report. */
public record PullRequestInfo(
    int number,
    String headSha,
    String baseSha,
    String state,
    Optional<String> headRepo,
    String baseRepo,
    List<String> labels) {
  public PullRequestInfo {
    labels = List.copyOf(labels);
  }

  static PullRequestInfo of(GHPullRequest pull) {
    return new PullRequestInfo(
        pull.getNumber(),
        pull.getHead().getSha(),
        pull.getBase().getSha(),
        pull.getState().name().toLowerCase(java.util.Locale.ROOT),
        Optional.ofNullable(pull.getHead().getRepository()).map(GHRepository::getFullName),
        pull.getBase().getRepository().getFullName(),
        pull.getLabels().stream().map(GHLabel::getName).toList());
  }

  public boolean fork() {
    return headRepo.map(h -> !h.equalsIgnoreCase(baseRepo)).orElse(true);
  }

  public boolean hasLabel(String label) {
    return labels.stream().anyMatch(l -> l.equalsIgnoreCase(label));
  }
}
