package dev.sizebot.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.GitHubSession;
import dev.sizebot.github.RetryPolicy;
import dev.sizebot.github.Sleeper;
import dev.sizebot.testing.GitHubFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * GitHub as WireMock on 127.0.0.1 (HTTP/1.1, unmatched requests fail the test) with the fixtures of
 * {@code src/test/resources/github/}, and the Actions environment of a pull_request run.
 */
final class FakeGitHub {
  static final String TOKEN = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";

  final WireMockExtension wm;
  final List<Duration> waits = new ArrayList<>();

  FakeGitHub(WireMockExtension wm) {
    this.wm = wm;
  }

  static WireMockExtension extension() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").http2PlainDisabled(true))
        .failOnUnmatchedRequests(true)
        .build();
  }

  String fixture(String name) {
    return GitHubFixtures.fixture(name, api());
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return GitHubFixtures.json(status, body);
  }

  String api() {
    return "http://127.0.0.1:" + wm.getPort();
  }

  void repoAndPull() {
    wm.stubFor(get(urlPathEqualTo("/repos/octo/app")).willReturn(json(200, fixture("repo.json"))));
    wm.stubFor(
        get(urlPathEqualTo("/repos/octo/app/pulls/7")).willReturn(json(200, fixture("pull.json"))));
  }

  /** The environment of a pull_request run whose payload is {@code event} (a fixture name). */
  Map<String, String> env(Path dir, String eventName, String event) throws IOException {
    Path payload = dir.resolve("event.json");
    Files.writeString(payload, fixture(event));
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_EVENT_NAME", eventName);
    env.put("GITHUB_EVENT_PATH", payload.toString());
    env.put("GITHUB_REPOSITORY", "octo/app");
    env.put("GITHUB_API_URL", api());
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_RUN_ID", "99");
    env.put("GITHUB_SHA", "e5bd3914e2e596debea16f433f57875b5b90bcd6");
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
    env.put("GITHUB_OUTPUT", dir.resolve("output.txt").toString());
    return env;
  }

  /** Sessions as the Action opens them, but recording retry waits instead of sleeping. */
  Function<ActionsContext, GitHubSession> sessions() {
    Sleeper sleeper = waits::add;
    return context ->
        GitHubSession.open(
            context.apiUrl(),
            context.requireToken(),
            context.repository(),
            context.fork(),
            RetryPolicy.DEFAULT,
            sleeper);
  }
}
