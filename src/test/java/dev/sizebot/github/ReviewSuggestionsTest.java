package dev.sizebot.github;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.sizebot.github.GitHubStub.HEAD;
import static dev.sizebot.github.GitHubStub.api;
import static dev.sizebot.github.GitHubStub.fixture;
import static dev.sizebot.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReviewSuggestionsTest {
  @RegisterExtension static WireMockExtension wm = GitHubStub.extension();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "docker/api.Dockerfile";

  static final Suggestion ONE_LINE =
      new Suggestion(
          API,
          4,
          4,
          "RUN apt-get update && apt-get install -y --no-install-recommends build-essential"
              + " && rm -rf /var/lib/apt/lists/*",
          "Clean the apt lists in the same layer (SB102).");
  static final Suggestion THREE_LINES =
      new Suggestion(
          API,
          3,
          5,
          "COPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n",
          "Skip pip's cache (SB105).");
  static final Suggestion ON_CONTEXT_LINES =
      new Suggestion(API, 7, 8, "EXPOSE 8080\nCMD [\"app\"]", "Context lines only.");
  static final Suggestion PARTLY_CHANGED =
      new Suggestion(API, 6, 7, "COPY app/ app/\nEXPOSE 8000", "Half inside the change.");
  static final Suggestion UNTOUCHED_FILE =
      new Suggestion("docker/other.Dockerfile", 1, 1, "FROM scratch", "Not in the PR.");
  static final Suggestion REMOVED_FILE =
      new Suggestion("docker/old.Dockerfile", 1, 1, "FROM busybox", "The file is gone.");
  static final Suggestion POSTED_BEFORE =
      new Suggestion(API, 15, 15, "USER 10001", "Run as a numeric user.");

  @BeforeEach
  void pullRequest() {
    String api = api(wm, "");
    GitHubStub.repoAndPull(wm, "");
    wm.stubFor(
        get(urlEqualTo("/repos/octo/app/pulls/7/files?per_page=100"))
            .willReturn(json(200, fixture("pull-files.json", api))));
    wm.stubFor(
        get(urlEqualTo("/repos/octo/app/pulls/7/comments?per_page=100"))
            .willReturn(
                json(
                    200,
                    fixture("review-comments.json", api)
                        .replace("{{marker}}", POSTED_BEFORE.marker()))));
    wm.stubFor(
        post(urlEqualTo("/repos/octo/app/pulls/7/reviews"))
            .willReturn(json(200, fixture("review-created.json", api))));
  }

  @Test
  void onlySuggestionsWhoseWholeRangeThePullRequestChangedArePostedInOneReview() throws Exception {
    SuggestionResult result =
        GitHubStub.session(wm)
            .reviewSuggestions(7)
            .publish(
                HEAD,
                "sizebot: suggested fixes",
                List.of(
                    ONE_LINE,
                    THREE_LINES,
                    ON_CONTEXT_LINES,
                    PARTLY_CHANGED,
                    UNTOUCHED_FILE,
                    REMOVED_FILE,
                    POSTED_BEFORE));

    assertThat(result).isEqualTo(new SuggestionResult(2, 4, 1));
    ObjectNode review = JSON.createObjectNode();
    review.put("commit_id", HEAD).put("body", "sizebot: suggested fixes").put("event", "COMMENT");
    ArrayNode comments = review.putArray("comments");
    comments
        .addObject()
        .put("path", API)
        .put("line", 4)
        .put(
            "body",
            "Clean the apt lists in the same layer (SB102).\n\n```suggestion\nRUN apt-get update"
                + " && apt-get install -y --no-install-recommends build-essential && rm -rf"
                + " /var/lib/apt/lists/*\n```\n"
                + ONE_LINE.marker());
    comments
        .addObject()
        .put("path", API)
        .put("start_line", 3)
        .put("line", 5)
        .put(
            "body",
            "Skip pip's cache (SB105).\n\n```suggestion\nCOPY requirements.txt .\nRUN pip install"
                + " --no-cache-dir -r requirements.txt\n```\n"
                + THREE_LINES.marker());
    wm.verify(
        1,
        postRequestedFor(urlEqualTo("/repos/octo/app/pulls/7/reviews"))
            .withRequestBody(equalToJson(JSON.writeValueAsString(review))));
  }

  @Test
  void whenEverySuggestionWasPostedBeforeNoReviewIsPosted() {
    SuggestionResult result =
        GitHubStub.session(wm)
            .reviewSuggestions(7)
            .publish(HEAD, "sizebot: suggested fixes", List.of(POSTED_BEFORE, ON_CONTEXT_LINES));

    assertThat(result).isEqualTo(new SuggestionResult(0, 1, 1));
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void aRenamedFileIsMatchedByItsNewName() {
    Suggestion renamed =
        new Suggestion(
            "docker/worker.Dockerfile", 4, 4, "RUN pip install --no-cache-dir -q .", "Quieter.");

    SuggestionResult result =
        GitHubStub.session(wm).reviewSuggestions(7).publish(HEAD, "fixes", List.of(renamed));

    assertThat(result).isEqualTo(new SuggestionResult(1, 0, 0));
  }
}
