package dev.sizebot.github;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnectorResponse;
import org.kohsuke.github.extras.HttpClientGitHubConnector;

/**
 * One authenticated connection to one repository, through github-api over the JDK HttpClient
 * (HTTP/1.1), with {@link RetryingConnector} below it. Hands out the publishers; every call's
 * failure becomes one {@link dev.sizebot.common.SizebotException} with exit code 4.
 */
public final class GitHubSession {
  // RetryingConnector has already waited as long as the policy allows: what reaches these is final.
  private static final GitHubRateLimitHandler RATE_LIMIT_FAILS =
      new GitHubRateLimitHandler() {
        @Override
        public void onError(GitHubConnectorResponse response) throws IOException {
          throw new HttpException(response);
        }
      };
  private static final GitHubAbuseLimitHandler ABUSE_LIMIT_FAILS =
      new GitHubAbuseLimitHandler() {
        @Override
        public void onError(GitHubConnectorResponse response) throws IOException {
          throw new HttpException(response);
        }
      };

  private final GitHub github;
  private final RepoName repoName;
  private final boolean fork;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Map<Integer, GHPullRequest> pulls = new HashMap<>();
  private GHRepository repository;

  private GitHubSession(
      GitHub github, RepoName repoName, boolean fork, RetryPolicy policy, Sleeper sleeper) {
    this.github = github;
    this.repoName = repoName;
    this.fork = fork;
    this.policy = policy;
    this.sleeper = sleeper;
  }

  /** The session an Actions run asks for: its API URL, token and repository. */
  public static GitHubSession open(ActionsContext context) {
    return open(
        context.apiUrl(),
        context.requireToken(),
        context.repository(),
        context.fork(),
        RetryPolicy.DEFAULT,
        Sleeper.REAL);
  }

  /**
   * {@code apiUrl} is {@code https://api.github.com} or a GitHub Enterprise Server's {@code
   * https://HOST/api/v3}; {@code fork} makes a 403 explain the two-phase workflow.
   */
  public static GitHubSession open(
      URI apiUrl, Token token, RepoName repo, boolean fork, RetryPolicy policy, Sleeper sleeper) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    try {
      GitHub github =
          new GitHubBuilder()
              .withEndpoint(apiUrl.toString())
              // An installation token (GITHUB_TOKEN) may not GET /user; withOAuthToken would ask
              // it.
              .withAppInstallationToken(token.value())
              .withConnector(
                  new RetryingConnector(
                      new HttpClientGitHubConnector(http), policy, sleeper, Clock.systemUTC()))
              .withRateLimitHandler(RATE_LIMIT_FAILS)
              .withAbuseLimitHandler(ABUSE_LIMIT_FAILS)
              .build();
      return new GitHubSession(github, repo, fork, policy, sleeper);
    } catch (IOException e) {
      throw GitHubFailure.of(GitHubAction.READ_REPOSITORY, e, fork);
    }
  }

  /** True when this session publishes for a fork's PR (a 403 then explains the two phases). */
  public boolean fork() {
    return fork;
  }

  public RepoName repoName() {
    return repoName;
  }

  /** The PR as GitHub has it now (head SHA, base SHA, labels): GET /repos/{o}/{r}/pulls/{n}. */
  public PullRequestInfo pullRequest(int number) {
    return PullRequestInfo.of(pull(number));
  }

  /** The sticky comment of PR {@code number}. */
  public StickyComment stickyComment(int number) {
    return new StickyComment(this, number);
  }

  /** The check run (or commit status) publisher. */
  public CheckPublisher checks() {
    return new CheckPublisher(this);
  }

  /** The review-suggestion publisher of PR {@code number}. */
  public ReviewSuggestions reviewSuggestions(int number) {
    return new ReviewSuggestions(this, number);
  }

  GHPullRequest pull(int number) {
    GHPullRequest pull = pulls.get(number);
    if (pull == null) {
      pull = call(GitHubAction.READ_PULL_REQUEST, () -> repository().getPullRequest(number));
      pulls.put(number, pull);
    }
    return pull;
  }

  GHRepository repository() {
    if (repository == null) {
      repository =
          call(GitHubAction.READ_REPOSITORY, () -> github.getRepository(repoName.fullName()));
    }
    return repository;
  }

  <T> T call(GitHubAction action, Call<T> call) {
    try {
      return call.run();
    } catch (IOException e) {
      throw GitHubFailure.of(action, e, fork);
    }
  }

  /**
   * Makes what must exist once (a comment, an issue). After a 5xx GitHub may have made it all the
   * same, so {@link RetryingConnector} does not repeat such a POST: here, after the policy's wait,
   * {@code find} looks for it, and only when it is not there is the POST sent again, up to the
   * policy's attempts.
   */
  <T> T createOnce(GitHubAction action, Call<T> create, Call<Optional<T>> find) {
    for (int attempt = 1; ; attempt++) {
      try {
        return create.run();
      } catch (IOException e) {
        int status = GitHubFailure.status(e);
        if (status < 500 || status > 599 || attempt >= policy.maxAttempts()) {
          throw GitHubFailure.of(action, e, fork);
        }
      }
      pause(policy.firstBackoff().multipliedBy(1L << (attempt - 1)));
      Optional<T> made = call(action, find);
      if (made.isPresent()) {
        return made.get();
      }
    }
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to look for what GitHub made", e);
    }
  }

  /** A github-api call. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }
}
