package dev.sizebot.github;

import java.util.List;
import java.util.Optional;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueState;

/**
 * The one open issue the scheduled audit keeps up to date: found by its label among the open issues
 * (GET /repos/{o}/{r}/issues?labels=…&state=open, all pages) and by the marker its body starts
 * with, so a second audit edits it instead of filing another; created with the label when none is
 * open (an issue closed by a maintainer is left closed, and the next audit opens a new one).
 */
public final class AuditIssue {
  private static final int PAGE = 100;

  private final GitHubSession session;

  private AuditIssue(GitHubSession session) {
    this.session = session;
  }

  public static AuditIssue of(GitHubSession session) {
    return new AuditIssue(session);
  }

  /** What the audit did to its issue. */
  public record Result(CommentResult.Outcome outcome, int number) {}

  public Result publish(String title, String body, String marker, String label) {
    Optional<GHIssue> existing = find(marker, label);
    if (existing.isEmpty()) {
      GHIssue created =
          session.createOnce(
              GitHubAction.AUDIT_ISSUE,
              () -> session.repository().createIssue(title).body(body).label(label).create(),
              () -> find(marker, label));
      return new Result(CommentResult.Outcome.CREATED, created.getNumber());
    }
    GHIssue issue = existing.get();
    if (normalized(issue.getBody()).equals(normalized(body))) {
      return new Result(CommentResult.Outcome.UNCHANGED, issue.getNumber());
    }
    session.call(
        GitHubAction.AUDIT_ISSUE,
        () -> {
          issue.setBody(body);
          return null;
        });
    return new Result(CommentResult.Outcome.UPDATED, issue.getNumber());
  }

  private Optional<GHIssue> find(String marker, String label) {
    List<GHIssue> open =
        session.call(
            GitHubAction.AUDIT_ISSUE,
            () ->
                session
                    .repository()
                    .queryIssues()
                    .label(label)
                    .state(GHIssueState.OPEN)
                    .pageSize(PAGE)
                    .list()
                    .toList());
    // The issues API lists pull requests too; and only a body sizebot wrote counts.
    return open.stream()
        .filter(i -> !i.isPullRequest())
        .filter(i -> i.getBody() != null && i.getBody().startsWith(marker))
        .findFirst();
  }

  private static String normalized(String body) {
    return body == null ? "" : body.replace("\r\n", "\n").strip();
  }
}
