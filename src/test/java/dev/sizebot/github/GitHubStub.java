package dev.sizebot.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sizebot.testing.GitHubFixtures;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub as WireMock: on 127.0.0.1, HTTP/1.1 only, and any request no stub matches fails the test
 * (the annotation form, {@code @WireMockTest}, can set none of the three, so tests register the
 * same JUnit 5 extension programmatically). Fixtures under {@code src/test/resources/github/} are
 * modeled on GitHub's REST reference; {@code {{api}}} in them becomes the stub's API URL.
 */
final class GitHubStub {
  static String fixture(String name, String api) {
    return GitHubFixtures.fixture(name, api);
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return GitHubFixtures.json(status, body);
  }

  static final Token TOKEN = new Token("ghs_16C7e42F292c6912E7710c838347Ae178B4a");
  static final RepoName REPO = new RepoName("octo", "app");
  static final String HEAD = "5d6e7f80a1b2c3d4e5f60718293a4b5c6d7e8f90";

  private GitHubStub() {}

  static WireMockExtension extension() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").http2PlainDisabled(true))
        .failOnUnmatchedRequests(true)
        .build();
  }

  static String api(WireMockExtension wm, String prefix) {
    return "http://127.0.0.1:" + wm.getPort() + prefix;
  }

  /** Stubs GET /repos/octo/app and GET /repos/octo/app/pulls/7 under {@code prefix}. */
  static void repoAndPull(WireMockExtension wm, String prefix) {
    String api = api(wm, prefix);
    wm.stubFor(
        get(urlPathEqualTo(prefix + "/repos/octo/app"))
            .willReturn(json(200, fixture("repo.json", api))));
    wm.stubFor(
        get(urlPathEqualTo(prefix + "/repos/octo/app/pulls/7"))
            .willReturn(json(200, fixture("pull.json", api))));
  }

  static GitHubSession session(WireMockExtension wm, String prefix, boolean fork, Sleeper sleeper) {
    return GitHubSession.open(
        URI.create(api(wm, prefix)), TOKEN, REPO, fork, RetryPolicy.DEFAULT, sleeper);
  }

  static GitHubSession session(WireMockExtension wm) {
    return session(wm, "", false, new RecordingSleeper());
  }

  /** Records each wait instead of sleeping. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }
  }
}
