package dev.sizebot.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Retries below github-api, at the connector. github-api retries only when its rate-limit or abuse
 * handler returns normally (at most a fixed 2 times, with the handler doing an unbounded sleep),
 * never on a 5xx (its 5xx handler is package-private and always throws). Here one {@link
 * RetryPolicy} decides both, with a bounded total and an injectable {@link Sleeper}; github-api's
 * own handlers are set to FAIL so they see only the final response.
 */
final class RetryingConnector implements GitHubConnector {
  private static final Pattern MADE_ONCE = Pattern.compile("/issues(/\\d+/comments)?$");

  private final GitHubConnector next;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;

  RetryingConnector(GitHubConnector next, RetryPolicy policy, Sleeper sleeper, Clock clock) {
    this.next = next;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    Duration waited = Duration.ZERO;
    boolean once = makesSomethingOnce(request);
    for (int attempt = 1; ; attempt++) {
      GitHubConnectorResponse response = next.send(request);
      int status = response.statusCode();
      Optional<Duration> wait = policy.waitAfter(attempt, status, response::header, clock);
      if (wait.isEmpty()
          || (once && status >= 500)
          || waited.plus(wait.get()).compareTo(policy.maxTotalWait()) > 0
          || !rewind(request)) {
        return response;
      }
      response.close();
      try {
        sleeper.sleep(wait.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting to retry " + request.url());
      }
      waited = waited.plus(wait.get());
    }
  }

  /**
   * A POST that makes a comment or an issue: after a 5xx GitHub may have made it all the same, so
   * repeating the POST blindly could make two; {@link GitHubSession#createOnce} looks first. A
   * rate-limit refusal (403/429) was not acted on and is retried here as usual.
   */
  static boolean makesSomethingOnce(GitHubConnectorRequest request) {
    return "POST".equals(request.method()) && MADE_ONCE.matcher(request.url().getPath()).find();
  }

  /**
   * Puts the body back at its start for another attempt. The request must reach the connector as
   * github-api made it (it maps responses through the request's own injected values), so it cannot
   * be wrapped; github-api's JSON body is a ByteArrayInputStream, which rewinds to 0.
   */
  private static boolean rewind(GitHubConnectorRequest request) throws IOException {
    if (!request.hasBody()) {
      return true;
    }
    InputStream body = request.body();
    if (body == null || !body.markSupported()) {
      return body == null;
    }
    body.reset();
    return true;
  }
}
