package dev.sizebot.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * GitHub's answers for WireMock: the fixtures under {@code src/test/resources/github/} (modeled on
 * GitHub's REST reference, {@code {{api}}} standing for the stub's API URL) and JSON responses with
 * the headers GitHub sends.
 */
public final class GitHubFixtures {
  private GitHubFixtures() {}

  public static String fixture(String name, String api) {
    try (InputStream in = GitHubFixtures.class.getResourceAsStream("/github/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture github/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{api}}", api);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("x-ratelimit-limit", "5000")
        .withHeader("x-ratelimit-remaining", "4990")
        .withHeader("x-ratelimit-reset", "1796000000")
        .withBody(body);
  }
}
