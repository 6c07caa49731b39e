package dev.sizebot.github;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kohsuke.github.GHPullRequestFileDetail;
import org.kohsuke.github.GHPullRequestReviewBuilder;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHPullRequestReviewEvent;

/**
 * Posts fixes as suggestion blocks, only where the PR changed every line a fix replaces. Reads the
 * PR's files (GET /pulls/{n}/files?per_page=100, all pages) and earlier review comments (GET
 * /pulls/{n}/comments?per_page=100, all pages), then posts one review (POST /pulls/{n}/reviews,
 * event COMMENT, on the head commit) with the rest, or nothing when none is left.
 */
public final class ReviewSuggestions {
  private static final int PAGE = 100;
  private final GitHubSession session;
  private final int number;

  ReviewSuggestions(GitHubSession session, int number) {
    this.session = session;
    this.number = number;
  }

  public SuggestionResult publish(String headSha, String reviewBody, List<Suggestion> suggestions) {
    if (suggestions.isEmpty()) {
      return new SuggestionResult(0, 0, 0);
    }
    Map<String, ChangedLines> changed = changedFiles();
    Set<String> posted = postedMarkers();
    List<Suggestion> fresh = new ArrayList<>();
    int outside = 0;
    int duplicate = 0;
    for (Suggestion s : suggestions) {
      ChangedLines lines = changed.get(s.path());
      if (lines == null || !lines.covers(s.startLine(), s.endLine())) {
        outside++;
      } else if (!posted.add(s.marker())) {
        duplicate++;
      } else {
        fresh.add(s);
      }
    }
    if (!fresh.isEmpty()) {
      post(headSha, reviewBody, fresh);
    }
    return new SuggestionResult(fresh.size(), outside, duplicate);
  }

  private void post(String headSha, String reviewBody, List<Suggestion> fresh) {
    GHPullRequestReviewBuilder review =
        session
            .pull(number)
            .createReview()
            .commitId(headSha)
            .body(reviewBody)
            .event(GHPullRequestReviewEvent.COMMENT);
    for (Suggestion s : fresh) {
      if (s.startLine() == s.endLine()) {
        review.singleLineComment(s.commentBody(), s.path(), s.endLine());
      } else {
        review.multiLineComment(s.commentBody(), s.path(), s.startLine(), s.endLine());
      }
    }
    session.call(GitHubAction.REVIEW, review::create);
  }

  private Map<String, ChangedLines> changedFiles() {
    List<GHPullRequestFileDetail> files =
        session.call(
            GitHubAction.READ_PULL_REQUEST,
            () -> session.pull(number).listFiles().withPageSize(PAGE).toList());
    Map<String, ChangedLines> changed = new HashMap<>();
    for (GHPullRequestFileDetail file : files) {
      // No patch: a binary file, or a diff too large for GitHub to include. Nothing to pin to.
      if (!"removed".equals(file.getStatus()) && file.getPatch() != null) {
        changed.put(file.getFilename(), ChangedLines.of(file.getPatch()));
      }
    }
    return changed;
  }

  private Set<String> postedMarkers() {
    List<GHPullRequestReviewComment> comments =
        session.call(
            GitHubAction.READ_PULL_REQUEST,
            () -> session.pull(number).listReviewComments().withPageSize(PAGE).toList());
    Set<String> markers = new HashSet<>();
    for (GHPullRequestReviewComment c : comments) {
      String body = c.getBody() == null ? "" : c.getBody();
      int at = body.lastIndexOf("<!-- sizebot:suggestion ");
      int end = body.indexOf("-->", Math.max(at, 0));
      if (at >= 0 && end > at) {
        markers.add(body.substring(at, end + 3));
      }
    }
    return markers;
  }
}
